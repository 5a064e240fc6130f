using System.Linq.Expressions;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.ReadModels;

/// <summary>One action's facts, derived status and what lists need to show it, without loading the aggregate.</summary>
public sealed record ActionFactsRow(
    int Id,
    int ReviewId,
    int RecommendationId,
    int SortOrder,
    int LeadAgencyId,
    string Description,
    DateOnly? TargetDate,
    DateOnly? OriginalTargetDate,
    DateOnly? CompletedOn,
    string? CompletionEvidence,
    DateOnly? ProposedCompletionOn,
    string? LatestUpdate,
    ActionStatusFacts Facts,
    StatusAssessment Status)
{
    public int SlippageDays => ActionItem.Slippage(OriginalTargetDate, TargetDate);

    public bool CompletionAwaitingReview => ActionItem.IsCompletionAwaitingReview(ProposedCompletionOn, Facts.CompletionAcceptedOn);
}

/// <summary>A recommendation's status rolled up from its actions, with the labels the plan uses (3(a).2).</summary>
public sealed record RecommendationRollup(
    int Id,
    int ReviewId,
    string Number,
    int SortOrder,
    RecommendationScope Scope,
    string Text,
    IReadOnlyList<(ActionFactsRow Action, string Label)> Actions,
    StatusRollup.Result Status);

/// <summary>A review's plan rolled up: the worst open recommendation, with the counts of its actions.</summary>
public sealed record ReviewRollup(int ReviewId, IReadOnlyList<RecommendationRollup> Recommendations, StatusRollup.Result Status);

/// <summary>One action of a review's plan, read flat, with its status derived for today.</summary>
public sealed record PlanActionRow(
    int Id,
    int RecommendationId,
    string Description,
    int LeadAgencyId,
    IReadOnlyList<int> SupportingAgencyIds,
    string? LeadOfficerName,
    string? OutcomeSought,
    DateOnly? OriginalTargetDate,
    DateOnly? TargetDate,
    DateOnly? CompletedOn,
    string? CompletionEvidence,
    bool CompletionAwaitingReview,
    IReadOnlyList<MilestoneRow> Milestones,
    string? LatestUpdate,
    DateTime? LatestUpdateAtUtc,
    StatusAssessment Status)
{
    public int SlippageDays => ActionItem.Slippage(OriginalTargetDate, TargetDate);
}

/// <summary>One recommendation of a review's plan with its addressees, themes and actions in plan order.</summary>
public sealed record PlanRecommendationRow(
    int Id,
    string Number,
    string Text,
    RecommendationScope Scope,
    IReadOnlyList<int> AddresseeIds,
    IReadOnlyList<int> ThemeIds,
    IReadOnlyList<PlanActionRow> Actions);

/// <summary>
/// A partnership's plans read flat for lists, dashboards and documents: actions with their derived status (through
/// <see cref="ActionStatusReadModel"/>), recommendations rolled up from their actions, reviews from their recommendations.
/// </summary>
public static class PlanReadModel
{
    private enum LinkKind
    {
        Addressee,
        Theme,
        SupportingAgency,
    }

    /// <summary>
    /// A review's whole plan in four flat queries: the recommendations; their addressees, their themes and the
    /// actions' supporting agencies as one list of links; the actions beside their latest update; the milestones.
    /// Loading the aggregates with Include and split queries took seven, and EF rebuilt the split shapers on every
    /// run, which was half of the review page's time.
    /// </summary>
    public static async Task<List<PlanRecommendationRow>> ReviewPlanAsync(
        DhrDbContext db, int reviewId, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var planRecommendations = db.Recommendations.AsNoTracking().InScope(db).Where(r => r.ReviewId == reviewId);
        var planActions = db.Actions.AsNoTracking().InScope(db).Where(a => a.ReviewId == reviewId);

        var recommendations = await planRecommendations
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Number, r.Text, r.Scope })
            .ToListAsync(cancellationToken);
        var links = (await planRecommendations.SelectMany(r => r.Addressees, (r, a) => new { Kind = LinkKind.Addressee, OwnerId = r.Id, Id = a.AgencyId })
                .Concat(planRecommendations.SelectMany(r => r.Themes, (r, t) => new { Kind = LinkKind.Theme, OwnerId = r.Id, Id = t.ThemeId }))
                .Concat(planActions.SelectMany(a => a.SupportingAgencies, (a, s) => new { Kind = LinkKind.SupportingAgency, OwnerId = a.Id, Id = s.AgencyId }))
                .ToListAsync(cancellationToken))
            .ToLookup(l => (l.Kind, l.OwnerId), l => l.Id);
        var actions = await planActions
            .WithLatestUpdate(db)
            .OrderBy(x => x.Action.SortOrder).ThenBy(x => x.Action.Id)
            .SelectWithStatus(x => new
            {
                Columns = ActionStatusReadModel.Columns(x),
                x.Action.Description,
                x.Action.LeadOfficerName,
                x.Action.OutcomeSought,
                x.Action.CompletionEvidence,
                Narrative = x.Latest == null ? null : x.Latest.Narrative,
                PostedAtUtc = x.Latest == null ? (DateTime?)null : x.Latest.PostedAtUtc,
            })
            .ToListAsync(cancellationToken);
        var milestones = await ActionStatuses.MilestonesAsync(planActions, cancellationToken);

        var byRecommendation = actions
            .Select(a =>
            {
                var c = a.Columns;
                var actionMilestones = milestones[c.Id].ToList();
                return new PlanActionRow(
                    c.Id,
                    c.RecommendationId,
                    a.Description,
                    c.LeadAgencyId,
                    links[(LinkKind.SupportingAgency, c.Id)].ToList(),
                    a.LeadOfficerName,
                    a.OutcomeSought,
                    c.OriginalTargetDate,
                    c.TargetDate,
                    c.CompletedOn,
                    a.CompletionEvidence,
                    c.CompletionAwaitingReview,
                    actionMilestones,
                    a.Narrative,
                    a.PostedAtUtc,
                    c.Derive(actionMilestones, today, thresholds));
            })
            .ToLookup(a => a.RecommendationId);

        return recommendations
            .Select(r => new PlanRecommendationRow(
                r.Id,
                r.Number,
                r.Text,
                r.Scope,
                links[(LinkKind.Addressee, r.Id)].ToList(),
                links[(LinkKind.Theme, r.Id)].ToList(),
                byRecommendation[r.Id].ToList()))
            .ToList();
    }

    public static async Task<List<ActionFactsRow>> ActionsAsync(
        DhrDbContext db, Expression<Func<ActionItem, bool>> filter, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var actions = db.Actions.AsNoTracking().InScope(db).Where(filter);
        var rows = await actions
            .WithLatestUpdate(db)
            .SelectWithStatus(x => new
            {
                Columns = ActionStatusReadModel.Columns(x),
                x.Action.Description,
                x.Action.CompletionEvidence,
                LatestNarrative = x.Latest == null ? null : x.Latest.Narrative,
            })
            .ToListAsync(cancellationToken);
        var milestones = await ActionStatuses.MilestonesAsync(actions, cancellationToken);

        return rows.Select(r =>
            {
                var c = r.Columns;
                var facts = c.Facts(milestones[c.Id]);
                return new ActionFactsRow(
                    c.Id, c.ReviewId, c.RecommendationId, c.SortOrder, c.LeadAgencyId, r.Description, c.TargetDate, c.OriginalTargetDate,
                    c.CompletedOn, r.CompletionEvidence, c.ProposedCompletionOn, r.LatestNarrative, facts, ActionStatus.Derive(facts, today, thresholds));
            })
            .ToList();
    }

    /// <summary>Rolls up the plans of the reviews whose recommendations match <paramref name="filter"/>.</summary>
    public static Task<Dictionary<int, ReviewRollup>> RollupsAsync(
        DhrDbContext db, Expression<Func<Recommendation, bool>> filter, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var matching = db.Recommendations.AsNoTracking().InScope(db).Where(filter);
        // The same filter as a subquery, not a list of ids: a parameter per recommendation makes a new SQL text (and a
        // new plan) for every count, and a partnership has hundreds.
        return RollupsAsync(db, matching, a => matching.Select(r => r.Id).Contains(a.RecommendationId), today, thresholds, cancellationToken);
    }

    /// <summary>
    /// Rolls up every plan of the partnership. The actions are then simply the partnership's, with no subquery on
    /// the recommendations to test each one against (a fifth of the dashboards' time on national data).
    /// </summary>
    public static Task<Dictionary<int, ReviewRollup>> AllRollupsAsync(DhrDbContext db, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken) =>
        RollupsAsync(db, db.Recommendations.AsNoTracking().InScope(db), _ => true, today, thresholds, cancellationToken);

    private static async Task<Dictionary<int, ReviewRollup>> RollupsAsync(
        DhrDbContext db, IQueryable<Recommendation> matching, Expression<Func<ActionItem, bool>> actionFilter, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var recommendations = await matching
            .Select(r => new { r.Id, r.ReviewId, r.Number, r.SortOrder, r.Scope, r.Text })
            .ToListAsync(cancellationToken);
        var actions = (await ActionsAsync(db, actionFilter, today, thresholds, cancellationToken))
            .ToLookup(a => a.RecommendationId);

        return recommendations
            .GroupBy(r => r.ReviewId)
            .ToDictionary(g => g.Key, g =>
            {
                var recs = g.OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
                    .Select(r =>
                    {
                        var labelled = actions[r.Id].OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
                            .Select((a, i) => (a, $"{r.Number}.{i + 1}"))
                            .ToList();
                        var roll = StatusRollup.Roll(labelled.Select(x => new StatusRollup.Part(x.Item2, x.a.Status)).ToList(), "action");
                        return new RecommendationRollup(r.Id, r.ReviewId, r.Number, r.SortOrder, r.Scope, r.Text, labelled, roll);
                    })
                    .ToList();
                return new ReviewRollup(g.Key, recs, RollReview(recs));
            });
    }

    /// <summary>The review's status from its recommendations' statuses; the counts are of its actions.</summary>
    public static StatusRollup.Result RollReview(IReadOnlyList<RecommendationRollup> recommendations)
    {
        var parts = recommendations
            .Where(r => r.Status.Status is not null)
            .Select(r => new StatusRollup.Part(r.Number, new StatusAssessment(r.Status.Status!.Value, r.Status.Reason)))
            .ToList();
        var overall = StatusRollup.Roll(parts, "recommendation");
        return overall with { Counts = BragCounts.Of(recommendations.SelectMany(r => r.Actions).Select(a => a.Action.Status.Status)) };
    }

}
