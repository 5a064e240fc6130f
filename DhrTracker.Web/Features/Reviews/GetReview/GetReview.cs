using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Reviews.GetReview;

[Requires(Operation.ViewReviewStages)]
public sealed record GetReviewQuery(int ReviewId) : IQuery<ReviewView>;

public sealed record ReviewView(
    int Id,
    string Reference,
    ReviewKind Kind,
    ReviewStage Stage,
    bool IsPaused,
    bool IsPublished,
    DateOnly NotifiedOn,
    ConfidentialFacts? Confidential,
    IReadOnlyList<TimelineEntry> Timeline,
    DateOnly Today,
    DateOnly? CompletionDue,
    int PausedDays,
    IReadOnlyList<PanelMemberView> Panel,
    IReadOnlyList<AgencyReportView> AgencyReports,
    ActionPlanView? ActionPlan,
    string? ActionPlanHiddenBecause);

public sealed record ConfidentialFacts(
    string VictimPseudonym,
    int? VictimAge,
    string? PerpetratorPseudonym,
    int? PerpetratorAge,
    Relationship Relationship,
    DateOnly DateOfDeath,
    string? NotifyingAgency,
    string Circumstances);

public sealed record PanelMemberView(int Id, string Name, string PanelRole, string? Agency);

public sealed record AgencyReportView(int Id, string Agency, AgencyReportKind Kind, DateOnly RequestedOn, DateOnly DueOn, DateOnly? ReceivedOn, bool IsOverdue);

public sealed record ActionPlanView(IReadOnlyList<RecommendationView> Recommendations, StatusRollup.Result Overall);

public sealed record RecommendationView(
    int Id,
    string Number,
    string Text,
    RecommendationScope Scope,
    IReadOnlyList<string> Addressees,
    IReadOnlyList<string> Themes,
    StatusRollup.Result Status,
    IReadOnlyList<ActionView> Actions);

public sealed record ActionView(
    int Id,
    string Label,
    string Description,
    int LeadAgencyId,
    string LeadAgency,
    IReadOnlyList<string> SupportingAgencies,
    string? LeadOfficer,
    string? OutcomeSought,
    DateOnly? OriginalTargetDate,
    DateOnly? TargetDate,
    int SlippageDays,
    StatusAssessment Status,
    IReadOnlyList<MilestoneView> Milestones,
    DateOnly? CompletedOn,
    string? CompletionEvidence,
    bool CompletionAwaitingReview,
    string? LatestUpdate,
    DateTime? LatestUpdateAtUtc);

public sealed record MilestoneView(int Id, string Description, DateOnly DueOn, DateOnly? AchievedOn);

/// <summary>
/// One review: its stage timeline and, for those allowed, its action plan with statuses and reasons.
/// Confidential facts go only to roles that may see them; scrutiny sees a plan only once published.
/// </summary>
public sealed class GetReviewHandler(AppDb appDb, IClock clock) : IQueryHandler<GetReviewQuery, ReviewView>
{
    public async ValueTask<ReviewView> Handle(GetReviewQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewReviewStages);
        var today = clock.Today;

        var review = await db.Reviews.AsNoTracking()
            .WithEveryStage()
            .SingleOrDefaultAsync(r => r.Id == query.ReviewId, cancellationToken)
            ?? throw new NotFoundException();

        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().InScope(db).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        string AgencyName(int id) => agencies.TryGetValue(id, out var n) ? n : "Unknown agency";

        var confidential = user.Can(Operation.ViewConfidentialFacts);
        var timeline = ReviewTimeline.Build(review, settings, today, AgencyName)
            .Select(e => !confidential && e.Stage == ReviewStageNumber.Notification
                ? e with { Summary = $"Notified on {review.NotifiedOn:d MMMM yyyy}. The circumstances are confidential." }
                : e)
            .ToList();

        ActionPlanView? plan = null;
        string? hiddenBecause = null;
        if (user.Can(Operation.ViewFullActionPlan) || (user.Can(Operation.ViewPublishedActionPlan) && review.IsPublished))
        {
            plan = await LoadPlanAsync(db, review.Id, today, settings.Thresholds, AgencyName, cancellationToken);
        }
        else
        {
            hiddenBecause = "The action plan is shown to the scrutiny panel once the review is published.";
        }

        return new ReviewView(
            review.Id,
            review.Reference,
            review.Kind,
            review.Stage,
            review.IsPaused,
            review.IsPublished,
            review.NotifiedOn,
            confidential
                ? new ConfidentialFacts(review.VictimPseudonym, review.VictimAge, review.PerpetratorPseudonym, review.PerpetratorAge, review.Relationship, review.DateOfDeath,
                    review.NotifyingAgencyId is { } na ? AgencyName(na) : null, review.Circumstances)
                : null,
            timeline,
            today,
            ReviewTimeline.CompletionDue(review, today, settings),
            ReviewTimeline.PausedDays(review, today),
            review.Panel.Select(p => new PanelMemberView(p.Id, p.Name, p.PanelRole, p.AgencyId is { } a ? AgencyName(a) : null)).ToList(),
            review.AgencyReports.OrderBy(r => r.DueOn)
                .Select(r => new AgencyReportView(r.Id, AgencyName(r.AgencyId), r.Kind, r.RequestedOn, r.DueOn, r.ReceivedOn, r.ReceivedOn is null && r.DueOn < today))
                .ToList(),
            plan,
            hiddenBecause);
    }

    private static async Task<ActionPlanView> LoadPlanAsync(
        Infrastructure.Data.DhrDbContext db, int reviewId, DateOnly today, Domain.Partnerships.StatusThresholds thresholds, Func<int, string> agencyName, CancellationToken cancellationToken)
    {
        var themes = await db.Themes.AsNoTracking().InScope(db).Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var plan = await PlanReadModel.ReviewPlanAsync(db, reviewId, today, thresholds, cancellationToken);

        var recommendationViews = new List<RecommendationView>();
        var recommendationParts = new List<StatusRollup.Part>();
        foreach (var rec in plan)
        {
            var actionViews = rec.Actions
                .Select((a, i) => new ActionView(
                    a.Id,
                    $"{rec.Number}.{i + 1}",
                    a.Description,
                    a.LeadAgencyId,
                    agencyName(a.LeadAgencyId),
                    a.SupportingAgencyIds.Select(agencyName).ToList(),
                    a.LeadOfficerName,
                    a.OutcomeSought,
                    a.OriginalTargetDate,
                    a.TargetDate,
                    a.SlippageDays,
                    a.Status,
                    a.Milestones.Select(m => new MilestoneView(m.Id, m.Description, m.DueOn, m.AchievedOn)).ToList(),
                    a.CompletedOn,
                    a.CompletionEvidence,
                    a.CompletionAwaitingReview,
                    a.LatestUpdate,
                    a.LatestUpdateAtUtc))
                .ToList();
            var roll = StatusRollup.Roll(actionViews.Select(a => new StatusRollup.Part(a.Label, a.Status)).ToList(), "action");
            if (roll.Status is { } s)
            {
                recommendationParts.Add(new StatusRollup.Part(rec.Number, new StatusAssessment(s, roll.Reason)));
            }

            recommendationViews.Add(new RecommendationView(
                rec.Id,
                rec.Number,
                rec.Text,
                rec.Scope,
                rec.AddresseeIds.Select(agencyName).Order().ToList(),
                rec.ThemeIds.Select(t => themes.TryGetValue(t, out var n) ? n : "?").Order().ToList(),
                roll,
                actionViews));
        }

        var overall = StatusRollup.Roll(recommendationParts, "recommendation");
        var counts = BragCounts.Of(recommendationViews.SelectMany(r => r.Actions).Select(a => a.Status.Status));
        return new ActionPlanView(recommendationViews, overall with { Counts = counts });
    }
}
