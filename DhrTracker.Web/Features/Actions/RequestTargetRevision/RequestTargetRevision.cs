using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Actions.RequestTargetRevision;

/// <summary>The lead officer asks for a revised target date, with a reason; the original stays as the baseline.</summary>
[Requires(Operation.UpdateOwnAgencyAction)]
public sealed record RequestTargetRevisionCommand(int ActionId, int Version, DateOnly? RequestedDate, string Reason) : ICommand<Saved>;

public sealed class RequestTargetRevisionHandler(AppDb appDb, IClock clock) : ICommandHandler<RequestTargetRevisionCommand, Saved>
{
    public async ValueTask<Saved> Handle(RequestTargetRevisionCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        var action = await ActionAccess.OwnAgencyActionAsync(db, user, command.ActionId, cancellationToken);
        var requested = command.RequestedDate ?? throw new DomainException("Give the revised target date you are asking for.", "RequestedDate");

        var revision = action.RequestTargetRevision(requested, command.Reason ?? string.Empty, user.Actor, clock.UtcNow);
        await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
        return new Saved(revision.Id);
    }
}
