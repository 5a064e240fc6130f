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

    public static async Task<List<ActionStatusRow>> ForAsync(
        DhrDbContext db, Expression<Func<ActionItem, bool>> filter, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var rows = await db.Actions.AsNoTracking()
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
                Latest = a.Updates.OrderByDescending(u => u.PostedAtUtc).Select(u => new { u.Assessment, u.AssessmentReason }).FirstOrDefault(),
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
                        r.Latest?.Assessment,
                        r.Latest?.AssessmentReason),
                    today,
                    thresholds)))
            .ToList();
    }
}
