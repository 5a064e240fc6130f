using System.Text;
using System.Text.Json;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Audit.GetAuditTrail;

public sealed record AuditFilter(int? ReviewId = null, int? UserId = null, DateOnly? From = null, DateOnly? To = null, int Limit = 200);

[Requires(Operation.ViewAuditTrail)]
public sealed record GetAuditTrailQuery(AuditFilter Filter) : IQuery<AuditTrailView>;

public sealed record AuditTrailView(IReadOnlyList<AuditRow> Rows, bool Truncated, IReadOnlyList<(int Id, string Reference)> Reviews, IReadOnlyList<(int Id, string Name)> Users);

public sealed record AuditRow(long Id, DateTime OccurredAtUtc, string UserName, string EntityType, string EntityId, string? ReviewReference, AuditKind Kind, IReadOnlyList<AuditChange> Changes);

public sealed record AuditChange(string Property, string? Before, string? After);

/// <summary>
/// The append-only audit trail, filtered by review, person and UK calendar day. Someone whose role does not see case
/// details (the administrator) sees who changed which record and field when, but no value of a case record: those read
/// "withheld". Only the values of the partnership's own set-up (its settings, agencies, people and themes) are shown.
/// </summary>
public sealed class GetAuditTrailHandler(RequestContext context) : IQueryHandler<GetAuditTrailQuery, AuditTrailView>
{
    public const string Withheld = "(withheld)";

    /// <summary>Records that hold no case content: their values are shown to everyone who may read the trail.</summary>
    private static readonly HashSet<string> SetUpRecords =
    [
        nameof(Domain.Partnerships.Partnership), nameof(Domain.Agencies.Agency), nameof(Domain.Users.UserAccount), nameof(Domain.Partnerships.Theme),
    ];

    public async ValueTask<AuditTrailView> Handle(GetAuditTrailQuery query, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var f = query.Filter;

        var entries = db.AuditEntries.AsNoTracking();
        if (f.ReviewId is { } reviewId)
        {
            entries = entries.Where(a => a.ReviewId == reviewId);
        }

        if (f.UserId is { } userId)
        {
            entries = entries.Where(a => a.UserId == userId);
        }

        if (f.From is { } from)
        {
            var fromUtc = UkTime.StartOfDayUtc(from);
            entries = entries.Where(a => a.OccurredAtUtc >= fromUtc);
        }

        if (f.To is { } to)
        {
            var toUtc = UkTime.StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(a => a.OccurredAtUtc < toUtc);
        }

        var limit = Math.Clamp(f.Limit, 1, 5000);
        var list = await entries.OrderByDescending(a => a.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var reviews = await db.Reviews.AsNoTracking().OrderByDescending(r => r.NotifiedOn).Select(r => new { r.Id, r.Reference }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var references = reviews.ToDictionary(r => r.Id, r => r.Reference);
        var seeCaseContent = context.User.Can(Operation.ViewConfidentialFacts);

        var rows = list.Take(limit).Select(a => new AuditRow(
                a.Id,
                a.OccurredAtUtc,
                a.UserName,
                a.EntityType,
                a.EntityId,
                a.ReviewId is { } r && references.TryGetValue(r, out var reference) ? reference : null,
                a.Kind,
                ParseChanges(a.Changes, withhold: !seeCaseContent && !SetUpRecords.Contains(a.EntityType))))
            .ToList();

        return new AuditTrailView(rows, list.Count > limit, reviews.Select(r => (r.Id, r.Reference)).ToList(), users.Select(u => (u.Id, u.DisplayName)).ToList());
    }

    private static List<AuditChange> ParseChanges(string json, bool withhold)
    {
        var changes = JsonSerializer.Deserialize<List<AuditChange>>(json) ?? [];
        return withhold
            ? changes.Select(c => c with { Before = c.Before is null ? null : Withheld, After = c.After is null ? null : Withheld }).ToList()
            : changes;
    }

    /// <summary>CSV of the rows, safe to open in Excel: cells that would start a formula are prefixed with an apostrophe.</summary>
    public static byte[] ToCsv(IEnumerable<AuditRow> rows)
    {
        static string Cell(string? value)
        {
            var v = value ?? string.Empty;
            if (v.Length > 0 && "=+-@\t\r".Contains(v[0]))
            {
                v = "'" + v;
            }

            return "\"" + v.Replace("\"", "\"\"") + "\"";
        }

        var csv = new StringBuilder();
        csv.AppendLine("When (UTC),Who,Review,Record,Record id,Change,Field,Before,After");
        foreach (var row in rows)
        {
            var changes = row.Changes.Count > 0 ? row.Changes : [new AuditChange(string.Empty, null, null)];
            foreach (var c in changes)
            {
                csv.AppendLine(string.Join(",",
                    Cell(row.OccurredAtUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                    Cell(row.UserName), Cell(row.ReviewReference), Cell(row.EntityType), Cell(row.EntityId), Cell(row.Kind.ToString()),
                    Cell(c.Property), Cell(c.Before), Cell(c.After)));
            }
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }
}
