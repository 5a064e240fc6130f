using System.Text;
using System.Text.Json;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
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
/// The append-only audit trail, filtered by review, person and date. Values of confidential case fields are
/// withheld from people whose role does not see case details (the administrator).
/// </summary>
public sealed class GetAuditTrailHandler(AppDb appDb) : IQueryHandler<GetAuditTrailQuery, AuditTrailView>
{
    private static readonly HashSet<string> ConfidentialProperties =
    [
        "Circumstances", "VictimPseudonym", "VictimAge", "PerpetratorPseudonym", "PerpetratorAge", "DateOfDeath", "Relationship",
        "NotifyingAgencyId",
    ];

    public async ValueTask<AuditTrailView> Handle(GetAuditTrailQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewAuditTrail);
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
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.OccurredAtUtc >= fromUtc);
        }

        if (f.To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.OccurredAtUtc < toUtc);
        }

        var limit = Math.Clamp(f.Limit, 1, 5000);
        var list = await entries.OrderByDescending(a => a.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var reviews = await db.Reviews.AsNoTracking().OrderByDescending(r => r.NotifiedOn).Select(r => new { r.Id, r.Reference }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var references = reviews.ToDictionary(r => r.Id, r => r.Reference);
        var seeConfidential = user.Can(Operation.ViewConfidentialFacts);

        var rows = list.Take(limit).Select(a => new AuditRow(
                a.Id,
                a.OccurredAtUtc,
                a.UserName,
                a.EntityType,
                a.EntityId,
                a.ReviewId is { } r && references.TryGetValue(r, out var reference) ? reference : null,
                a.Kind,
                ParseChanges(a.Changes, redact: !seeConfidential && a.EntityType == "Review")))
            .ToList();

        return new AuditTrailView(rows, list.Count > limit, reviews.Select(r => (r.Id, r.Reference)).ToList(), users.Select(u => (u.Id, u.DisplayName)).ToList());
    }

    private static List<AuditChange> ParseChanges(string json, bool redact)
    {
        var changes = JsonSerializer.Deserialize<List<AuditChange>>(json) ?? [];
        return redact
            ? changes.Select(c => ConfidentialProperties.Contains(c.Property) ? c with { Before = c.Before is null ? null : "(withheld)", After = c.After is null ? null : "(withheld)" } : c).ToList()
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
