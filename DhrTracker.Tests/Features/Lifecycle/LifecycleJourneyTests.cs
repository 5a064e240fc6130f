using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.AgencyReports.GetMyAgencyReports;
using DhrTracker.Web.Features.AgencyReports.RecordAgencyReportSubmission;
using DhrTracker.Web.Features.History.GetReviewHistory;
using DhrTracker.Web.Features.Reviews.AgreeTermsOfReference;
using DhrTracker.Web.Features.Reviews.AppointChair;
using DhrTracker.Web.Features.Reviews.Close;
using DhrTracker.Web.Features.Reviews.FamilyContacts;
using DhrTracker.Web.Features.Reviews.GetReview;
using DhrTracker.Web.Features.Reviews.GetReviewStages;
using DhrTracker.Web.Features.Reviews.Panel;
using DhrTracker.Web.Features.Reviews.Pauses;
using DhrTracker.Web.Features.Reviews.Publish;
using DhrTracker.Web.Features.Reviews.QualityAssurance;
using DhrTracker.Web.Features.Reviews.RecordDecision;
using DhrTracker.Web.Features.Reviews.RecordHomeOfficeNotified;
using DhrTracker.Web.Features.Reviews.RecordNotification;
using DhrTracker.Web.Features.Reviews.RecordOverviewReport;
using DhrTracker.Web.Features.Reviews.RequestAgencyReports;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Lifecycle;

/// <summary>
/// One review from notification to closure through the real handlers, as the co-ordinator, the chair and a
/// lead officer, checking the timeline, the flags and the history along the way. Today is 23 November 2026.
/// </summary>
public sealed class LifecycleJourneyTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DateOnly Today => _app.Database.Today;

    private DateOnly Day(int offset) => Today.AddDays(offset);

    private async Task<int> AgencyAsync(string name)
    {
        await using var db = _app.Database.Open(DataScope.System);
        return await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    private Task<ReviewStagesView> StagesAsync(int id) => _app.SendAsync(new GetReviewStagesQuery(id));

    [Fact]
    public async Task ReviewGoesFromNotificationToClosureWithPauseAndPublishAfterChanges()
    {
        var police = await AgencyAsync("Eastshire Constabulary");

        // 1. Notification by the co-ordinator.
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var recorded = await _app.SendAsync(new RecordNotificationCommand(new NotificationInput(
            ReviewKind.Dhr, Day(-300), police, Day(-305), "Adult Q", 41, "Adult R", 44, Relationship.IntimatePartner, "Found at home after a 999 call.")));
        Assert.Equal("DHR-2026-05", recorded.Reference);
        var id = recorded.ReviewId;
        var view = await StagesAsync(id);
        var decision = view.Entry(ReviewStageNumber.Decision);
        Assert.Equal(StageState.Overdue, decision.State);
        Assert.Equal(Day(-300).AddMonths(1), decision.DueOn);
        Assert.Equal(ReviewStage.AwaitingDecision, view.Stage);
        Assert.Equal("Priya Raman", view.Entry(ReviewStageNumber.Notification).RecordedBy);

        // 2. The chair decides, then corrects the decision; the first stays.
        await _app.SignInAsAsync(DemoData.Emails.Chair);
        await _app.SendAsync(new RecordDecisionCommand(id, view.Version, new DecisionInput(true, true, true, DecisionOutcome.Commission, null, null,
            "All three statutory criteria are met.", Day(-280))));
        view = await StagesAsync(id);
        await _app.SendAsync(new RecordDecisionCommand(id, view.Version, new DecisionInput(true, true, true, DecisionOutcome.JointReview, JointReviewType.SafeguardingAdultsReview, "SAR-2026-02",
            "All three statutory criteria are met; the safeguarding adults board is reviewing the same death.", Day(-280))));
        view = await StagesAsync(id);
        Assert.Equal(2, view.Decisions.Count);
        Assert.True(view.Decisions[0].IsCurrent);
        Assert.Equal(DecisionOutcome.JointReview, view.Decisions[0].Outcome);
        Assert.True(view.Decisions[0].IsCorrection);
        Assert.Equal(StageState.Done, view.Entry(ReviewStageNumber.Decision).State);
        Assert.Equal(StageState.Overdue, view.Entry(ReviewStageNumber.HomeOfficeNotified).State);
        Assert.Equal("Helen Marsh", view.Entry(ReviewStageNumber.Decision).RecordedBy);

        // 3–7. The co-ordinator carries the review on.
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var version = view.Version;
        version = await _app.SendAsync(new RecordHomeOfficeNotifiedCommand(id, version, Day(-270), "Priya Raman"));
        version = await _app.SendAsync(new AppointChairCommand(id, version, "Dr Ruth Adeyemi", "Adeyemi Reviews", Day(-260), null));
        version = await _app.SendAsync(new AddPanelMemberCommand(id, version, police, "DI Sam Reeve", "Police representative"));
        version = await _app.SendAsync(new AddPanelMemberCommand(id, version, null, "Dr Ruth Adeyemi", "Independent chair"));
        view = await StagesAsync(id);
        version = await _app.SendAsync(new RemovePanelMemberCommand(id, version, view.Panel.Single(p => p.Name == "DI Sam Reeve").Id));
        version = await _app.SendAsync(new AgreeTermsOfReferenceCommand(id, version, Day(-250), Day(-305 - 730), Day(-305), "Two years before the death."));
        version = await _app.SendAsync(new RequestAgencyReportCommand(id, version, police, AgencyReportKind.IndividualManagementReview, Day(-245), null));
        version = await _app.SendAsync(new RecordFamilyContactCommand(id, version, "Sister of Adult Q", Day(-240), FamilyResponse.Accepted, Day(-235), "AAFDA", null));
        view = await StagesAsync(id);
        var imr = Assert.Single(view.AgencyReports);
        Assert.Equal(Day(-245 + 42), imr.DueOn);
        var imrEntry = view.Entry(ReviewStageNumber.AgencyReports);
        Assert.Equal(StageState.Overdue, imrEntry.State);
        Assert.Equal($"Overdue by {245 - 42} days", imrEntry.DueText(Today));
        Assert.Equal(ReviewStage.UnderReview, view.Stage);

        // 6. The police lead officer sees the request (reference only) and records the submission.
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var mine = await _app.SendAsync(new GetMyAgencyReportsQuery());
        var request = Assert.Single(mine.Outstanding, r => r.ReviewReference == recorded.Reference);
        Assert.True(request.IsOverdue(mine.Today));
        await _app.SendAsync(new RecordAgencyReportSubmissionCommand(request.ReportId, Day(-190)));
        Assert.DoesNotContain((await _app.SendAsync(new GetMyAgencyReportsQuery())).Outstanding, r => r.ReviewReference == recorded.Reference);

        // 8. A pause for the criminal trial moves the completion date by the paused days.
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        view = await StagesAsync(id);
        Assert.Equal(StageState.Done, view.Entry(ReviewStageNumber.AgencyReports).State);
        var completionBefore = view.CompletionDue!.Value;
        Assert.Equal(Day(-280).AddMonths(6), completionBefore);
        version = await _app.SendAsync(new PauseReviewCommand(id, view.Version, PauseReason.CriminalTrial, Day(-180), "Trial of Adult R.", Day(-178)));
        view = await StagesAsync(id);
        Assert.True(view.IsPaused);
        version = await _app.SendAsync(new EndPauseCommand(id, version, view.Pauses.Single().Id, Day(-90)));
        view = await StagesAsync(id);
        Assert.Equal(91, view.PausedDays);
        Assert.Equal(completionBefore.AddDays(91), view.CompletionDue);
        Assert.Equal(StageState.Done, view.Entry(ReviewStageNumber.ParallelProceedings).State);

        // 9–11. Report, QA ("publish after changes"), publication.
        version = await _app.SendAsync(new RecordOverviewReportCommand(id, version, Day(-60), Day(-50), Day(-45)));
        version = await _app.SendAsync(new SubmitToQualityAssuranceCommand(id, version, Day(-40)));
        view = await StagesAsync(id);
        Assert.Equal(ReviewStage.QualityAssurance, view.Stage);
        version = await _app.SendAsync(new RecordQaPanelCommand(id, version, view.QaSubmissions.Single().Id, Day(-20), Day(-15), QaOutcome.PublishAfterChanges, "Strengthen the analysis of police contact."));
        view = await StagesAsync(id);
        Assert.Equal(ReviewStage.Publication, view.Stage);
        version = await _app.SendAsync(new PublishReviewCommand(id, version, Day(-5), "Partnership website", Day(-3), null));
        view = await StagesAsync(id);
        Assert.Equal(ReviewStage.ActionPlanDelivery, view.Stage);
        Assert.Equal(StageState.Done, view.Entry(ReviewStageNumber.Publication).State);
        Each.Of(view.Timeline.Where(e => e.Stage <= ReviewStageNumber.Publication), e => Assert.Equal(StageState.Done, e.State));

        // 12. No actions outstanding: the review closes.
        await _app.SendAsync(new CloseReviewCommand(id, version, Day(-1), "Nothing further to deliver."));
        var closed = await _app.SendAsync(new GetReviewQuery(id));
        Assert.Equal(ReviewStage.Closed, closed.Stage);
        Each.Of(closed.Timeline, e => Assert.NotNull(e.RecordedBy));

        // The history keeps every change: both decisions, the removed panel member, the officer's submission.
        var history = await _app.SendAsync(new GetReviewHistoryQuery(id));
        Assert.Equal(2, history.Entries.Count(e => e.Subject == "Chair's decision" && e.Kind == AuditKind.Added));
        Each.Of(history.Entries.Where(e => e.Subject == "Chair's decision"), e => Assert.Equal("Helen Marsh", e.By));
        var removed = Assert.Single(history.Entries, e => e.Subject == "Panel member" && e.Kind == AuditKind.Deleted);
        Assert.Contains(removed.Changes, c => c.Field == "Name" && c.Before == "DI Sam Reeve" && c.After is null);
        var submission = Assert.Single(history.Entries, e => e.Subject == "Agency report request" && e.Kind == AuditKind.Modified);
        Assert.Equal("Sarah Cole", submission.By);
        Assert.Contains(submission.Changes, c => c.Field == "Received on" && c.Before is null && c.After == Day(-190).ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        Assert.Contains(history.Entries, e => e.Subject == "Review" && e.Kind == AuditKind.Added && e.Changes.Any(c => c.Field == "Victim's pseudonym" && c.After == "Adult Q"));
        Assert.Equal(history.Entries.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id).Select(e => e.Id), history.Entries.Select(e => e.Id));
    }
}
