using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Actions.DecideTargetRevision;

/// <summary>The co-ordinator approves a revised target date (the baseline stays) or refuses it with a note.</summary>
[Requires(Operation.DecideCompletionAndRevisions)]
public sealed record DecideTargetRevisionCommand(int ActionId, int RevisionId, int Version, bool Approve, string? Note) : ICommand<Saved>;

public sealed class DecideTargetRevisionHandler(AppDb appDb, IClock clock) : ICommandHandler<DecideTargetRevisionCommand, Saved>
{
    public async ValueTask<Saved> Handle(DecideTargetRevisionCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.DecideCompletionAndRevisions);
        var action = await ActionAccess.AnyActionAsync(db, command.ActionId, cancellationToken);

        action.DecideTargetRevision(command.RevisionId, command.Approve, command.Note, user.Actor, clock.UtcNow);
        await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
        return new Saved(command.RevisionId);
    }
}
