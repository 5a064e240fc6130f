using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Actions.MarkMilestoneAchieved;

/// <summary>The lead officer records the date a milestone of their agency's action was achieved.</summary>
[Requires(Operation.UpdateOwnAgencyAction)]
public sealed record MarkMilestoneAchievedCommand(int ActionId, int MilestoneId, int Version, DateOnly? AchievedOn) : ICommand<Saved>;

public sealed class MarkMilestoneAchievedHandler(AppDb appDb, IClock clock) : ICommandHandler<MarkMilestoneAchievedCommand, Saved>
{
    public async ValueTask<Saved> Handle(MarkMilestoneAchievedCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        var action = await ActionAccess.OwnAgencyActionAsync(db, user, command.ActionId, cancellationToken);
        var achievedOn = command.AchievedOn ?? throw new DomainException("Give the date the milestone was achieved.", "AchievedOn");

        action.MarkMilestoneAchieved(command.MilestoneId, achievedOn, clock.Today);
        await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
        return new Saved(command.MilestoneId);
    }
}
