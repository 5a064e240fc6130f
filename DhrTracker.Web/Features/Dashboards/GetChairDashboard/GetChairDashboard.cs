using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Dashboards.GetChairDashboard;

[Requires(Operation.ViewChairDashboard)]
public sealed record GetChairDashboardQuery : IQuery<ChairDashboardView>;

public sealed record ChairDashboardView(IReadOnlyList<ChairReviewRow> Reviews, IReadOnlyList<BragBreakdown> ByLeadAgency)
{
    public BragCounts Total => Reviews.Aggregate(BragCounts.Empty, (sum, r) => sum.Add(r.Status.Counts));
}

public sealed record ChairReviewRow(int Id, string Reference, DateOnly NotifiedOn, DateOnly? PublishedOn, int Recommendations, StatusRollup.Result Status);

/// <summary>For the CSP chair: every review with an action plan, its overall status with the reason, and its BRAG counts.</summary>
public sealed class GetChairDashboardHandler(AppDb appDb, IClock clock) : IQueryHandler<GetChairDashboardQuery, ChairDashboardView>
{
    public async ValueTask<ChairDashboardView> Handle(GetChairDashboardQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewChairDashboard);
        var today = clock.Today;
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);

        var plans = await PlanReadModel.AllRollupsAsync(db, today, settings.Thresholds, cancellationToken);
        var reviews = await db.Reviews.AsNoTracking()
            .InScope(db)
            .Select(r => new { r.Id, r.Reference, r.NotifiedOn, r.PublishedOn })
            .ToListAsync(cancellationToken);
        var rows = reviews
            .Where(r => plans.ContainsKey(r.Id))
            .Select(r => new ChairReviewRow(r.Id, r.Reference, r.NotifiedOn, r.PublishedOn, plans[r.Id].Recommendations.Count, plans[r.Id].Status))
            // Worst first, so the board's attention goes where delivery is weakest.
            .OrderBy(r => r.Status.Status == Rag.Blue ? 1 : 0)
            .ThenByDescending(r => r.Status.Status)
            .ThenByDescending(r => r.Status.Counts.Red)
            .ThenBy(r => r.NotifiedOn)
            .ToList();

        var agencies = await db.Agencies.AsNoTracking().InScope(db).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var byAgency = DashboardLinks.Labelled(plans.Values)
            .GroupBy(a => agencies.GetValueOrDefault(a.Action.LeadAgencyId, "Unknown agency"))
            .Select(g => new BragBreakdown(g.Key, BragCounts.Of(g.Select(a => a.Action.Status.Status))))
            .OrderByDescending(b => b.Counts.Red).ThenByDescending(b => b.Counts.Amber).ThenBy(b => b.Label)
            .ToList();
        return new ChairDashboardView(rows, byAgency);
    }
}
