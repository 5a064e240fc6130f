using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.RequestAgencyReports;

/// <summary>
/// Stage 6: an agency asked for its report (IMR), chronology or summary. Without a due date it is due after
/// the partnership's agency-report period.
/// </summary>
[Requires(Operation.EditReview)]
public sealed record RequestAgencyReportCommand(int ReviewId, int Version, int AgencyId, AgencyReportKind Kind, DateOnly RequestedOn, DateOnly? DueOn) : ICommand<int>;

/// <summary>Stage 6: the co-ordinator records (or corrects) the date a report was received.</summary>
[Requires(Operation.EditReview)]
public sealed record RecordAgencyReportReceivedCommand(int ReviewId, int Version, int ReportId, DateOnly ReceivedOn) : ICommand<int>;

/// <summary>Stage 6: a report's due date moved (more time agreed, or a mistake put right).</summary>
[Requires(Operation.EditReview)]
public sealed record ChangeAgencyReportDueDateCommand(int ReviewId, int Version, int ReportId, DateOnly DueOn) : ICommand<int>;

/// <summary>Stage 6: a request made in error withdrawn (only while the report is outstanding).</summary>
[Requires(Operation.EditReview)]
public sealed record WithdrawAgencyReportRequestCommand(int ReviewId, int Version, int ReportId) : ICommand<int>;

public sealed class RequestAgencyReportHandler(RequestContext context) : ICommandHandler<RequestAgencyReportCommand, int>
{
    public async ValueTask<int> Handle(RequestAgencyReportCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version, async c =>
        {
            await ReviewEditing.RequireAgencyAsync(c.Db, command.AgencyId, nameof(command.AgencyId), cancellationToken);
            var settings = await ActionStatuses.SettingsAsync(c.Db, cancellationToken);
            var dueOn = command.DueOn ?? ReviewTimeline.AgencyReportDue(command.RequestedOn, settings);
            c.Review.RequestAgencyReport(command.AgencyId, command.Kind, command.RequestedOn, dueOn, c.Actor, c.NowUtc);
        }, cancellationToken);
}

public sealed class RecordAgencyReportReceivedHandler(RequestContext context) : ICommandHandler<RecordAgencyReportReceivedCommand, int>
{
    public async ValueTask<int> Handle(RecordAgencyReportReceivedCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.RecordAgencyReportReceived(command.ReportId, command.ReceivedOn, c.Actor, c.NowUtc); }, cancellationToken);
}

public sealed class ChangeAgencyReportDueDateHandler(RequestContext context) : ICommandHandler<ChangeAgencyReportDueDateCommand, int>
{
    public async ValueTask<int> Handle(ChangeAgencyReportDueDateCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.ChangeAgencyReportDueDate(command.ReportId, command.DueOn, c.Actor, c.NowUtc); }, cancellationToken);
}

public sealed class WithdrawAgencyReportRequestHandler(RequestContext context) : ICommandHandler<WithdrawAgencyReportRequestCommand, int>
{
    public async ValueTask<int> Handle(WithdrawAgencyReportRequestCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.WithdrawAgencyReportRequest(command.ReportId, c.Actor, c.NowUtc); }, cancellationToken);
}
