using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.AppointChair;

/// <summary>Stage 4: the independent chair (and author, when someone else writes the report) appointed.</summary>
public sealed record AppointChairCommand(int ReviewId, int Version, string ChairName, string? Organisation, DateOnly AppointedOn, string? AuthorName) : ICommand<int>;

public sealed class AppointChairHandler(AppDb appDb, TimeProvider clock) : ICommandHandler<AppointChairCommand, int>
{
    public async ValueTask<int> Handle(AppointChairCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(appDb, clock, Operation.EditReview, command.ReviewId, command.Version,
            c => { c.Review.AppointChair(command.ChairName, command.Organisation, command.AppointedOn, command.AuthorName, c.Actor, c.NowUtc); }, cancellationToken);
}
