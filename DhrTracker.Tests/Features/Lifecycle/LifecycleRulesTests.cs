using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
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
using DhrTracker.Web.Features.Reviews.CorrectNotification;
using DhrTracker.Web.Features.Reviews.FamilyContacts;
using DhrTracker.Web.Features.Reviews.GetDueItems;
using DhrTracker.Web.Features.Reviews.GetNotificationForm;
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
using DhrTracker.Web.Features.Settings.GetSettings;
using DhrTracker.Web.Features.Settings.UpdateSettings;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Lifecycle;

/// <summary>
/// The rules of issue 3, enforced in the handlers: who may do what, partnerships kept apart, bad input refused
/// with nothing half-saved, stale forms refused. Today is 23 November 2026.
/// </summary>
public sealed class LifecycleRulesTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DateOnly Today => _app.Database.Today;

    private async Task<int> IdOf(string reference)
    {
        await using var db = _app.Database.Open(DataScope.System);
        return await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
    }

    private async Task<Review> LoadAsync(int id)
    {
        await using var db = _app.Database.Open(DataScope.System);
        return await db.Reviews.AsNoTracking()
            .Include(r => r.Decisions).Include(r => r.Panel).Include(r => r.AgencyReports).Include(r => r.Pauses).Include(r => r.QaSubmissions)
            .AsSplitQuery()
            .SingleAsync(r => r.Id == id);
    }

    private async Task<int> AgencyAsync(string name)
    {
        await using var db = _app.Database.Open(DataScope.System);
        return await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    private async Task<int> ReviewCountAsync()
    {
        await using var db = _app.Database.Open(DataScope.System);
        return await db.Reviews.CountAsync();
    }

    private NotificationInput Notification(DateOnly? notifiedOn = null, DateOnly? dateOfDeath = null, int? agencyId = null, int? victimAge = 40, string pseudonym = "Adult Z") =>
        new(ReviewKind.Dardr, notifiedOn ?? Today.AddDays(-3), agencyId, dateOfDeath ?? Today.AddDays(-5), pseudonym, victimAge, null, null, Relationship.FamilyMember, "Found at home.");

    private static DecisionInput TestDecision(DecisionOutcome outcome, DateOnly on, string rationale = "All three statutory criteria are met in this case.") =>
        new(true, true, true, outcome, null, null, rationale, on);

    // ---------------------------------------------------------------- who may

    [Fact]
    public async Task OnlyTheChairRecordsTheDecision()
    {
        var id = await IdOf(DemoData.References.AwaitingDecision);
        var version = (await LoadAsync(id)).Version;

        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new RecordDecisionCommand(id, version, TestDecision(DecisionOutcome.Commission, Today))));
        Assert.Empty((await LoadAsync(id)).Decisions);

        await _app.SignInAsAsync(DemoData.Emails.Chair);
        await _app.SendAsync(new RecordDecisionCommand(id, version, TestDecision(DecisionOutcome.Commission, Today)));
        var decided = await LoadAsync(id);
        Assert.Equal("Helen Marsh", Assert.Single(decided.Decisions).DecidedByName);
    }

    [Fact]
    public async Task ChairCorrectsADecisionAndTheEarlierOneStays()
    {
        var id = await IdOf(DemoData.References.AwaitingDecision);
        await _app.SignInAsAsync(DemoData.Emails.Chair);
        var version = await _app.SendAsync(new RecordDecisionCommand(id, (await LoadAsync(id)).Version, TestDecision(DecisionOutcome.Commission, Today)));

        await _app.SendAsync(new RecordDecisionCommand(id, version, new DecisionInput(true, false, true, DecisionOutcome.DoNotCommission, null, null,
            "On the information now available, Adult G and Adult H had no relationship the Act covers: they were never partners, were not related and did not live together.", Today)));

        var review = await LoadAsync(id);
        Assert.Equal(2, review.Decisions.Count);
        Assert.Equal(DecisionOutcome.DoNotCommission, review.CurrentDecision!.Outcome);
        Assert.Equal(review.Decisions.Single(d => d.Outcome == DecisionOutcome.Commission).Id, review.CurrentDecision.CorrectsDecisionId);
    }

    [Fact]
    public async Task ChairMayEditTheReviewAsWellAsTheCoordinator()
    {
        var id = await IdOf(DemoData.References.ChairToBeAppointed);
        await _app.SignInAsAsync(DemoData.Emails.Chair);

        await _app.SendAsync(new AppointChairCommand(id, (await LoadAsync(id)).Version, "Dr Ruth Adeyemi", "Adeyemi Reviews", Today, null));

        Assert.Equal("Dr Ruth Adeyemi", (await LoadAsync(id)).IndependentChairName);
    }

    [Fact]
    public async Task OnlyTheChairAndCoordinatorRecordANotification()
    {
        foreach (var email in new[] { DemoData.Emails.Scrutiny, DemoData.Emails.PoliceOfficer, DemoData.Emails.Administrator })
        {
            await _app.SignInAsAsync(email);
            await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new RecordNotificationCommand(Notification())));
            await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new GetNotificationFormQuery()));
        }

        await _app.SignInAsAsync(DemoData.Emails.Chair);
        var recorded = await _app.SendAsync(new RecordNotificationCommand(Notification()));
        Assert.Equal("DHR-2026-05", recorded.Reference);
    }

    [Fact]
    public async Task StageFormsAndHistoryAreForThoseWhoEditReviews()
    {
        var id = await IdOf(DemoData.References.Paused);
        foreach (var email in new[] { DemoData.Emails.Scrutiny, DemoData.Emails.PoliceOfficer, DemoData.Emails.Administrator })
        {
            await _app.SignInAsAsync(email);
            await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new GetReviewStagesQuery(id)));
            await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new GetReviewHistoryQuery(id)));
        }

        await _app.SignInAsAsync(DemoData.Emails.SecondCoordinator);
        await Assert.ThrowsAsync<NotFoundException>(async () => await _app.SendAsync(new GetReviewStagesQuery(id)));
        await Assert.ThrowsAsync<NotFoundException>(async () => await _app.SendAsync(new GetReviewHistoryQuery(id)));

        await _app.SignInAsAsync(DemoData.Emails.Chair);
        var view = await _app.SendAsync(new GetReviewStagesQuery(id));
        Assert.True(view.CanDecide);
        Assert.True(view.IsPaused);
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        Assert.False((await _app.SendAsync(new GetReviewStagesQuery(id))).CanDecide);
    }

    // ---------------------------------------------------------------- bad input, nothing half-saved

    [Fact]
    public async Task NotificationWithADeathAfterItIsRefusedByFieldAndNothingIsSaved()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var before = await ReviewCountAsync();

        var death = await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new RecordNotificationCommand(Notification(dateOfDeath: Today.AddDays(-2)))));
        var age = await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new RecordNotificationCommand(Notification(victimAge: 121))));
        var pseudonym = await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new RecordNotificationCommand(Notification(pseudonym: " "))));

        Assert.Equal(nameof(NotificationInput.DateOfDeath), death.Field);
        Assert.Equal(nameof(NotificationInput.VictimAge), age.Field);
        Assert.Equal("The victim's age must be between 0 and 120.", age.Message);
        Assert.Equal(nameof(NotificationInput.VictimPseudonym), pseudonym.Field);
        Assert.Equal(before, await ReviewCountAsync());
    }

    [Fact]
    public async Task NotifyingAgencyMustBeThePartnerships()
    {
        var westvalePolice = await AgencyAsync("Westvale Police");
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);

        var ex = await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new RecordNotificationCommand(Notification(agencyId: westvalePolice))));

        Assert.Equal(nameof(NotificationInput.NotifyingAgencyId), ex.Field);
    }

    [Fact]
    public async Task ReferencesRunByTheYearNotified()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);

        var first = await _app.SendAsync(new RecordNotificationCommand(Notification()));
        var second = await _app.SendAsync(new RecordNotificationCommand(Notification()));
        var lastYear = await _app.SendAsync(new RecordNotificationCommand(Notification(new DateOnly(2025, 12, 30), new DateOnly(2025, 12, 28))));

        Assert.Equal("DHR-2026-05", first.Reference);
        Assert.Equal("DHR-2026-06", second.Reference);
        Assert.Equal("DHR-2025-04", lastYear.Reference);
        await _app.SignInAsAsync(DemoData.Emails.SecondCoordinator);
        Assert.Equal("DHR-2026-01", (await _app.SendAsync(new RecordNotificationCommand(Notification()))).Reference);
    }

    [Fact]
    public async Task DecisionNotToCommissionNeedsAFullRationale()
    {
        var id = await IdOf(DemoData.References.AwaitingDecision);
        await _app.SignInAsAsync(DemoData.Emails.Chair);

        var ex = await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new RecordDecisionCommand(id, (await LoadAsync(id)).Version,
            new DecisionInput(true, false, true, DecisionOutcome.DoNotCommission, null, null, "Not a relationship the Act covers.", Today))));

        Assert.Equal(nameof(DecisionInput.Rationale), ex.Field);
        Assert.Empty((await LoadAsync(id)).Decisions);
    }

    [Fact]
    public async Task PanelMemberMustComeFromThePartnershipsAgencies()
    {
        var id = await IdOf(DemoData.References.PanelAndTerms);
        var westvalePolice = await AgencyAsync("Westvale Police");
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var before = (await LoadAsync(id)).Panel.Count;

        var ex = await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new AddPanelMemberCommand(id, (await LoadAsync(id)).Version, westvalePolice, "Gareth", "Police")));

        Assert.Equal("AgencyId", ex.Field);
        Assert.Equal(before, (await LoadAsync(id)).Panel.Count);
    }

    [Fact]
    public async Task StaleFormIsRefusedAndNothingIsOverwritten()
    {
        var id = await IdOf(DemoData.References.ChairToBeAppointed);
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var loaded = (await LoadAsync(id)).Version;

        // Someone else adds a panel member (a change to a part of the review, not the review itself)...
        await _app.SendAsync(new AddPanelMemberCommand(id, loaded, null, "Sam", "Independent member"));

        // ...so a form opened before it is refused.
        await Assert.ThrowsAsync<ConflictException>(async () => await _app.SendAsync(new AppointChairCommand(id, loaded, "Pat", null, Today, null)));
        await Assert.ThrowsAsync<ConflictException>(async () => await _app.SendAsync(new AddPanelMemberCommand(id, loaded, null, "Jo", "Independent member")));
        var review = await LoadAsync(id);
        Assert.Null(review.IndependentChairName);
        Assert.Equal("Sam", Assert.Single(review.Panel).Name);
    }

    [Fact]
    public async Task ReviewWithActionsOutstandingCannotClose()
    {
        var id = await IdOf(DemoData.References.PublishedRecent);
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);

        var ex = await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new CloseReviewCommand(id, (await LoadAsync(id)).Version, Today, null)));

        Assert.Equal("Every action must be complete, with its evidence accepted, before the review closes.", ex.Message);
        Assert.Null((await LoadAsync(id)).ClosedOn);
    }

    [Fact]
    public async Task QaResubmitOutcomeLoopsBackForAnotherSubmission()
    {
        var id = await IdOf(DemoData.References.AtQaPanel);
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var review = await LoadAsync(id);
        var submission = review.LatestQaSubmission!;

        var version = await _app.SendAsync(new RecordQaPanelCommand(id, review.Version, submission.Id, Today.AddDays(-10), Today.AddDays(-5), QaOutcome.Resubmit, "Rework the analysis."));
        Assert.Equal(ReviewStage.OverviewReport, (await LoadAsync(id)).Stage);
        await _app.SendAsync(new SubmitToQualityAssuranceCommand(id, version, Today));

        var resubmitted = await LoadAsync(id);
        Assert.Equal(2, resubmitted.QaSubmissions.Count);
        Assert.Equal(ReviewStage.QualityAssurance, resubmitted.Stage);
    }

    // ---------------------------------------------------------------- lead officers and their agency reports

    [Fact]
    public async Task LeadOfficerSeesOnlyTheirOwnAgencysRequests()
    {
        var police = await AgencyAsync("Eastshire Constabulary");
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);

        var view = await _app.SendAsync(new GetMyAgencyReportsQuery());

        await using var db = _app.Database.Open(DataScope.System);
        var all = await db.Reviews.Where(r => r.ClosedOn == null && r.PartnershipId == db.Partnerships.Where(p => p.ShortCode == DemoData.FirstPartnershipCode).Select(p => p.Id).Single())
            .SelectMany(r => r.AgencyReports).ToListAsync();
        var ids = view.Outstanding.Concat(view.Submitted).Select(r => r.ReportId).ToHashSet();
        Assert.NotEmpty(view.Outstanding);
        Assert.Equal(all.Where(a => a.AgencyId == police).Select(a => a.Id).ToHashSet(), ids);
        Assert.Contains(all, a => a.AgencyId != police);
        Assert.Equal(view.Outstanding.OrderBy(r => r.DueOn).Select(r => r.ReportId), view.Outstanding.Select(r => r.ReportId));
        // The row carries the reference and dates only: nothing of the case.
        Assert.DoesNotContain(typeof(MyAgencyReportRow).GetProperties(), p => p.Name is "Circumstances" or "VictimPseudonym" or "PerpetratorPseudonym");
    }

    [Fact]
    public async Task OfficerOfAnotherPartnershipSeesNoneOfThisPartnershipsRequests()
    {
        await _app.SignInAsAsync(DemoData.Emails.SecondPoliceOfficer);

        var view = await _app.SendAsync(new GetMyAgencyReportsQuery());

        Each.Of(view.Outstanding.Concat(view.Submitted), r => Assert.EndsWith("W1", r.ReviewReference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficerRecordsTheirOwnAgencysSubmissionOnly()
    {
        var id = await IdOf(DemoData.References.Paused);
        var police = await AgencyAsync("Eastshire Constabulary");
        var review = await LoadAsync(id);
        var ours = review.AgencyReports.First(a => a.AgencyId == police && a.IsOutstanding);
        var theirs = review.AgencyReports.First(a => a.AgencyId != police && a.IsOutstanding);

        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        await Assert.ThrowsAsync<NotFoundException>(async () => await _app.SendAsync(new RecordAgencyReportSubmissionCommand(theirs.Id, Today)));
        await _app.SendAsync(new RecordAgencyReportSubmissionCommand(ours.Id, Today));
        var again = await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new RecordAgencyReportSubmissionCommand(ours.Id, Today.AddDays(-1))));
        Assert.Equal("ReceivedOn", again.Field);

        await _app.SignInAsAsync(DemoData.Emails.SecondPoliceOfficer);
        await Assert.ThrowsAsync<NotFoundException>(async () => await _app.SendAsync(new RecordAgencyReportSubmissionCommand(theirs.Id, Today)));
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new RecordAgencyReportSubmissionCommand(theirs.Id, Today)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new GetMyAgencyReportsQuery()));

        var after = await LoadAsync(id);
        Assert.Equal(Today, after.AgencyReports.Single(a => a.Id == ours.Id).ReceivedOn);
        Assert.Equal("Sarah Cole", after.AgencyReports.Single(a => a.Id == ours.Id).ReceivedRecordedBy);
        Assert.Null(after.AgencyReports.Single(a => a.Id == theirs.Id).ReceivedOn);
    }

    // ---------------------------------------------------------------- timescales and what is due

    [Fact]
    public async Task AdministratorChangesTheTimescalesAndDueDatesFollow()
    {
        var id = await IdOf(DemoData.References.AwaitingDecision);
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var before = (await _app.SendAsync(new GetReviewStagesQuery(id))).Entry(ReviewStageNumber.Decision).DueOn!.Value;
        await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new GetSettingsQuery()));

        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var settings = await _app.SendAsync(new GetSettingsQuery());
        await _app.SendAsync(new UpdateSettingsCommand(settings.Version, settings.Settings with { DecisionDueMonths = 2, AgencyReportDueDays = 28 }));

        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var view = await _app.SendAsync(new GetReviewStagesQuery(id));
        Assert.Equal(before.AddMonths(1), view.Entry(ReviewStageNumber.Decision).DueOn);
        var panelId = await IdOf(DemoData.References.PanelAndTerms);
        await _app.SendAsync(new RequestAgencyReportCommand(panelId, (await LoadAsync(panelId)).Version, await AgencyAsync("Haven Domestic Abuse Service"), AgencyReportKind.Chronology, Today, null));
        Assert.Equal(Today.AddDays(28), (await LoadAsync(panelId)).AgencyReports.Single(a => a.Kind == AgencyReportKind.Chronology && a.RequestedOn == Today).DueOn);

        // Another partnership's timescales are its own.
        await using var db = _app.Database.Open(DataScope.System);
        Assert.Equal(1, await db.Partnerships.Where(p => p.ShortCode == DemoData.SecondPartnershipCode).Select(p => p.Settings.DecisionDueMonths).SingleAsync());
    }

    [Fact]
    public async Task SettingsOutsideTheirLimitsAreRefusedByField()
    {
        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var settings = await _app.SendAsync(new GetSettingsQuery());

        var ex = await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new UpdateSettingsCommand(settings.Version, settings.Settings with { CompletionDueMonths = 0 })));
        await Assert.ThrowsAsync<ConflictException>(async () => await _app.SendAsync(new UpdateSettingsCommand(settings.Version - 1, settings.Settings)));

        Assert.Equal(nameof(PartnershipSettings.CompletionDueMonths), ex.Field);
        Assert.Equal(6, (await _app.SendAsync(new GetSettingsQuery())).Settings.CompletionDueMonths);
    }

    [Fact]
    public async Task DueListShowsOverdueAndSoonDueItemsAcrossReviewsMostUrgentFirst()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);

        var due = await _app.SendAsync(new GetDueItemsQuery());

        Assert.NotEmpty(due.Items);
        Assert.Equal(due.Items.OrderBy(i => i.DueOn).Select(i => (i.Reference, i.Stage, i.What)), due.Items.Select(i => (i.Reference, i.Stage, i.What)));
        Each.Of(due.Items, i => Assert.True(i.DueOn <= Today.AddDays(30)));
        Each.Of(due.Items.Where(i => i.IsOverdue), i => Assert.StartsWith("Overdue by", i.DueText, StringComparison.Ordinal));
        Assert.Contains(due.Items, i => i.Reference == DemoData.References.NotCommissionedHomeOfficeNotTold && i.Stage == ReviewStageNumber.HomeOfficeNotified && i.IsOverdue);
        Assert.Contains(due.Items, i => i.Reference == DemoData.References.Paused && i.Stage == ReviewStageNumber.AgencyReports && i.What.Contains("Eastshire Constabulary", StringComparison.Ordinal));
        Assert.DoesNotContain(due.Items, i => i.Reference.Contains('W', StringComparison.Ordinal));
        Assert.Equal(new[] { DemoData.References.AwaitingDecision, DemoData.References.JustNotified }, due.DecisionsDue.Select(d => d.Reference));

        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new GetDueItemsQuery()));
    }

    [Fact]
    public async Task HistoryShowsWhatEachValueWasAndBecame()
    {
        var id = await IdOf(DemoData.References.JustNotified);
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var view = await _app.SendAsync(new GetReviewStagesQuery(id));

        await _app.SendAsync(new CorrectNotificationCommand(id, view.Version, view.Notification with { VictimAge = 53, Circumstances = "Corrected account." }));

        var history = await _app.SendAsync(new GetReviewHistoryQuery(id));
        var latest = history.Entries[0];
        Assert.Equal("Review changed", latest.What);
        Assert.Equal("Priya Raman", latest.By);
        Assert.Contains(latest.Changes, c => c.Field == "Victim's age" && c.Before == "52" && c.After == "53");
        Assert.Contains(latest.Changes, c => c.Field == "Circumstances" && c.After == "Corrected account.");
        Assert.DoesNotContain(latest.Changes, c => c.Field == "Victim's pseudonym");
    }
}
