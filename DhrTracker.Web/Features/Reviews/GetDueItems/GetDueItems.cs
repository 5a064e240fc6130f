using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Reviews.GetDueItems;

/// <summary>What is overdue, and what falls due in the next <paramref name="WithinDays"/> days, across every review.</summary>
[Requires(Operation.ViewReviewStages)]
public sealed record GetDueItemsQuery(int WithinDays = 30) : IQuery<DueItemsView>;

public sealed record DueItemsView(DateOnly Today, int WithinDays, IReadOnlyList<DueRow> Items, IReadOnlyList<DueRow> DecisionsDue);

public sealed record DueRow(int ReviewId, string Reference, int Stage, string Title, string What, DateOnly DueOn, bool IsOverdue, int DaysOverdue, string DueText);

/// <summary>
/// The co-ordinator's and the chair's list of what needs doing, most urgent (most overdue) first. The due
/// dates come from the domain's timeline, so they follow the partnership's timescales and pauses.
/// </summary>
public sealed class GetDueItemsHandler(AppDb appDb, IClock clock) : IQueryHandler<GetDueItemsQuery, DueItemsView>
{
    public async ValueTask<DueItemsView> Handle(GetDueItemsQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewReviewStages);
        var today = clock.Today;
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.ClosedOn == null)
            .Include(r => r.Decisions)
            .Include(r => r.AgencyReports)
            .Include(r => r.FamilyContacts)
            .Include(r => r.Pauses)
            .Include(r => r.QaSubmissions)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        string AgencyName(int id) => agencies.TryGetValue(id, out var n) ? n : "Unknown agency";
        var within = Math.Clamp(query.WithinDays, 0, 366);
        var items = reviews
            .SelectMany(r => ReviewTimeline.DueWithin(r, settings, today, within, AgencyName).Select(i => Row(r, i, today)))
            .OrderBy(i => i.DueOn).ThenBy(i => i.Reference, StringComparer.Ordinal).ThenBy(i => i.Stage)
            .ToList();
        var decisions = reviews
            .Where(r => r.CurrentDecision is null)
            .Select(r => Row(r, new DueItem(ReviewStageNumber.Decision, ReviewStageNumber.Title(ReviewStageNumber.Decision), "The chair's decision whether to commission a review", ReviewTimeline.DecisionDue(r.NotifiedOn, settings)), today))
            .OrderBy(i => i.DueOn).ThenBy(i => i.Reference, StringComparer.Ordinal)
            .ToList();
        return new DueItemsView(today, within, items, decisions);
    }

    private static DueRow Row(Review review, DueItem item, DateOnly today) =>
        new(review.Id, review.Reference, item.Stage, item.Title, item.What, item.DueOn, item.IsOverdue(today), item.DaysOverdue(today), item.DueText(today));
}
