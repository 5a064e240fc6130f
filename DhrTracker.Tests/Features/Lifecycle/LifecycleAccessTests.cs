using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Reviews.AgreeTermsOfReference;
using DhrTracker.Web.Features.Reviews.AppointChair;
using DhrTracker.Web.Features.Reviews.Close;
using DhrTracker.Web.Features.Reviews.CorrectNotification;
using DhrTracker.Web.Features.Reviews.FamilyContacts;
using DhrTracker.Web.Features.Reviews.Panel;
using DhrTracker.Web.Features.Reviews.Pauses;
using DhrTracker.Web.Features.Reviews.Publish;
using DhrTracker.Web.Features.Reviews.QualityAssurance;
using DhrTracker.Web.Features.Reviews.RecordDecision;
using DhrTracker.Web.Features.Reviews.RecordHomeOfficeNotified;
using DhrTracker.Web.Features.Reviews.RecordOverviewReport;
using DhrTracker.Web.Features.Reviews.RequestAgencyReports;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Lifecycle;

/// <summary>One demo database for tests that only read or are refused, so it is created once.</summary>
public sealed class SharedHarness : IAsyncLifetime
{
    public HandlerHarness App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Every command that changes a review checks the role first and the partnership next: refused roles get
/// "no access" and another partnership's review reads as not found, whatever the command.
/// </summary>
public sealed class LifecycleAccessTests(SharedHarness shared) : IClassFixture<SharedHarness>
{
    private readonly HandlerHarness _app = shared.App;

    private async Task<int> IdOf(string reference)
    {
        await using var db = _app.Database.Open(DataScope.System);
        return await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
    }

    // Every command that changes a review, made for a given review and version. The ids of children are
    // made up: the role and partnership checks come before anything is looked for.
    public static TheoryData<string> EditCommands =>
    [
        "CorrectNotification", "RecordHomeOfficeNotified", "AppointChair", "AddPanelMember", "RemovePanelMember", "AgreeTermsOfReference",
        "RequestAgencyReport", "RecordAgencyReportReceived", "ChangeAgencyReportDueDate", "WithdrawAgencyReportRequest", "RecordFamilyContact",
        "UpdateFamilyContact", "PauseReview", "EndPause", "CorrectPause", "RecordOverviewReport", "SubmitToQualityAssurance", "RecordQaPanel",
        "PublishReview", "CloseReview", "CorrectClosure", "RecordDecision",
    ];

    private ICommand<int> Make(string name, int id, int version)
    {
        var day = _app.Database.Today.AddDays(-1);
        return name switch
        {
            "CorrectNotification" => new CorrectNotificationCommand(id, version, new NotificationInput(ReviewKind.Dhr, day, null, day, "Adult Z", null, null, null, Relationship.FamilyMember, "Found at home.")),
            "RecordHomeOfficeNotified" => new RecordHomeOfficeNotifiedCommand(id, version, day, "Someone"),
            "AppointChair" => new AppointChairCommand(id, version, "Pat Independent", null, day, null),
            "AddPanelMember" => new AddPanelMemberCommand(id, version, null, "Sam", "Member"),
            "RemovePanelMember" => new RemovePanelMemberCommand(id, version, 1),
            "AgreeTermsOfReference" => new AgreeTermsOfReferenceCommand(id, version, day, day.AddYears(-2), day.AddYears(-1), null),
            "RequestAgencyReport" => new RequestAgencyReportCommand(id, version, 1, AgencyReportKind.Chronology, day, null),
            "RecordAgencyReportReceived" => new RecordAgencyReportReceivedCommand(id, version, 1, day),
            "ChangeAgencyReportDueDate" => new ChangeAgencyReportDueDateCommand(id, version, 1, _app.Database.Today.AddDays(30)),
            "WithdrawAgencyReportRequest" => new WithdrawAgencyReportRequestCommand(id, version, 1),
            "RecordFamilyContact" => new RecordFamilyContactCommand(id, version, "Sister of Adult Z", day, FamilyResponse.AwaitingResponse, null, null, null),
            "UpdateFamilyContact" => new UpdateFamilyContactCommand(id, version, 1, FamilyResponse.Declined, day, null, null),
            "PauseReview" => new PauseReviewCommand(id, version, PauseReason.Inquest, day, null, null),
            "EndPause" => new EndPauseCommand(id, version, 1, day),
            "CorrectPause" => new CorrectPauseCommand(id, version, 1, PauseReason.Inquest, day, null, null, null),
            "RecordOverviewReport" => new RecordOverviewReportCommand(id, version, day, null, null),
            "SubmitToQualityAssurance" => new SubmitToQualityAssuranceCommand(id, version, day),
            "RecordQaPanel" => new RecordQaPanelCommand(id, version, 1, day, day, QaOutcome.Publish, null),
            "PublishReview" => new PublishReviewCommand(id, version, day, "Website", null, null),
            "CloseReview" => new CloseReviewCommand(id, version, day, null),
            "CorrectClosure" => new CorrectClosureCommand(id, version, day, null),
            "RecordDecision" => new RecordDecisionCommand(id, version, new DecisionInput(true, true, true, DecisionOutcome.Commission, null, null, "All three statutory criteria are met in this case.", day)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    [Theory]
    [MemberData(nameof(EditCommands))]
    public async Task ScrutinyLeadOfficersAndTheAdministratorCannotChangeAReview(string command)
    {
        var id = await IdOf(DemoData.References.PanelAndTerms);
        foreach (var email in new[] { DemoData.Emails.Scrutiny, DemoData.Emails.PoliceOfficer, DemoData.Emails.Administrator })
        {
            await _app.SignInAsAsync(email);
            await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(Make(command, id, 0)));
        }
    }

    [Theory]
    [MemberData(nameof(EditCommands))]
    public async Task AnotherPartnershipsReviewIsNotFound(string command)
    {
        var id = await IdOf(DemoData.References.PanelAndTerms);
        await _app.SignInAsAsync(command == "RecordDecision" ? DemoData.Emails.SecondChair : DemoData.Emails.SecondCoordinator);

        await Assert.ThrowsAsync<NotFoundException>(async () => await _app.SendAsync(Make(command, id, 0)));
    }
}
