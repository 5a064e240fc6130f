using DhrTracker.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Shared;

public static class ReviewQueries
{
    /// <summary>
    /// The review with every part of its twelve stages (decisions, panel, agency reports, family contact, pauses,
    /// QA submissions, stage records), read as split queries: what the review page, its documents and the
    /// stage commands need.
    /// </summary>
    public static IQueryable<Review> WithEveryStage(this IQueryable<Review> reviews) =>
        reviews
            .Include(r => r.Decisions)
            .Include(r => r.Panel)
            .Include(r => r.AgencyReports)
            .Include(r => r.FamilyContacts)
            .Include(r => r.Pauses)
            .Include(r => r.QaSubmissions)
            .Include(r => r.StageRecords)
            .AsSplitQuery();
}
