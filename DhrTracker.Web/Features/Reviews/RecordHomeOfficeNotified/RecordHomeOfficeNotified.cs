using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.RecordHomeOfficeNotified;

/// <summary>Stage 3: the Home Office told of the decision (to commission or not), when and by whom.</summary>
[Requires(Operation.EditReview)]
public sealed record RecordHomeOfficeNotifiedCommand(int ReviewId, int Version, DateOnly NotifiedOn, string NotifiedBy) : ICommand<int>;

public sealed class RecordHomeOfficeNotifiedHandler(RequestContext context) : ICommandHandler<RecordHomeOfficeNotifiedCommand, int>
{
    public async ValueTask<int> Handle(RecordHomeOfficeNotifiedCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.RecordHomeOfficeNotified(command.NotifiedOn, command.NotifiedBy, c.Actor, c.NowUtc); }, cancellationToken);
}
