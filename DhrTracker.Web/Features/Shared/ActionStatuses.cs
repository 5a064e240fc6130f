using System.Linq.Expressions;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Shared;

/// <summary>One action's status with what it belongs to, for lists and roll-ups.</summary>
public sealed record ActionStatusRow(int ActionId, int ReviewId, int RecommendationId, int LeadAgencyId, StatusAssessment Assessment);

/// <summary>
/// Derives action statuses in the domain from a narrow projection of the facts, so that lists never load
/// whole aggregates.
/// </summary>
public static class ActionStatuses
{
    public static async Task<PartnershipSettings> SettingsAsync(DhrDbContext db, CancellationToken cancellationToken) =>
        await db.Partnerships.AsNoTracking().Select(p => p.Settings).SingleAsync(cancellationToken);

    /// <summary>
    /// The partnership filter written out in the query as well. The global filter reads "all partnerships OR this
    /// one", which SQLite cannot answer from an index, so without this every list scans whole tables.
    /// </summary>
    public static IQueryable<T> InScope<T>(this IQueryable<T> query, DhrDbContext db)
        where T : class, Domain.Common.IPartnershipScoped
    {
        var partnershipId = db.Scope.PartnershipId;
        return db.Scope.AllPartnerships ? query : query.Where(e => e.PartnershipId == partnershipId);
    }

    public static async Task<List<ActionStatusRow>> ForAsync(
        DhrDbContext db, Expression<Func<ActionItem, bool>> filter, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var rows = await db.Actions.AsNoTracking()
            .InScope(db)
            .Where(filter)
            .Select(a => new
            {
                a.Id,
                a.ReviewId,
                a.RecommendationId,
                a.LeadAgencyId,
                a.CreatedOn,
                a.TargetDate,
                a.CompletionAcceptedOn,
                a.LastUpdateOn,
                Milestones = a.Milestones.Select(m => new { m.Description, m.DueOn, m.AchievedOn }).ToList(),
                // One scalar subquery per column: each is an index seek on (ActionItemId, PostedAtUtc). Projecting the
                // latest update as an object makes EF number every update in the table with a window function instead.
                LatestAssessment = a.Updates.OrderByDescending(u => u.PostedAtUtc).ThenByDescending(u => u.Id).Select(u => u.Assessment).FirstOrDefault(),
                LatestReason = a.Updates.OrderByDescending(u => u.PostedAtUtc).ThenByDescending(u => u.Id).Select(u => u.AssessmentReason).FirstOrDefault(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return rows.Select(r => new ActionStatusRow(
                r.Id,
                r.ReviewId,
                r.RecommendationId,
                r.LeadAgencyId,
                ActionStatus.Derive(
                    new ActionStatusFacts(
                        r.CreatedOn,
                        r.TargetDate,
                        r.CompletionAcceptedOn,
                        r.Milestones.Select(m => new MilestoneFact(m.Description, m.DueOn, m.AchievedOn)).ToList(),
                        r.LastUpdateOn,
                        r.LatestAssessment,
                        r.LatestReason),
                    today,
                    thresholds)))
            .ToList();
    }
}
