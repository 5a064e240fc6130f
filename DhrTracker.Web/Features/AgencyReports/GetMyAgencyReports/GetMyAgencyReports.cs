using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.AgencyReports.GetMyAgencyReports;

[Requires(Operation.ViewOwnAgencyReportRequests)]
public sealed record GetMyAgencyReportsQuery : IQuery<MyAgencyReportsView>;

public sealed record MyAgencyReportsView(string AgencyName, DateOnly Today, IReadOnlyList<MyAgencyReportRow> Outstanding, IReadOnlyList<MyAgencyReportRow> Submitted);

/// <summary>A report request as the agency sees it: the review's pseudonymous reference and the dates, nothing of the case.</summary>
public sealed record MyAgencyReportRow(int ReportId, string ReviewReference, AgencyReportKind Kind, DateOnly RequestedOn, DateOnly DueOn, DateOnly? SubmittedOn, string? RecordedBy)
{
    public bool IsOverdue(DateOnly today) => SubmittedOn is null && DueOn < today;

    public string DueText(DateOnly today) => DateMath.DaysBetween(DueOn, today) switch
    {
        > 0 and var d => $"Overdue by {d} {(d == 1 ? "day" : "days")}",
        0 => "Due today",
        var d => $"Due in {-d} {(-d == 1 ? "day" : "days")}",
    };
}

/// <summary>
/// A lead officer's agency reports: only their own agency's requests, on open reviews, most urgent first.
/// The projection reads the reference and dates only, so no confidential fact leaves the database.
/// </summary>
public sealed class GetMyAgencyReportsHandler(AppDb appDb, IClock clock) : IQueryHandler<GetMyAgencyReportsQuery, MyAgencyReportsView>
{
    public async ValueTask<MyAgencyReportsView> Handle(GetMyAgencyReportsQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewOwnAgencyReportRequests);
        var agencyId = user.AgencyId ?? throw new ForbiddenException();
        var agencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ForbiddenException();

        var rows = await db.Reviews.AsNoTracking()
            .Where(r => r.ClosedOn == null)
            .SelectMany(r => r.AgencyReports.Where(a => a.AgencyId == agencyId), (r, a) => new MyAgencyReportRow(a.Id, r.Reference, a.Kind, a.RequestedOn, a.DueOn, a.ReceivedOn, a.ReceivedRecordedBy))
            .ToListAsync(cancellationToken);

        return new MyAgencyReportsView(
            agencyName,
            clock.Today,
            rows.Where(r => r.SubmittedOn is null).OrderBy(r => r.DueOn).ThenBy(r => r.ReviewReference, StringComparer.Ordinal).ToList(),
            rows.Where(r => r.SubmittedOn is not null).OrderByDescending(r => r.SubmittedOn).ThenBy(r => r.ReviewReference, StringComparer.Ordinal).ToList());
    }
}
