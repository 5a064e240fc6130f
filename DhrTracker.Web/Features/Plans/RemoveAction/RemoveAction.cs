using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans.RemoveAction;

/// <summary>Removes an action entered by mistake, while nothing has been recorded on it.</summary>
[Requires(Operation.EditActionPlan)]
public sealed record RemoveActionCommand(int ActionId, int Version) : ICommand<Saved>;

public sealed class RemoveActionHandler(AppDb appDb) : ICommandHandler<RemoveActionCommand, Saved>
{
    public async ValueTask<Saved> Handle(RemoveActionCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var action = await db.Actions
            .Include(a => a.Milestones)
            .Include(a => a.Updates)
            .Include(a => a.TargetRevisions)
            .Include(a => a.SupportingAgencies)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == command.ActionId, cancellationToken)
            ?? throw new NotFoundException();
        action.EnsureCanBeRemoved();
        Shared.Persistence.ExpectVersion(db, action, command.Version);
        db.Actions.Remove(action);
        await Shared.Persistence.SaveAsync(db, cancellationToken);
        return new Saved(action.Id);
    }
}
