using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Documents;

/// <summary>Gathers one review's plan in the Home Office layout, with every action's status derived for today.</summary>
public static class ActionPlanLoader
{
    public static async Task<IReadOnlyList<ActionPlanGroup>> LoadAsync(DhrDbContext db, int reviewId, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().InScope(db).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        string Name(int id) => agencies.TryGetValue(id, out var n) ? n : "Unknown agency";

        var recommendations = await db.Recommendations.AsNoTracking()
            .InScope(db)
            .Where(r => r.ReviewId == reviewId)
            .Include(r => r.Addressees)
            .OrderBy(r => r.SortOrder)
            .ToListAsync(cancellationToken);
        var actions = (await db.Actions.AsNoTracking()
                .InScope(db)
                .Where(a => a.ReviewId == reviewId)
                .Include(a => a.Milestones)
                .Include(a => a.SupportingAgencies)
                .OrderBy(a => a.SortOrder)
                .AsSplitQuery()
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.RecommendationId);

        // The officer's latest rating, joined on the latest update's id (see ActionStatuses.WithLatestUpdate).
        var ratings = await db.Actions.AsNoTracking()
            .InScope(db)
            .Where(a => a.ReviewId == reviewId)
            .WithLatestUpdate(db)
            .Select(x => new
            {
                x.Action.Id,
                Assessment = x.Latest == null ? null : x.Latest.Assessment,
                Reason = x.Latest == null ? null : x.Latest.AssessmentReason,
            })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        StatusAssessment Status(ActionItem a) =>
            ActionStatus.Derive(a.StatusFacts() with { OfficerAssessment = ratings[a.Id].Assessment, OfficerAssessmentReason = ratings[a.Id].Reason }, today, thresholds);

        var list = recommendations.Select(r => new ActionPlanRecommendation(
                r.Number,
                r.Text,
                r.Scope,
                actions[r.Id].Select(a => new ActionPlanAction(a.Description, Name(a.LeadAgencyId), Status(a), a.TargetDate)
                {
                    OriginalTargetDate = a.OriginalTargetDate,
                    SupportingAgencies = a.SupportingAgencies.Select(s => Name(s.AgencyId)).ToList(),
                    Milestones = a.Milestones.OrderBy(m => m.DueOn).Select(m => new ActionPlanMilestone(m.Description, m.DueOn, m.AchievedOn)).ToList(),
                    CompletedOn = a.CompletedOn,
                    CompletionEvidence = a.CompletionEvidence,
                }).ToList())
            {
                AddressedTo = r.Addressees.Select(x => Name(x.AgencyId)).Order().ToList(),
            })
            .ToList();
        return ActionPlanModel.Ungrouped(list);
    }
}
