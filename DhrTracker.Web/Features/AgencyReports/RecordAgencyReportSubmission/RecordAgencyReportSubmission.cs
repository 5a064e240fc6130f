using System.Globalization;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.AgencyReports.RecordAgencyReportSubmission;

/// <summary>A lead officer records that their agency has submitted the report asked of it.</summary>
[Requires(Operation.RecordOwnAgencyReportSubmission)]
public sealed record RecordAgencyReportSubmissionCommand(int ReportId, DateOnly ReceivedOn) : ICommand<int>;

/// <summary>
/// Only for a request made of the officer's own agency: another agency's request, or another partnership's,
/// reads as not found. Once recorded, only the co-ordinator corrects the date.
/// </summary>
public sealed class RecordAgencyReportSubmissionHandler(RequestContext context) : ICommandHandler<RecordAgencyReportSubmissionCommand, int>
{
    public async ValueTask<int> Handle(RecordAgencyReportSubmissionCommand command, CancellationToken cancellationToken)
    {
        var agencyId = context.User.AgencyId ?? throw new ForbiddenException();
        var reviewId = await context.Db.Reviews
            .Where(r => r.AgencyReports.Any(a => a.Id == command.ReportId && a.AgencyId == agencyId))
            .Select(r => (int?)r.Id)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();

        return await ReviewEditing.ChangeAsync(context, reviewId, expectedVersion: null, c =>
        {
            var report = c.Review.AgencyReports.Single(a => a.Id == command.ReportId);
            if (report.ReceivedOn is { } received)
            {
                throw new DomainException(
                    $"This report was already recorded as received on {received.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}. If that is wrong, ask the co-ordinator to correct it.",
                    nameof(command.ReceivedOn));
            }

            c.Review.RecordAgencyReportReceived(report.Id, command.ReceivedOn, c.Actor, c.NowUtc);
        }, cancellationToken);
    }
}
