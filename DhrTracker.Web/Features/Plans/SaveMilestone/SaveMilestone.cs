using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans.SaveMilestone;

/// <summary>Adds a milestone to an action (no <see cref="MilestoneId"/>) or edits one; <see cref="Version"/> is the action's.</summary>
[Requires(Operation.EditActionPlan)]
public sealed record SaveMilestoneCommand(int ActionId, int? MilestoneId, int Version, string Description, DateOnly? DueOn) : ICommand<Saved>;

public sealed class SaveMilestoneHandler(AppDb appDb) : ICommandHandler<SaveMilestoneCommand, Saved>
{
    public async ValueTask<Saved> Handle(SaveMilestoneCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var action = await db.Actions.Include(a => a.Milestones).SingleOrDefaultAsync(a => a.Id == command.ActionId, cancellationToken)
            ?? throw new NotFoundException();
        var dueOn = command.DueOn ?? throw new DomainException("Due date is required.", "DueOn");
        int id;
        if (command.MilestoneId is { } milestoneId)
        {
            action.EditMilestone(milestoneId, command.Description ?? string.Empty, dueOn);
            id = milestoneId;
            await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
        }
        else
        {
            var milestone = action.AddMilestone(command.Description ?? string.Empty, dueOn);
            await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
            id = milestone.Id;
        }

        return new Saved(id);
    }
}
