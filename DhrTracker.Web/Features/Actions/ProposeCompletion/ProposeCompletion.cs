using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Actions.ProposeCompletion;

/// <summary>The lead officer proposes that the action is complete, with evidence of the outcome, for the co-ordinator to accept or return.</summary>
[Requires(Operation.UpdateOwnAgencyAction)]
public sealed record ProposeCompletionCommand(int ActionId, int Version, DateOnly? CompletedOn, string Evidence) : ICommand<Saved>;

public sealed class ProposeCompletionHandler(AppDb appDb, IClock clock) : ICommandHandler<ProposeCompletionCommand, Saved>
{
    public async ValueTask<Saved> Handle(ProposeCompletionCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        var action = await ActionAccess.OwnAgencyActionAsync(db, user, command.ActionId, cancellationToken);
        var completedOn = command.CompletedOn ?? throw new DomainException("Give the date the action was completed.", "CompletedOn");
        action.ProposeCompletion(completedOn, command.Evidence ?? string.Empty, user.Actor, clock.Today);
        await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
        return new Saved(action.Id);
    }
}
