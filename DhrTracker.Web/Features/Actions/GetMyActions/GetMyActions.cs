using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Actions.GetMyActions;

[Requires(Operation.ViewOwnAgencyActions)]
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

public sealed class GetMyActionsHandler(AppDb appDb, IClock clock) : IQueryHandler<GetMyActionsQuery, MyActionsView>
{
    public async ValueTask<MyActionsView> Handle(GetMyActionsQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewOwnAgencyActions);
        var agencyId = user.AgencyId ?? throw new ForbiddenException();
        var today = clock.Today;
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);

        // One query (and its milestones), not one for the statuses and another for the rest: the status facts, the next
        // milestone and the latest rating all come from the same rows.
        var actions = db.Actions.AsNoTracking().InScope(db).Where(a => a.LeadAgencyId == agencyId);
        var rows = await (
                from x in actions.WithLatestUpdate(db)
                join r in db.Recommendations on x.Action.RecommendationId equals r.Id
                join v in db.Reviews on x.Action.ReviewId equals v.Id
                select new { x, v.Reference, r.Number, r.Text })
            .SelectWithStatus(j => new
            {
                Columns = ActionStatusReadModel.Columns(j.x),
                j.Reference,
                j.Number,
                j.Text,
                j.x.Action.Description,
                Requested = j.x.Action.TargetRevisions.Where(t => t.State == RevisionState.Pending).Select(t => (DateOnly?)t.RequestedDate).FirstOrDefault(),
                j.x.Action.LastReturnReason,
            })
            .ToListAsync(cancellationToken);
        var milestones = await ActionStatuses.MilestonesAsync(actions, cancellationToken);

        var list = rows
            .Select(r =>
            {
                var c = r.Columns;
                var next = milestones[c.Id].FirstOrDefault(m => m.AchievedOn is null);
                return new MyActionRow(c.Id, r.Reference, r.Number, r.Text, r.Description, c.TargetDate, c.OriginalTargetDate,
                    c.Derive(milestones[c.Id], today, settings.Thresholds), next?.DueOn, next?.Description, c.LastUpdateOn, c.CompletionAwaitingReview, r.Requested,
                    r.LastReturnReason);
            })
            // Most urgent first: worst status, then the soonest date that matters.
            .OrderBy(r => r.Status.Status == Rag.Blue ? 1 : 0)
            .ThenByDescending(r => r.Status.Status)
            .ThenBy(r => new[] { r.NextMilestoneDue, r.TargetDate }.Where(d => d is not null).DefaultIfEmpty(DateOnly.MaxValue).Min())
            .ToList();
        return new MyActionsView(agencyName, list);
    }
}
