using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.AgreeTermsOfReference;

/// <summary>Stage 5: terms of reference agreed, with the period the review looks at.</summary>
public sealed record AgreeTermsOfReferenceCommand(int ReviewId, int Version, DateOnly AgreedOn, DateOnly PeriodFrom, DateOnly PeriodTo, string? Summary) : ICommand<int>;

public sealed class AgreeTermsOfReferenceHandler(AppDb appDb, TimeProvider clock) : ICommandHandler<AgreeTermsOfReferenceCommand, int>
{
    public async ValueTask<int> Handle(AgreeTermsOfReferenceCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(appDb, clock, Operation.EditReview, command.ReviewId, command.Version,
            c => { c.Review.AgreeTermsOfReference(command.AgreedOn, command.PeriodFrom, command.PeriodTo, command.Summary, c.Actor, c.NowUtc); }, cancellationToken);
}
