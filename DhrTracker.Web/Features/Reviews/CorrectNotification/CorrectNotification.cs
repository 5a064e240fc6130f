using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.CorrectNotification;

/// <summary>Stage 1, corrected: the notification's facts replaced, the earlier values kept in the history.</summary>
[Requires(Operation.EditReview)]
public sealed record CorrectNotificationCommand(int ReviewId, int Version, NotificationInput Notification) : ICommand<int>;

public sealed class CorrectNotificationHandler(RequestContext context) : ICommandHandler<CorrectNotificationCommand, int>
{
    public async ValueTask<int> Handle(CorrectNotificationCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version, async c =>
        {
            await ReviewEditing.RequireAgencyAsync(c.Db, command.Notification.NotifyingAgencyId, nameof(NotificationInput.NotifyingAgencyId), cancellationToken);
            c.Review.CorrectNotification(command.Notification, c.Actor, c.NowUtc);
        }, cancellationToken);
}
