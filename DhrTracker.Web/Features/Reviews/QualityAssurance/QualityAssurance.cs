using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.QualityAssurance;

/// <summary>Stage 10: the report submitted (or, after "resubmit", resubmitted) to the Home Office QA panel.</summary>
[Requires(Operation.EditReview)]
public sealed record SubmitToQualityAssuranceCommand(int ReviewId, int Version, DateOnly SubmittedOn) : ICommand<int>;

/// <summary>Stage 10: the panel's meeting, its feedback letter and the outcome, for one submission.</summary>
[Requires(Operation.EditReview)]
public sealed record RecordQaPanelCommand(
    int ReviewId, int Version, int SubmissionId, DateOnly? PanelMeetingOn, DateOnly? FeedbackLetterOn, QaOutcome? Outcome, string? FeedbackSummary) : ICommand<int>;

public sealed class SubmitToQualityAssuranceHandler(RequestContext context) : ICommandHandler<SubmitToQualityAssuranceCommand, int>
{
    public async ValueTask<int> Handle(SubmitToQualityAssuranceCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.SubmitToQualityAssurance(command.SubmittedOn, c.Actor, c.NowUtc); }, cancellationToken);
}

public sealed class RecordQaPanelHandler(RequestContext context) : ICommandHandler<RecordQaPanelCommand, int>
{
    public async ValueTask<int> Handle(RecordQaPanelCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.RecordQaPanel(command.SubmissionId, command.PanelMeetingOn, command.FeedbackLetterOn, command.Outcome, command.FeedbackSummary, c.Actor, c.NowUtc); },
            cancellationToken);
}
