using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Documents.Models;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Documents;

/// <summary>Gathers one review's plan in the Home Office layout, with every action's status derived for today.</summary>
public static class ActionPlanLoader
{
    public static async Task<IReadOnlyList<ActionPlanGroup>> LoadAsync(DhrDbContext db, int reviewId, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        string Name(int id) => agencies.TryGetValue(id, out var n) ? n : "Unknown agency";

        var recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => r.ReviewId == reviewId)
            .Include(r => r.Addressees)
            .OrderBy(r => r.SortOrder)
            .ToListAsync(cancellationToken);
        var actions = (await db.Actions.AsNoTracking()
                .Where(a => a.ReviewId == reviewId)
                .Include(a => a.Milestones)
                .Include(a => a.SupportingAgencies)
                .OrderBy(a => a.SortOrder)
                .AsSplitQuery()
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.RecommendationId);

        // The officer's latest rating by scalar subqueries (index seeks): an Include of Updates.Take(1) makes EF number
        // every update in the table with a window function.
        var ratings = await db.Actions.AsNoTracking()
            .Where(a => a.ReviewId == reviewId)
            .Select(a => new
            {
                a.Id,
                Assessment = a.Updates.OrderByDescending(u => u.PostedAtUtc).ThenByDescending(u => u.Id).Select(u => u.Assessment).FirstOrDefault(),
                Reason = a.Updates.OrderByDescending(u => u.PostedAtUtc).ThenByDescending(u => u.Id).Select(u => u.AssessmentReason).FirstOrDefault(),
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
