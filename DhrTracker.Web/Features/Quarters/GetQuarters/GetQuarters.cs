using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Quarters.GetQuarters;

[Requires(Operation.DownloadBoardPaper, Operation.DownloadScrutinyPaper)]
public sealed record GetQuartersQuery : IQuery<QuartersView>;

public sealed record QuartersView(
    FinancialQuarter CurrentQuarter,
    IReadOnlyList<FinancialQuarter> Closable,
    IReadOnlyList<FinancialQuarter> Open,
    IReadOnlyList<QuarterRow> Closures,
    bool CanClose,
    bool CanDownloadBoardPaper);

public sealed record QuarterRow(
    int Id,
    FinancialQuarter Quarter,
    DateTime ClosedAtUtc,
    string ClosedBy,
    bool IsCurrent,
    DateTime? SupersededAtUtc,
    BragCounts Counts,
    FinancialQuarter? ComparedWith,
    MovementCounts? Movement)
{
    /// <summary>"3 improved, 1 worsened, …", or that there is nothing earlier to compare with.</summary>
    public string MovementText => Movement is not { } m || ComparedWith is not { } c
        ? "No earlier closed quarter to compare with"
        : $"Since {c.Label}: " + string.Join(", ", new[]
            {
                (m.Improved, "improved"), (m.Worsened, "worsened"), (m.Unchanged, "unchanged"), (m.Completed, "completed"), (m.New, "new"),
            }.Where(x => x.Item1 > 0).Select(x => $"{x.Item1} {x.Item2}"));
}

/// <summary>
/// Closed quarters with their BRAG counts and what moved since the quarter closed before, read from what each closure
/// kept (a closure made before papers were kept is counted from its snapshot); and the quarters that may be closed or
/// have a draft paper.
/// </summary>
public sealed class GetQuartersHandler(RequestContext context) : IQueryHandler<GetQuartersQuery, QuartersView>
{
    public async ValueTask<QuartersView> Handle(GetQuartersQuery query, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var user = context.User;
        var closures = await db.QuarterClosures.AsNoTracking().InScope(db)
            .OrderByDescending(q => q.StartYear).ThenByDescending(q => q.QuarterNumber).ThenByDescending(q => q.ClosedAtUtc)
            .Select(q => new { q.Id, q.StartYear, q.QuarterNumber, q.ClosedAtUtc, q.ClosedByName, q.SupersededAtUtc, HasRecord = q.Record != null })
            .ToListAsync(cancellationToken);
        var legacy = closures.Where(c => !c.HasRecord).Select(c => c.Id).ToList();
        var snapshots = (await db.Set<ActionSnapshot>().AsNoTracking()
                .Where(s => legacy.Contains(s.QuarterClosureId))
                .Select(s => new { s.QuarterClosureId, s.ActionItemId, s.Status })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.QuarterClosureId);

        var rows = new List<QuarterRow>();
        foreach (var c in closures)
        {
            var quarter = new FinancialQuarter(c.StartYear, c.QuarterNumber);
            if (c.HasRecord)
            {
                var record = await db.QuarterClosures.AsNoTracking().Where(q => q.Id == c.Id).Select(q => q.Record!).SingleAsync(cancellationToken);
                var paper = QuarterRecordJson.Deserialize(record);
                rows.Add(new QuarterRow(c.Id, quarter, c.ClosedAtUtc, c.ClosedByName, c.SupersededAtUtc is null, c.SupersededAtUtc, paper.ActionsNow, paper.ComparedWith, paper.Movement));
                continue;
            }

            var mine = snapshots[c.Id].Select(s => (s.ActionItemId, s.Status)).ToList();
            var earlier = closures.FirstOrDefault(p => p.SupersededAtUtc == null && new FinancialQuarter(p.StartYear, p.QuarterNumber) < quarter);
            MovementCounts? movement = null;
            if (earlier is not null)
            {
                var before = await db.Set<ActionSnapshot>().AsNoTracking().Where(s => s.QuarterClosureId == earlier.Id).Select(s => new { s.ActionItemId, s.Status }).ToListAsync(cancellationToken);
                movement = MovementCounts.Of(MovementRules.Compare(before.Select(s => (s.ActionItemId, s.Status)), mine).Values);
            }

            rows.Add(new QuarterRow(c.Id, quarter, c.ClosedAtUtc, c.ClosedByName, c.SupersededAtUtc is null, c.SupersededAtUtc,
                BragCounts.Of(mine.Select(m => m.Status)), earlier is null ? null : new FinancialQuarter(earlier.StartYear, earlier.QuarterNumber), movement));
        }

        var today = context.Today;
        var current = FinancialQuarter.Containing(today);
        var closed = closures.Where(c => c.SupersededAtUtc == null).Select(c => new FinancialQuarter(c.StartYear, c.QuarterNumber)).ToHashSet();
        var open = new[] { current.Previous, current }.Where(q => !closed.Contains(q)).ToList();
        var closable = open.Where(q => q.IsInLastFortnightOrOver(today)).ToList();
        return new QuartersView(current, closable, open, rows, user.Can(Operation.CloseQuarter), user.Can(Operation.DownloadBoardPaper));
    }
}
