using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans.RemoveMilestone;

/// <summary>Removes a milestone that no longer applies; <see cref="Version"/> is the action's.</summary>
[Requires(Operation.EditActionPlan)]
public sealed record RemoveMilestoneCommand(int ActionId, int MilestoneId, int Version) : ICommand<Saved>;

public sealed class RemoveMilestoneHandler(AppDb appDb) : ICommandHandler<RemoveMilestoneCommand, Saved>
{
    public async ValueTask<Saved> Handle(RemoveMilestoneCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var action = await db.Actions.Include(a => a.Milestones).SingleOrDefaultAsync(a => a.Id == command.ActionId, cancellationToken)
            ?? throw new NotFoundException();
        action.RemoveMilestone(command.MilestoneId);
        await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
        return new Saved(command.MilestoneId);
    }
}
