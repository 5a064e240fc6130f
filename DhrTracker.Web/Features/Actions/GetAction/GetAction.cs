using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Actions.GetAction;

[Requires(Operation.ViewOwnAgencyActions, Operation.ViewFullActionPlan, Operation.ViewPublishedActionPlan)]
public sealed record GetActionQuery(int ActionId) : IQuery<ActionPageView>;

public sealed record ActionPageView(
    int Id,
    int Version,
    int ReviewId,
    string ReviewReference,
    bool ReviewPublished,
    string RecommendationNumber,
    string RecommendationText,
    string Label,
    string Description,
    string LeadAgency,
    IReadOnlyList<string> SupportingAgencies,
    string? LeadOfficerName,
    string? OutcomeSought,
    DateOnly CreatedOn,
    DateOnly? OriginalTargetDate,
    DateOnly? TargetDate,
    int SlippageDays,
    StatusAssessment Status,
    StatusAssessment FromDates,
    StatusRollup.Result? RecommendationStatus,
    StatusRollup.Result? ReviewStatus,
    IReadOnlyList<MilestoneLine> Milestones,
    IReadOnlyList<UpdateLine> Updates,
    IReadOnlyList<RevisionLine> Revisions,
    CompletionState Completion,
    bool CanUpdate,
    bool CanDecide,
    bool CanOpenReview,
    DateOnly Today)
{
    public RevisionLine? PendingRevision => Revisions.FirstOrDefault(r => r.State == RevisionState.Pending);
}

public sealed record MilestoneLine(int Id, string Description, DateOnly DueOn, DateOnly? AchievedOn, int DaysOverdue);

public sealed record UpdateLine(int Id, DateTime PostedAtUtc, string Author, string Narrative, Rag? Assessment, string? AssessmentReason);

public sealed record RevisionLine(
    int Id,
    DateOnly? PreviousDate,
    DateOnly RequestedDate,
    string Reason,
    string RequestedBy,
    DateTime RequestedAtUtc,
    RevisionState State,
    string? DecidedBy,
    DateTime? DecidedAtUtc,
    string? Note,
    int SlippageIfApproved);

public sealed record CompletionState(
    bool IsComplete,
    bool AwaitingReview,
    DateOnly? ProposedCompletedOn,
    string? ProposedEvidence,
    string? ProposedBy,
    DateOnly? CompletedOn,
    string? Evidence,
    DateOnly? AcceptedOn,
    string? AcceptedBy,
    string? LastReturnReason,
    DateOnly? LastReturnedOn);

/// <summary>
/// One action with everything about it: the lead officer of its agency sees it to update it; the co-ordinator and
/// chair see any; scrutiny sees those of published reviews. Anyone else's request reads as not found.
/// </summary>
public sealed class GetActionHandler(AppDb appDb, IClock clock) : IQueryHandler<GetActionQuery, ActionPageView>
{
    public async ValueTask<ActionPageView> Handle(GetActionQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        var asLeadOfficer = user.Can(Operation.ViewOwnAgencyActions);
        if (!asLeadOfficer && !user.Can(Operation.ViewFullActionPlan) && !user.Can(Operation.ViewPublishedActionPlan))
        {
            throw new ForbiddenException();
        }

        var today = clock.Today;
        var action = await db.Actions.AsNoTracking()
            .Include(a => a.Milestones)
            .Include(a => a.Updates)
            .Include(a => a.TargetRevisions)
            .Include(a => a.SupportingAgencies)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == query.ActionId, cancellationToken)
            ?? throw new NotFoundException();
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == action.ReviewId)
            .Select(r => new { r.Id, r.Reference, r.PublishedOn })
            .SingleAsync(cancellationToken);

        if (asLeadOfficer ? action.LeadAgencyId != user.AgencyId : !user.Can(Operation.ViewFullActionPlan) && review.PublishedOn is null)
        {
            throw new NotFoundException();
        }

        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var recommendation = await db.Recommendations.AsNoTracking()
            .Where(r => r.Id == action.RecommendationId)
            .Select(r => new { r.Number, r.Text })
            .SingleAsync(cancellationToken);
        var position = await db.Actions.CountAsync(
            a => a.RecommendationId == action.RecommendationId && (a.SortOrder < action.SortOrder || (a.SortOrder == action.SortOrder && a.Id < action.Id)),
            cancellationToken);
        var agencyIds = action.SupportingAgencies.Select(s => s.AgencyId).Append(action.LeadAgencyId).ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        // The roll-ups name other agencies' actions and milestones: they are for those who see the whole plan.
        StatusRollup.Result? recommendationStatus = null;
        StatusRollup.Result? reviewStatus = null;
        if (!asLeadOfficer)
        {
            var rollups = await PlanReadModel.RollupsAsync(db, r => r.ReviewId == action.ReviewId, today, settings.Thresholds, cancellationToken);
            if (rollups.TryGetValue(action.ReviewId, out var plan))
            {
                reviewStatus = plan.Status;
                recommendationStatus = plan.Recommendations.SingleOrDefault(r => r.Id == action.RecommendationId)?.Status;
            }
        }

        var facts = action.StatusFacts();
        return new ActionPageView(
            action.Id,
            action.Version,
            review.Id,
            review.Reference,
            review.PublishedOn is not null,
            recommendation.Number,
            recommendation.Text,
            $"{recommendation.Number}.{position + 1}",
            action.Description,
            agencies.GetValueOrDefault(action.LeadAgencyId, "Unknown agency"),
            action.SupportingAgencies.Select(s => agencies.GetValueOrDefault(s.AgencyId, "Unknown agency")).Order().ToList(),
            action.LeadOfficerName,
            action.OutcomeSought,
            action.CreatedOn,
            action.OriginalTargetDate,
            action.TargetDate,
            action.SlippageDays,
            ActionStatus.Derive(facts, today, settings.Thresholds),
            ActionStatus.FromDates(facts, today, settings.Thresholds),
            recommendationStatus,
            reviewStatus,
            action.Milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Id)
                .Select(m => new MilestoneLine(m.Id, m.Description, m.DueOn, m.AchievedOn, m.AchievedOn is null && m.DueOn < today ? DateMath.DaysBetween(m.DueOn, today) : 0))
                .ToList(),
            action.Updates.OrderByDescending(u => u.PostedAtUtc).ThenByDescending(u => u.Id)
                .Select(u => new UpdateLine(u.Id, u.PostedAtUtc, u.AuthorName, u.Narrative, u.Assessment, u.AssessmentReason))
                .ToList(),
            action.TargetRevisions.OrderByDescending(r => r.RequestedAtUtc).ThenByDescending(r => r.Id)
                .Select(r => new RevisionLine(r.Id, r.PreviousDate, r.RequestedDate, r.Reason, r.RequestedByName, r.RequestedAtUtc, r.State, r.DecidedByName, r.DecidedAtUtc, r.DecisionNote,
                    ActionItem.Slippage(action.OriginalTargetDate, r.RequestedDate)))
                .ToList(),
            new CompletionState(
                action.IsComplete,
                action.CompletionAwaitingReview,
                action.CompletionAwaitingReview ? action.ProposedCompletionOn : null,
                action.CompletionAwaitingReview ? action.ProposedEvidence : null,
                action.CompletionAwaitingReview ? action.ProposedByName : null,
                action.CompletedOn,
                action.CompletionEvidence,
                action.CompletionAcceptedOn,
                action.CompletionAcceptedByName,
                action.LastReturnReason,
                action.LastReturnedOn),
            asLeadOfficer && user.Can(Operation.UpdateOwnAgencyAction) && !action.IsComplete,
            user.Can(Operation.DecideCompletionAndRevisions) && !action.IsComplete,
            user.Can(Operation.ViewReviewStages),
            today);
    }
}
