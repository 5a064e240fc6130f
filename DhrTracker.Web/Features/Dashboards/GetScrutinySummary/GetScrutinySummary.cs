using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Dashboards.GetScrutinySummary;

[Requires(Operation.ViewScrutinySummary)]
public sealed record GetScrutinySummaryQuery : IQuery<ScrutinySummaryView>;

public sealed record ScrutinySummaryView(IReadOnlyList<ScrutinyReviewRow> Reviews, IReadOnlyList<PublishedPlan> PublishedPlans);

/// <summary>
/// A review's counts. <see cref="Reason"/> is null for an unpublished review: the reason quotes recommendations,
/// actions and milestones, which scrutiny does not read before publication.
/// </summary>
public sealed record ScrutinyReviewRow(int Id, string Reference, DateOnly? PublishedOn, BragCounts Counts, Rag? Status, string? Reason);

public sealed record PublishedPlan(int ReviewId, string Reference, DateOnly PublishedOn, StatusRollup.Result Status, IReadOnlyList<PublishedRecommendation> Recommendations);

public sealed record PublishedRecommendation(string Number, RecommendationScope Scope, string Text, StatusRollup.Result Status);

/// <summary>
/// The scrutiny panel's read-only summary: every review's BRAG counts, and the action plans of published
/// reviews. No recommendation text, action or milestone of an unpublished review leaves this handler.
/// </summary>
public sealed class GetScrutinySummaryHandler(AppDb appDb, IClock clock) : IQueryHandler<GetScrutinySummaryQuery, ScrutinySummaryView>
{
    public async ValueTask<ScrutinySummaryView> Handle(GetScrutinySummaryQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewScrutinySummary);
        var today = clock.Today;
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);

        var plans = await PlanReadModel.AllRollupsAsync(db, today, settings.Thresholds, cancellationToken);
        var reviews = await db.Reviews.AsNoTracking()
            .InScope(db)
            .OrderByDescending(r => r.NotifiedOn)
            .Select(r => new { r.Id, r.Reference, r.PublishedOn })
            .ToListAsync(cancellationToken);

        var rows = reviews
            .Where(r => plans.ContainsKey(r.Id))
            .Select(r =>
            {
                var status = plans[r.Id].Status;
                return new ScrutinyReviewRow(r.Id, r.Reference, r.PublishedOn, status.Counts, status.Status, r.PublishedOn is null ? null : status.Reason);
            })
            .ToList();
        var published = reviews
            .Where(r => r.PublishedOn is not null && plans.ContainsKey(r.Id))
            .Select(r => new PublishedPlan(r.Id, r.Reference, r.PublishedOn!.Value, plans[r.Id].Status,
                plans[r.Id].Recommendations.Select(x => new PublishedRecommendation(x.Number, x.Scope, x.Text, x.Status)).ToList()))
            .ToList();
        return new ScrutinySummaryView(rows, published);
    }
}
