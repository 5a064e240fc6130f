using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans.GetPlanEditor;

[Requires(Operation.EditActionPlan)]
public sealed record GetPlanEditorQuery(int ReviewId) : IQuery<PlanEditorView>;

public sealed record PlanEditorView(
    int ReviewId,
    string Reference,
    bool IsPublished,
    bool IsCommissioned,
    string SuggestedNextNumber,
    StatusRollup.Result Overall,
    IReadOnlyList<EditorRecommendation> Recommendations,
    IReadOnlyList<AgencyOption> Agencies,
    IReadOnlyList<ThemeOption> Themes,
    DateOnly Today);

public sealed record EditorRecommendation(
    int Id,
    int Version,
    string Number,
    string Text,
    RecommendationScope Scope,
    IReadOnlyList<int> AddresseeIds,
    IReadOnlyList<int> ThemeIds,
    StatusRollup.Result Status,
    IReadOnlyList<EditorAction> Actions);

public sealed record EditorAction(
    int Id,
    int Version,
    string Label,
    string Description,
    int LeadAgencyId,
    IReadOnlyList<int> SupportingAgencyIds,
    string? LeadOfficerName,
    DateOnly? TargetDate,
    DateOnly? OriginalTargetDate,
    int SlippageDays,
    bool TargetSetByRevisions,
    string? OutcomeSought,
    StatusAssessment Status,
    bool IsComplete,
    bool HasRecordedProgress,
    IReadOnlyList<EditorMilestone> Milestones);

public sealed record EditorMilestone(int Id, string Description, DateOnly DueOn, DateOnly? AchievedOn);

public sealed record AgencyOption(int Id, string Name, bool IsNationalBody, bool IsActive);

public sealed record ThemeOption(int Id, string Name);

/// <summary>The whole plan of one review as the co-ordinator edits it: every field, with versions, and the lists to choose from.</summary>
public sealed class GetPlanEditorHandler(AppDb appDb, IClock clock) : IQueryHandler<GetPlanEditorQuery, PlanEditorView>
{
    public async ValueTask<PlanEditorView> Handle(GetPlanEditorQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);
        var today = clock.Today;

        var review = await db.Reviews.AsNoTracking()
            .Include(r => r.Decisions)
            .SingleOrDefaultAsync(r => r.Id == query.ReviewId, cancellationToken)
            ?? throw new NotFoundException();
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);

        var recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => r.ReviewId == review.Id)
            .Include(r => r.Addressees)
            .Include(r => r.Themes)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var actions = (await db.Actions.AsNoTracking()
                .Where(a => a.ReviewId == review.Id)
                .Include(a => a.Milestones)
                .Include(a => a.SupportingAgencies)
                .Include(a => a.TargetRevisions)
                .Include(a => a.Updates)
                .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
                .AsSplitQuery()
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.RecommendationId);

        var views = recommendations.Select(r =>
            {
                var actionViews = actions[r.Id].Select((a, i) => new EditorAction(
                        a.Id,
                        a.Version,
                        $"{r.Number}.{i + 1}",
                        a.Description,
                        a.LeadAgencyId,
                        a.SupportingAgencies.Select(s => s.AgencyId).ToList(),
                        a.LeadOfficerName,
                        a.TargetDate,
                        a.OriginalTargetDate,
                        a.SlippageDays,
                        a.TargetRevisions.Count > 0,
                        a.OutcomeSought,
                        a.Status(today, settings.Thresholds),
                        a.IsComplete,
                        a.HasRecordedProgress,
                        a.Milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Id).Select(m => new EditorMilestone(m.Id, m.Description, m.DueOn, m.AchievedOn)).ToList()))
                    .ToList();
                var status = StatusRollup.Roll(actionViews.Select(a => new StatusRollup.Part(a.Label, a.Status)).ToList(), "action");
                return new EditorRecommendation(
                    r.Id, r.Version, r.Number, r.Text, r.Scope,
                    r.Addressees.Select(a => a.AgencyId).ToList(),
                    r.Themes.Select(t => t.ThemeId).ToList(),
                    status,
                    actionViews);
            })
            .ToList();

        var parts = views.Where(v => v.Status.Status is not null)
            .Select(v => new StatusRollup.Part(v.Number, new StatusAssessment(v.Status.Status!.Value, v.Status.Reason)))
            .ToList();
        var overall = StatusRollup.Roll(parts, "recommendation") with
        {
            Counts = BragCounts.Of(views.SelectMany(v => v.Actions).Select(a => a.Status.Status)),
        };

        var agencies = await db.Agencies.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new AgencyOption(a.Id, a.Name, a.Kind == Domain.Agencies.AgencyKind.NationalBody, a.IsActive))
            .ToListAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new ThemeOption(t.Id, t.Name)).ToListAsync(cancellationToken);

        return new PlanEditorView(
            review.Id,
            review.Reference,
            review.IsPublished,
            review.IsCommissioned,
            RecommendationNumbering.SuggestNext(recommendations.Select(r => r.Number).ToList()),
            overall,
            views,
            agencies,
            themes,
            today);
    }
}
