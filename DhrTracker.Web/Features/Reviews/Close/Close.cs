using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Reviews.Close;

/// <summary>Stage 12: the CSP agrees the action plan is delivered and the review closes (or a case not commissioned closes).</summary>
[Requires(Operation.EditReview)]
public sealed record CloseReviewCommand(int ReviewId, int Version, DateOnly ClosedOn, string? ClosureNote) : ICommand<int>;

/// <summary>Stage 12: the closure's date or note corrected.</summary>
[Requires(Operation.EditReview)]
public sealed record CorrectClosureCommand(int ReviewId, int Version, DateOnly ClosedOn, string? ClosureNote) : ICommand<int>;

public sealed class CloseReviewHandler(RequestContext context) : ICommandHandler<CloseReviewCommand, int>
{
    public async ValueTask<int> Handle(CloseReviewCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version, async c =>
        {
            var anyOpen = await c.Db.Actions.AnyAsync(a => a.ReviewId == command.ReviewId && a.CompletionAcceptedOn == null, cancellationToken);
            c.Review.Close(command.ClosedOn, command.ClosureNote, !anyOpen, c.Actor, c.NowUtc);
        }, cancellationToken);
}

public sealed class CorrectClosureHandler(RequestContext context) : ICommandHandler<CorrectClosureCommand, int>
{
    public async ValueTask<int> Handle(CorrectClosureCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.CorrectClosure(command.ClosedOn, command.ClosureNote, c.Actor, c.NowUtc); }, cancellationToken);
}
