using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Actions;

/// <summary>Loads an action for a command, with every child the domain methods read.</summary>
internal static class ActionAccess
{
    /// <summary>
    /// The lead officer's own agency's action. Another agency's action reads as not found, exactly as a missing
    /// one does, so that an officer cannot learn what other agencies hold.
    /// </summary>
    public static async Task<ActionItem> OwnAgencyActionAsync(DhrDbContext db, UserContext user, int actionId, CancellationToken cancellationToken)
    {
        user.Require(Operation.UpdateOwnAgencyAction);
        var action = await LoadAsync(db, actionId, cancellationToken);
        if (action is null || user.AgencyId is not { } agencyId || action.LeadAgencyId != agencyId)
        {
            throw new NotFoundException();
        }

        return action;
    }

    /// <summary>
    /// The signed-in lead officer's own agency's action, for a command that declares
    /// <see cref="Operation.UpdateOwnAgencyAction"/>. Another agency's action reads as not found.
    /// </summary>
    public static async Task<ActionItem> OwnAgencyActionAsync(RequestContext context, int actionId, CancellationToken cancellationToken)
    {
        var user = context.User;
        var action = await LoadAsync(context.Db, actionId, cancellationToken);
        if (action is null || user.AgencyId is not { } agencyId || action.LeadAgencyId != agencyId)
        {
            throw new NotFoundException();
        }

        return action;
    }

    public static async Task<ActionItem> AnyActionAsync(DhrDbContext db, int actionId, CancellationToken cancellationToken) =>
        await LoadAsync(db, actionId, cancellationToken) ?? throw new NotFoundException();

    private static Task<ActionItem?> LoadAsync(DhrDbContext db, int actionId, CancellationToken cancellationToken) =>
        db.Actions
            .Include(a => a.Milestones)
            .Include(a => a.Updates)
            .Include(a => a.TargetRevisions)
            .Include(a => a.SupportingAgencies)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken);
}
