using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Quarters.GetQuarters;

[Requires(Operation.DownloadBoardPaper, Operation.DownloadScrutinyPaper)]
public sealed record GetQuartersQuery : IQuery<QuartersView>;

public sealed record QuartersView(
    FinancialQuarter CurrentQuarter,
    IReadOnlyList<FinancialQuarter> Closable,
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
    IReadOnlyDictionary<Movement, int> Movement);

/// <summary>Closed quarters with their BRAG counts and what moved since the quarter before.</summary>
public sealed class GetQuartersHandler(AppDb appDb, IClock clock) : IQueryHandler<GetQuartersQuery, QuartersView>
{
    public async ValueTask<QuartersView> Handle(GetQuartersQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        if (!user.Can(Operation.DownloadBoardPaper) && !user.Can(Operation.DownloadScrutinyPaper))
        {
            throw new ForbiddenException();
        }

        var closures = await db.QuarterClosures.AsNoTracking()
            .OrderByDescending(q => q.StartYear).ThenByDescending(q => q.QuarterNumber).ThenByDescending(q => q.ClosedAtUtc)
            .Select(q => new { q.Id, q.StartYear, q.QuarterNumber, q.ClosedAtUtc, q.ClosedByName, q.SupersededAtUtc })
            .ToListAsync(cancellationToken);
        var ids = closures.Select(c => c.Id).ToList();
        var snapshots = (await db.QuarterClosures.AsNoTracking()
                .Where(q => ids.Contains(q.Id))
                .SelectMany(q => q.Snapshots.Select(s => new { s.QuarterClosureId, s.ActionItemId, s.Status }))
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.QuarterClosureId);

        var rows = new List<QuarterRow>();
        foreach (var c in closures)
        {
            var quarter = new FinancialQuarter(c.StartYear, c.QuarterNumber);
            var mine = snapshots[c.Id].Select(s => (s.ActionItemId, s.Status)).ToList();
            var previous = closures.FirstOrDefault(p => p.SupersededAtUtc == null && new FinancialQuarter(p.StartYear, p.QuarterNumber) == quarter.Previous);
            var movement = MovementRules.Compare(previous is null ? [] : snapshots[previous.Id].Select(s => (s.ActionItemId, s.Status)), mine)
                .Values.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
            rows.Add(new QuarterRow(c.Id, quarter, c.ClosedAtUtc, c.ClosedByName, c.SupersededAtUtc is null, c.SupersededAtUtc,
                BragCounts.Of(mine.Select(m => m.Status)), movement));
        }

        var today = clock.Today;
        var current = FinancialQuarter.Containing(today);
        var closable = new[] { current.Previous, current }
            .Where(q => q.IsInLastFortnightOrOver(today))
            .ToList();
        return new QuartersView(current, closable, rows, user.Can(Operation.CloseQuarter), user.Can(Operation.DownloadBoardPaper));
    }
}
