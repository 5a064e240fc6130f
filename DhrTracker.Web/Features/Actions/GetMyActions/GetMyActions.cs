using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Actions.GetMyActions;

public sealed record GetMyActionsQuery : IQuery<MyActionsView>;

public sealed record MyActionsView(string AgencyName, IReadOnlyList<MyActionRow> Actions);

/// <summary>
/// An action as its lead agency sees it: the recommendation text and the review's pseudonymous
/// reference, never the confidential case details.
/// </summary>
public sealed record MyActionRow(
    int Id,
    string ReviewReference,
    string RecommendationNumber,
    string RecommendationText,
    string Description,
    DateOnly? TargetDate,
    DateOnly? OriginalTargetDate,
    StatusAssessment Status,
    DateOnly? NextMilestoneDue,
    string? NextMilestone,
    DateOnly? LastUpdateOn,
    bool CompletionAwaitingReview,
    DateOnly? RevisionRequestedDate,
    string? LastReturnReason)
{
    public int SlippageDays => ActionItem.Slippage(OriginalTargetDate, TargetDate);
}

public sealed class GetMyActionsHandler(AppDb appDb, TimeProvider clock) : IQueryHandler<GetMyActionsQuery, MyActionsView>
{
    public async ValueTask<MyActionsView> Handle(GetMyActionsQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewOwnAgencyActions);
        var agencyId = user.AgencyId ?? throw new ForbiddenException();
        var today = UkClock.Today(clock);
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var agencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);

        var statuses = (await ActionStatuses.ForAsync(db, a => a.LeadAgencyId == agencyId, today, settings.Thresholds, cancellationToken))
            .ToDictionary(s => s.ActionId);
        var rows = await (
                from a in db.Actions.AsNoTracking()
                where a.LeadAgencyId == agencyId
                join r in db.Recommendations on a.RecommendationId equals r.Id
                join v in db.Reviews on a.ReviewId equals v.Id
                select new
                {
                    a.Id,
                    v.Reference,
                    r.Number,
                    r.Text,
                    a.Description,
                    a.TargetDate,
                    a.OriginalTargetDate,
                    a.LastUpdateOn,
                    AwaitingReview = a.ProposedCompletionOn != null && a.CompletionAcceptedOn == null,
                    Requested = a.TargetRevisions.Where(t => t.State == RevisionState.Pending).Select(t => (DateOnly?)t.RequestedDate).FirstOrDefault(),
                    a.LastReturnReason,
                    // Scalar subqueries (index seeks on (ActionItemId, DueOn)), not an object, which EF turns into a window over every milestone.
                    NextDescription = a.Milestones.Where(m => m.AchievedOn == null).OrderBy(m => m.DueOn).ThenBy(m => m.Id).Select(m => (string?)m.Description).FirstOrDefault(),
                    NextDueOn = a.Milestones.Where(m => m.AchievedOn == null).OrderBy(m => m.DueOn).ThenBy(m => m.Id).Select(m => (DateOnly?)m.DueOn).FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);

        var list = rows
            .Select(r => new MyActionRow(r.Id, r.Reference, r.Number, r.Text, r.Description, r.TargetDate, r.OriginalTargetDate, statuses[r.Id].Assessment, r.NextDueOn, r.NextDescription, r.LastUpdateOn,
                r.AwaitingReview, r.Requested, r.LastReturnReason))
            // Most urgent first: worst status, then the soonest date that matters.
            .OrderBy(r => r.Status.Status == Rag.Blue ? 1 : 0)
            .ThenByDescending(r => r.Status.Status)
            .ThenBy(r => new[] { r.NextMilestoneDue, r.TargetDate }.Where(d => d is not null).DefaultIfEmpty(DateOnly.MaxValue).Min())
            .ToList();
        return new MyActionsView(agencyName, list);
    }
}
