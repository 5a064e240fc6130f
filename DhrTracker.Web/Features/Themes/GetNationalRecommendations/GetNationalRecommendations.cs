using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Themes.GetNationalRecommendations;

[Requires(Operation.ViewThemes)]
public sealed record GetNationalRecommendationsQuery : IQuery<NationalRecommendationsView>;

public sealed record NationalRecommendationsView(IReadOnlyList<NationalBodyGroup> Bodies);

public sealed record NationalBodyGroup(string Body, IReadOnlyList<NationalRecommendation> Recommendations)
{
    public int Complete => Recommendations.Count(r => r.Status.Status == Rag.Blue);
}

/// <summary>A national recommendation, what has been done about it and, where it is complete, how it ended.</summary>
public sealed record NationalRecommendation(int Id, int ReviewId, string ReviewReference, string Number, string Text, StatusRollup.Result Status, string? Response);

/// <summary>
/// National recommendations grouped by the department or national body they are addressed to: the list the
/// Domestic Abuse Commissioner found most departments did not have.
/// </summary>
public sealed class GetNationalRecommendationsHandler(AppDb appDb, IClock clock) : IQueryHandler<GetNationalRecommendationsQuery, NationalRecommendationsView>
{
    public async ValueTask<NationalRecommendationsView> Handle(GetNationalRecommendationsQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewThemes);
        var today = clock.Today;
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);

        var plans = await PlanReadModel.RollupsAsync(db, r => r.Scope == RecommendationScope.National, today, settings.Thresholds, cancellationToken);
        var recommendations = plans.Values.SelectMany(p => p.Recommendations).ToDictionary(r => r.Id);
        var references = await db.Reviews.AsNoTracking().Select(r => new { r.Id, r.Reference, r.NotifiedOn }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var ids = recommendations.Keys.ToList();
        var addressees = await (
                from a in db.Set<RecommendationAddressee>().AsNoTracking()
                join r in db.Recommendations on a.RecommendationId equals r.Id
                where ids.Contains(r.Id)
                select new { a.RecommendationId, a.AgencyId })
            .ToListAsync(cancellationToken);
        var bodies = await db.Agencies.AsNoTracking()
            .Where(a => a.Kind == AgencyKind.NationalBody)
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        var groups = addressees
            .Where(a => bodies.ContainsKey(a.AgencyId))
            .GroupBy(a => bodies[a.AgencyId])
            .Select(g => new NationalBodyGroup(
                g.Key,
                g.Select(a => recommendations[a.RecommendationId])
                    .OrderBy(r => references[r.ReviewId].NotifiedOn).ThenBy(r => r.SortOrder)
                    .Select(r => new NationalRecommendation(r.Id, r.ReviewId, references[r.ReviewId].Reference, r.Number, r.Text, r.Status, Response(r)))
                    .ToList()))
            .OrderByDescending(g => g.Recommendations.Count).ThenBy(g => g.Body)
            .ToList();
        return new NationalRecommendationsView(groups);
    }

    /// <summary>How it ended (the accepted evidence) or, while open, the latest word on it.</summary>
    private static string? Response(RecommendationRollup recommendation)
    {
        var actions = recommendation.Actions.Select(a => a.Action).ToList();
        var evidence = actions.Where(a => a.CompletionEvidence is not null).Select(a => a.CompletionEvidence).FirstOrDefault();
        return evidence ?? actions.Where(a => a.LatestUpdate is not null).OrderByDescending(a => a.Facts.LastUpdateOn).Select(a => a.LatestUpdate).FirstOrDefault();
    }
}
