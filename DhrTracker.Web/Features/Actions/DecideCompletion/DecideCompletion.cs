using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Actions.DecideCompletion;

/// <summary>The co-ordinator accepts the completion evidence (the action turns Blue) or returns it with a reason.</summary>
[Requires(Operation.DecideCompletionAndRevisions)]
public sealed record DecideCompletionCommand(int ActionId, int Version, bool Accept, string? Reason) : ICommand<Saved>;

public sealed class DecideCompletionHandler(AppDb appDb, IClock clock) : ICommandHandler<DecideCompletionCommand, Saved>
{
    public async ValueTask<Saved> Handle(DecideCompletionCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.DecideCompletionAndRevisions);
        var action = await ActionAccess.AnyActionAsync(db, command.ActionId, cancellationToken);

        if (command.Accept)
        {
            action.AcceptCompletion(user.Actor, clock.Today);
        }
        else
        {
            action.ReturnCompletion(command.Reason ?? string.Empty, clock.Today);
        }

        await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
        return new Saved(action.Id);
    }
}
