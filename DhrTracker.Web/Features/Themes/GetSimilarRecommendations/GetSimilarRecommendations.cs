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

namespace DhrTracker.Web.Features.Themes.GetSimilarRecommendations;

/// <summary>For each recommendation of a review, the similar recommendations of earlier reviews and how they ended.</summary>
[Requires(Operation.ViewFullActionPlan, Operation.ViewPublishedActionPlan)]
public sealed record GetSimilarRecommendationsQuery(int ReviewId) : IQuery<SimilarRecommendationsView>;

public sealed record SimilarRecommendationsView(IReadOnlyDictionary<int, IReadOnlyList<EarlierRecommendation>> ByRecommendation)
{
    public IReadOnlyList<EarlierRecommendation> For(int recommendationId) =>
        ByRecommendation.TryGetValue(recommendationId, out var list) ? list : [];
}

public sealed record EarlierRecommendation(
    int Id,
    int ReviewId,
    string ReviewReference,
    string Number,
    string Text,
    IReadOnlyList<string> SharedThemes,
    StatusRollup.Result Status,
    string? Outcome);

/// <summary>
/// "Many recommendations repeat year after year": flags a recommendation whose themes and wording match one made
/// in an earlier review (notified before this one). Scrutiny sees matches only among published reviews, and only
/// for a published review, as with the plans themselves.
/// </summary>
public sealed class GetSimilarRecommendationsHandler(AppDb appDb, IClock clock) : IQueryHandler<GetSimilarRecommendationsQuery, SimilarRecommendationsView>
{
    public async ValueTask<SimilarRecommendationsView> Handle(GetSimilarRecommendationsQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        var full = user.Can(Operation.ViewFullActionPlan);
        if (!full && !user.Can(Operation.ViewPublishedActionPlan))
        {
            throw new ForbiddenException();
        }

        var reviews = await db.Reviews.AsNoTracking()
            .InScope(db)
            .Select(r => new { r.Id, r.Reference, r.NotifiedOn, r.PublishedOn })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        if (!reviews.TryGetValue(query.ReviewId, out var review) || (!full && review.PublishedOn is null))
        {
            throw new NotFoundException();
        }

        // Earlier reviews by a subquery, not a parameter per review; the themes read flat beside the texts rather than
        // as a nested collection (which EF runs as a second copy of the whole query).
        var notifiedOn = review.NotifiedOn;
        var reviewId = review.Id;
        var earlierReviews = db.Reviews.InScope(db).Where(r => r.NotifiedOn < notifiedOn && (full || r.PublishedOn != null)).Select(r => r.Id);
        var compared = db.Recommendations.AsNoTracking().InScope(db).Where(r => r.ReviewId == reviewId || earlierReviews.Contains(r.ReviewId));
        var themesOf = (await compared.SelectMany(r => r.Themes, (r, t) => new { r.Id, t.ThemeId }).ToListAsync(cancellationToken))
            .ToLookup(x => x.Id, x => x.ThemeId);
        var candidates = (await compared
                .Select(r => new { r.Id, r.ReviewId, r.Text })
                .ToListAsync(cancellationToken))
            // Each text's words once, not once per pair compared (31 recommendations against hundreds of earlier ones).
            .Select(r => new { r.Id, r.ReviewId, r.Text, Themes = themesOf[r.Id].ToList(), Words = RecommendationSimilarity.MeaningfulWords(r.Text) })
            .ToList();
        var own = candidates.Where(c => c.ReviewId == review.Id).ToList();
        var earlier = candidates.Where(c => c.ReviewId != review.Id).ToList();

        var matches = own
            .Select(r => (r.Id, Earlier: earlier.Where(e => RecommendationSimilarity.AreSimilar(r.Themes, r.Words, e.Themes, e.Words)).ToList()))
            .Where(m => m.Earlier.Count > 0)
            .ToList();
        if (matches.Count == 0)
        {
            return new SimilarRecommendationsView(new Dictionary<int, IReadOnlyList<EarlierRecommendation>>());
        }

        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var matchedIds = matches.SelectMany(m => m.Earlier).Select(e => e.Id).Distinct().ToList();
        var plans = await PlanReadModel.RollupsAsync(db, r => matchedIds.Contains(r.Id), clock.Today, settings.Thresholds, cancellationToken);
        var rollups = plans.Values.SelectMany(p => p.Recommendations).ToDictionary(r => r.Id);
        var themeNames = await db.Themes.AsNoTracking().InScope(db).Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);

        var result = matches.ToDictionary(
            m => m.Id,
            m =>
            {
                var mine = own.Single(o => o.Id == m.Id).Themes;
                return (IReadOnlyList<EarlierRecommendation>)m.Earlier
                    .OrderByDescending(e => reviews[e.ReviewId].NotifiedOn)
                    .Select(e =>
                    {
                        var rollup = rollups[e.Id];
                        return new EarlierRecommendation(
                            e.Id,
                            e.ReviewId,
                            reviews[e.ReviewId].Reference,
                            rollup.Number,
                            e.Text,
                            e.Themes.Intersect(mine).Select(id => themeNames.GetValueOrDefault(id, "?")).Order().ToList(),
                            rollup.Status,
                            Outcome(rollup));
                    })
                    .ToList();
            });
        return new SimilarRecommendationsView(result);
    }

    private static string? Outcome(RecommendationRollup rollup)
    {
        var done = rollup.Actions.Select(a => a.Action).Where(a => a.CompletedOn is not null && a.Facts.CompletionAcceptedOn is not null).ToList();
        return done.Count == 0
            ? null
            : string.Join(" ", done.Select(a => $"Completed {a.CompletedOn:d MMMM yyyy}: {a.CompletionEvidence}"));
    }
}
