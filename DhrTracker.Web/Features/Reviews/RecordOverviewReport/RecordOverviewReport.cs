using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.RecordOverviewReport;

/// <summary>Stage 9: the overview report drafted, signed off by the panel, then by the CSP.</summary>
[Requires(Operation.EditReview)]
public sealed record RecordOverviewReportCommand(int ReviewId, int Version, DateOnly? DraftedOn, DateOnly? PanelSignedOffOn, DateOnly? CspSignedOffOn) : ICommand<int>;

public sealed class RecordOverviewReportHandler(RequestContext context) : ICommandHandler<RecordOverviewReportCommand, int>
{
    public async ValueTask<int> Handle(RecordOverviewReportCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.RecordOverviewReport(command.DraftedOn, command.PanelSignedOffOn, command.CspSignedOffOn, c.Actor, c.NowUtc); }, cancellationToken);
}
