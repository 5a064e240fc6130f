using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.Pauses;

/// <summary>Stage 8: the review paused for a criminal trial, inquest or IOPC investigation. Paused days move the completion date.</summary>
[Requires(Operation.EditReview)]
public sealed record PauseReviewCommand(int ReviewId, int Version, PauseReason Reason, DateOnly StartedOn, string? Notes, DateOnly? HomeOfficeToldOn) : ICommand<int>;

/// <summary>Stage 8: the open pause ended.</summary>
[Requires(Operation.EditReview)]
public sealed record EndPauseCommand(int ReviewId, int Version, int PauseId, DateOnly EndedOn) : ICommand<int>;

/// <summary>Stage 8: a pause recorded wrongly, corrected.</summary>
[Requires(Operation.EditReview)]
public sealed record CorrectPauseCommand(
    int ReviewId, int Version, int PauseId, PauseReason Reason, DateOnly StartedOn, DateOnly? EndedOn, string? Notes, DateOnly? HomeOfficeToldOn) : ICommand<int>;

public sealed class PauseReviewHandler(RequestContext context) : ICommandHandler<PauseReviewCommand, int>
{
    public async ValueTask<int> Handle(PauseReviewCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.Pause(command.Reason, command.StartedOn, command.Notes, command.HomeOfficeToldOn, c.Actor, c.NowUtc); }, cancellationToken);
}

public sealed class EndPauseHandler(RequestContext context) : ICommandHandler<EndPauseCommand, int>
{
    public async ValueTask<int> Handle(EndPauseCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.EndPause(command.PauseId, command.EndedOn, c.Actor, c.NowUtc); }, cancellationToken);
}

public sealed class CorrectPauseHandler(RequestContext context) : ICommandHandler<CorrectPauseCommand, int>
{
    public async ValueTask<int> Handle(CorrectPauseCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.CorrectPause(command.PauseId, command.Reason, command.StartedOn, command.EndedOn, command.Notes, command.HomeOfficeToldOn, c.Actor, c.NowUtc); },
            cancellationToken);
}
