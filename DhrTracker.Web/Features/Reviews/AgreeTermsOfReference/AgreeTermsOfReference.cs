using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.AgreeTermsOfReference;

/// <summary>Stage 5: terms of reference agreed, with the period the review looks at.</summary>
[Requires(Operation.EditReview)]
public sealed record AgreeTermsOfReferenceCommand(int ReviewId, int Version, DateOnly AgreedOn, DateOnly PeriodFrom, DateOnly PeriodTo, string? Summary) : ICommand<int>;

public sealed class AgreeTermsOfReferenceHandler(RequestContext context) : ICommandHandler<AgreeTermsOfReferenceCommand, int>
{
    public async ValueTask<int> Handle(AgreeTermsOfReferenceCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.AgreeTermsOfReference(command.AgreedOn, command.PeriodFrom, command.PeriodTo, command.Summary, c.Actor, c.NowUtc); }, cancellationToken);
}
