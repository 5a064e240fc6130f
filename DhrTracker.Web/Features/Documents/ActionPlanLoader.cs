using DhrTracker.Domain.Partnerships;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Web.Features.Plans;
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

        var list = (await PlanReadModel.ReviewPlanAsync(db, reviewId, today, thresholds, cancellationToken))
            .Select(r => new ActionPlanRecommendation(
                r.Number,
                r.Text,
                r.Scope,
                r.Actions.Select(a => new ActionPlanAction(a.Description, Name(a.LeadAgencyId), a.Status, a.TargetDate)
                {
                    OriginalTargetDate = a.OriginalTargetDate,
                    SupportingAgencies = a.SupportingAgencyIds.Select(Name).ToList(),
                    Milestones = a.Milestones.Select(m => new ActionPlanMilestone(m.Description, m.DueOn, m.AchievedOn)).ToList(),
                    CompletedOn = a.CompletedOn,
                    CompletionEvidence = a.CompletionEvidence,
                    OutcomeSought = a.OutcomeSought,
                }).ToList())
            {
                AddressedTo = r.AddresseeIds.Select(Name).Order().ToList(),
            })
            .ToList();
        return ActionPlanModel.Ungrouped(list);
    }
}
