using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Dashboards.GetDeliveryDashboard;

[Requires(Operation.ViewDeliveryDashboard)]
public sealed record GetDeliveryDashboardQuery : IQuery<DeliveryDashboardView>;

public sealed record DeliveryDashboardView(
    IReadOnlyList<AgencyOverdue> OverdueByAgency,
    IReadOnlyList<DashboardAction> WithoutRecentUpdate,
    IReadOnlyList<EvidenceAwaiting> EvidenceAwaitingReview,
    IReadOnlyList<RevisionAwaiting> RevisionsAwaitingApproval,
    IReadOnlyList<BragBreakdown> ByLeadAgency,
    int StaleUpdateDays,
    DateOnly Today)
{
    public int OverdueCount => OverdueByAgency.Sum(a => a.Actions.Count);
}

public sealed record AgencyOverdue(string Agency, IReadOnlyList<DashboardAction> Actions);

public sealed record EvidenceAwaiting(DashboardAction Action, DateOnly CompletedOn, string Evidence, string ProposedBy);

public sealed record RevisionAwaiting(DashboardAction Action, int RevisionId, DateOnly? PreviousDate, DateOnly RequestedDate, string Reason, string RequestedBy, DateTime RequestedAtUtc, int SlippageIfApproved);

/// <summary>
/// What the co-ordinator has to chase or decide across every review of the partnership: overdue actions by
/// lead agency, actions with no recent update, completion evidence and revised dates waiting for a decision.
/// </summary>
public sealed class GetDeliveryDashboardHandler(AppDb appDb, IClock clock) : IQueryHandler<GetDeliveryDashboardQuery, DeliveryDashboardView>
{
    public async ValueTask<DeliveryDashboardView> Handle(GetDeliveryDashboardQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewDeliveryDashboard);
        var today = clock.Today;
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);

        var plans = await PlanReadModel.AllRollupsAsync(db, today, settings.Thresholds, cancellationToken);
        var references = await db.Reviews.AsNoTracking().InScope(db).Select(r => new { r.Id, r.Reference }).ToDictionaryAsync(r => r.Id, r => r.Reference, cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().InScope(db).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var actions = DashboardLinks.Labelled(plans.Values)
            .Select(x => (x.Action, Row: DashboardLinks.Row(x.Action, x.Label, references[x.Action.ReviewId], agencies.GetValueOrDefault(x.Action.LeadAgencyId, "Unknown agency"), today)))
            .ToList();

        var overdue = actions
            .Where(a => ActionStatus.IsOverdue(a.Action.Facts, today))
            .GroupBy(a => a.Row.LeadAgency)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new AgencyOverdue(g.Key, g.Select(a => a.Row).OrderByDescending(r => r.Status.Status).ThenBy(r => r.TargetDate).ToList()))
            .ToList();

        var quiet = actions
            .Where(a => ActionStatus.IsWithoutRecentUpdate(a.Action.Facts, today, settings.Thresholds))
            .Select(a => a.Row)
            .OrderByDescending(r => r.DaysWithoutUpdate)
            .ToList();

        var byId = actions.ToDictionary(a => a.Action.Id, a => a.Row);
        var proposals = await db.Actions.AsNoTracking()
            .InScope(db)
            .Where(ActionItem.AwaitingReview)
            .Select(a => new { a.Id, a.ProposedCompletionOn, a.ProposedEvidence, a.ProposedByName })
            .ToListAsync(cancellationToken);
        var evidence = proposals
            .Where(p => byId.ContainsKey(p.Id))
            .Select(p => new EvidenceAwaiting(byId[p.Id], p.ProposedCompletionOn!.Value, p.ProposedEvidence ?? string.Empty, p.ProposedByName ?? string.Empty))
            .OrderBy(e => e.CompletedOn)
            .ToList();

        var pending = await (
                from r in db.Set<TargetDateRevision>().AsNoTracking()
                join a in db.Actions.InScope(db) on r.ActionItemId equals a.Id
                where r.State == RevisionState.Pending
                select new { ActionId = a.Id, a.OriginalTargetDate, r.Id, r.PreviousDate, r.RequestedDate, r.Reason, r.RequestedByName, r.RequestedAtUtc })
            .ToListAsync(cancellationToken);
        var revisions = pending
            .Where(p => byId.ContainsKey(p.ActionId))
            .Select(p => new RevisionAwaiting(byId[p.ActionId], p.Id, p.PreviousDate, p.RequestedDate, p.Reason, p.RequestedByName, p.RequestedAtUtc,
                ActionItem.Slippage(p.OriginalTargetDate, p.RequestedDate)))
            .OrderBy(r => r.RequestedAtUtc)
            .ToList();

        var byAgency = actions
            .GroupBy(a => a.Row.LeadAgency)
            .Select(g => new BragBreakdown(g.Key, BragCounts.Of(g.Select(a => a.Action.Status.Status))))
            .OrderByDescending(b => b.Counts.Red).ThenByDescending(b => b.Counts.Amber).ThenBy(b => b.Label)
            .ToList();

        return new DeliveryDashboardView(overdue, quiet, evidence, revisions, byAgency, settings.StaleUpdateDays, today);
    }
}
