using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.AppointChair;

/// <summary>Stage 4: the independent chair (and author, when someone else writes the report) appointed.</summary>
[Requires(Operation.EditReview)]
public sealed record AppointChairCommand(int ReviewId, int Version, string ChairName, string? Organisation, DateOnly AppointedOn, string? AuthorName) : ICommand<int>;

public sealed class AppointChairHandler(RequestContext context) : ICommandHandler<AppointChairCommand, int>
{
    public async ValueTask<int> Handle(AppointChairCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.AppointChair(command.ChairName, command.Organisation, command.AppointedOn, command.AuthorName, c.Actor, c.NowUtc); }, cancellationToken);
}
