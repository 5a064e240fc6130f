using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.Publish;

/// <summary>
/// Stage 11: published (or the publication record corrected), with the copies sent to the Domestic Abuse
/// Commissioner and, for a DARDR, the Secretary of State.
/// </summary>
[Requires(Operation.EditReview)]
public sealed record PublishReviewCommand(
    int ReviewId, int Version, DateOnly PublishedOn, string PublishedWhere, DateOnly? CommissionerCopySentOn, DateOnly? SecretaryOfStateCopySentOn) : ICommand<int>;

public sealed class PublishReviewHandler(RequestContext context) : ICommandHandler<PublishReviewCommand, int>
{
    public async ValueTask<int> Handle(PublishReviewCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.Publish(command.PublishedOn, command.PublishedWhere, command.CommissionerCopySentOn, command.SecretaryOfStateCopySentOn, c.Actor, c.NowUtc); },
            cancellationToken);
}
