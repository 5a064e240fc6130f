using System.Linq.Expressions;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans;

/// <summary>What a plan command returns: the id of the thing saved (new or existing).</summary>
public sealed record Saved(int Id);

public enum MoveDirection
{
    Up,
    Down,
}

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

    public bool CompletionAwaitingReview => ProposedCompletionOn is not null && Facts.CompletionAcceptedOn is null;
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

public static class PlanData
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
            .Select(x => new
            {
                x.Action.Id,
                x.Action.RecommendationId,
                x.Action.Description,
                x.Action.LeadAgencyId,
                x.Action.LeadOfficerName,
                x.Action.OutcomeSought,
                x.Action.CreatedOn,
                x.Action.OriginalTargetDate,
                x.Action.TargetDate,
                x.Action.CompletedOn,
                x.Action.CompletionEvidence,
                x.Action.ProposedCompletionOn,
                x.Action.CompletionAcceptedOn,
                x.Action.LastUpdateOn,
                Narrative = x.Latest == null ? null : x.Latest.Narrative,
                PostedAtUtc = x.Latest == null ? (DateTime?)null : x.Latest.PostedAtUtc,
                Assessment = x.Latest == null ? null : x.Latest.Assessment,
                Reason = x.Latest == null ? null : x.Latest.AssessmentReason,
            })
            .ToListAsync(cancellationToken);
        var milestones = await ActionStatuses.MilestonesAsync(planActions, cancellationToken);

        var byRecommendation = actions
            .Select(a =>
            {
                var actionMilestones = milestones[a.Id].ToList();
                var facts = new ActionStatusFacts(
                    a.CreatedOn, a.TargetDate, a.CompletionAcceptedOn, actionMilestones.Select(m => m.Fact).ToList(), a.LastUpdateOn, a.Assessment, a.Reason);
                return new PlanActionRow(
                    a.Id,
                    a.RecommendationId,
                    a.Description,
                    a.LeadAgencyId,
                    links[(LinkKind.SupportingAgency, a.Id)].ToList(),
                    a.LeadOfficerName,
                    a.OutcomeSought,
                    a.OriginalTargetDate,
                    a.TargetDate,
                    a.CompletedOn,
                    a.CompletionEvidence,
                    a.ProposedCompletionOn is not null && a.CompletionAcceptedOn is null,
                    actionMilestones,
                    a.Narrative,
                    a.PostedAtUtc,
                    ActionStatus.Derive(facts, today, thresholds));
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

    /// <summary>
    /// Saves a change to a versioned aggregate made from a form loaded at <paramref name="loadedVersion"/>. The
    /// root is marked changed even when only its children changed (a milestone achieved, an addressee added), so
    /// that its version is checked and bumped and a second person saving from the same version is told.
    /// </summary>
    public static async Task SaveAsync<T>(DhrDbContext db, T root, int loadedVersion, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        Persistence.ExpectVersion(db, root, loadedVersion);
        db.Entry(root).Property(e => e.Version).IsModified = true;
        await Persistence.SaveAsync(db, cancellationToken);
    }

    public static async Task<List<ActionFactsRow>> ActionsAsync(
        DhrDbContext db, Expression<Func<ActionItem, bool>> filter, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var actions = db.Actions.AsNoTracking().InScope(db).Where(filter);
        var rows = await actions
            .WithLatestUpdate(db)
            .Select(x => new
            {
                x.Action.Id,
                x.Action.ReviewId,
                x.Action.RecommendationId,
                x.Action.SortOrder,
                x.Action.LeadAgencyId,
                x.Action.Description,
                x.Action.CreatedOn,
                x.Action.TargetDate,
                x.Action.OriginalTargetDate,
                x.Action.CompletionAcceptedOn,
                x.Action.CompletedOn,
                x.Action.CompletionEvidence,
                x.Action.ProposedCompletionOn,
                x.Action.LastUpdateOn,
                LatestNarrative = x.Latest == null ? null : x.Latest.Narrative,
                LatestAssessment = x.Latest == null ? null : x.Latest.Assessment,
                LatestReason = x.Latest == null ? null : x.Latest.AssessmentReason,
            })
            .ToListAsync(cancellationToken);
        var milestones = await ActionStatuses.MilestonesAsync(actions, cancellationToken);

        return rows.Select(r =>
            {
                var facts = new ActionStatusFacts(
                    r.CreatedOn,
                    r.TargetDate,
                    r.CompletionAcceptedOn,
                    milestones[r.Id].Select(m => m.Fact).ToList(),
                    r.LastUpdateOn,
                    r.LatestAssessment,
                    r.LatestReason);
                return new ActionFactsRow(
                    r.Id, r.ReviewId, r.RecommendationId, r.SortOrder, r.LeadAgencyId, r.Description, r.TargetDate, r.OriginalTargetDate,
                    r.CompletedOn, r.CompletionEvidence, r.ProposedCompletionOn, r.LatestNarrative, facts, ActionStatus.Derive(facts, today, thresholds));
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

    /// <summary>Swaps an item with its neighbour in a list ordered by sort order, renumbering 1..n so gaps never accumulate.</summary>
    public static void Move<T>(IReadOnlyList<T> siblingsInOrder, T item, MoveDirection direction, Action<T, int> setOrder)
    {
        var list = siblingsInOrder.ToList();
        var index = list.IndexOf(item);
        var target = direction == MoveDirection.Up ? index - 1 : index + 1;
        if (index < 0 || target < 0 || target >= list.Count)
        {
            throw new DomainException(direction == MoveDirection.Up ? "It is already first." : "It is already last.");
        }

        (list[index], list[target]) = (list[target], list[index]);
        for (var i = 0; i < list.Count; i++)
        {
            setOrder(list[i], i + 1);
        }
    }
}
