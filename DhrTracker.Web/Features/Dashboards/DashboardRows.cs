using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Security;

namespace DhrTracker.Web.Features.Dashboards;

/// <summary>An action as a dashboard lists it: where it belongs, who leads it, its dates and its status with the reason.</summary>
public sealed record DashboardAction(
    int Id,
    int ReviewId,
    string ReviewReference,
    string Label,
    string Description,
    string LeadAgency,
    DateOnly? TargetDate,
    DateOnly? OriginalTargetDate,
    int SlippageDays,
    StatusAssessment Status,
    DateOnly? LastUpdateOn,
    int DaysWithoutUpdate);

/// <summary>BRAG counts for one row of a chart (a review, an agency).</summary>
public sealed record BragBreakdown(string Label, BragCounts Counts, string? Href = null);

public static class DashboardLinks
{
    /// <summary>The dashboard the "Dashboard" link opens for this person, or null when they have none.</summary>
    public static string? HomeFor(UserContext user) => user switch
    {
        _ when user.Can(Operation.DecideCompletionAndRevisions) && user.Can(Operation.ViewDeliveryDashboard) => "/dashboards/delivery",
        _ when user.Can(Operation.ViewChairDashboard) => "/dashboards/chair",
        _ when user.Can(Operation.ViewScrutinySummary) => "/dashboards/scrutiny",
        _ => null,
    };

    internal static IEnumerable<(ActionFactsRow Action, string Label)> Labelled(IEnumerable<ReviewRollup> plans) =>
        plans.SelectMany(p => p.Recommendations).SelectMany(r => r.Actions);

    internal static DashboardAction Row(ActionFactsRow a, string label, string reviewReference, string leadAgency, DateOnly today) =>
        new(a.Id, a.ReviewId, reviewReference, label, a.Description, leadAgency, a.TargetDate, a.OriginalTargetDate, a.SlippageDays, a.Status,
            a.Facts.LastUpdateOn, ActionStatus.DaysWithoutUpdate(a.Facts, today));
}
