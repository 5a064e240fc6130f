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

namespace DhrTracker.Web.Features.Themes.GetThemes;

[Requires(Operation.ViewThemes)]
public sealed record GetThemesQuery : IQuery<ThemesView>;

public sealed record ThemesView(IReadOnlyList<ThemeSummary> Themes, int RecommendationCount);

public sealed record ThemeSummary(int Id, string Name, IReadOnlyList<ReviewLink> Reviews, IReadOnlyList<ThemeRecommendation> Recommendations)
{
    public BragCounts Counts => BragCounts.Of(Recommendations.Where(r => r.Status.Status is not null).Select(r => r.Status.Status!.Value));
}

public sealed record ReviewLink(int Id, string Reference);

public sealed record ThemeRecommendation(int Id, int ReviewId, string ReviewReference, string Number, RecommendationScope Scope, string Text, StatusRollup.Result Status);

/// <summary>Recommendations by theme across every review of the partnership, with counts and the reviews they come from.</summary>
public sealed class GetThemesHandler(AppDb appDb, IClock clock) : IQueryHandler<GetThemesQuery, ThemesView>
{
    public async ValueTask<ThemesView> Handle(GetThemesQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewThemes);
        var today = clock.Today;
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);

        var plans = await PlanReadModel.AllRollupsAsync(db, today, settings.Thresholds, cancellationToken);
        var recommendations = plans.Values.SelectMany(p => p.Recommendations).ToDictionary(r => r.Id);
        var reviews = await db.Reviews.AsNoTracking().InScope(db).Select(r => new { r.Id, r.Reference, r.NotifiedOn }).ToDictionaryAsync(r => r.Id, cancellationToken);
        // Joined through the recommendations, whose partnership filter keeps the tags to this partnership.
        var tags = await (
                from t in db.Set<RecommendationTheme>().AsNoTracking()
                join r in db.Recommendations.InScope(db) on t.RecommendationId equals r.Id
                select new { t.ThemeId, t.RecommendationId })
            .ToListAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().InScope(db).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var byTheme = tags.ToLookup(t => t.ThemeId, t => t.RecommendationId);

        var summaries = themes
            .Select(t =>
            {
                var recs = byTheme[t.Id]
                    .Where(recommendations.ContainsKey)
                    .Select(id => recommendations[id])
                    .OrderBy(r => reviews[r.ReviewId].NotifiedOn).ThenBy(r => r.SortOrder)
                    .Select(r => new ThemeRecommendation(r.Id, r.ReviewId, reviews[r.ReviewId].Reference, r.Number, r.Scope, r.Text, r.Status))
                    .ToList();
                var fromReviews = recs.Select(r => r.ReviewId).Distinct()
                    .OrderBy(id => reviews[id].NotifiedOn)
                    .Select(id => new ReviewLink(id, reviews[id].Reference))
                    .ToList();
                return new ThemeSummary(t.Id, t.Name, fromReviews, recs);
            })
            .OrderByDescending(s => s.Recommendations.Count).ThenBy(s => s.Name)
            .ToList();
        return new ThemesView(summaries, recommendations.Count);
    }
}
