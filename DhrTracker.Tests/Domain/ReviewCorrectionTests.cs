using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Reviews;

namespace DhrTracker.Tests.Domain;

/// <summary>Every stage can be corrected: agency report dates and withdrawals, pauses, closure.</summary>
[UseCulture("en-GB")]
public class ReviewCorrectionTests
{
    private static readonly DateTime Now = TestData.NowUtc;
    private static readonly Actor Coordinator = TestData.Coordinator;

    /// <summary>The rule refused it, and it was this rule: the message a person would read says which.</summary>
    private static DomainException Refused(string because, Action act)
    {
        var ex = Assert.Throws<DomainException>(act);
        Assert.Equal(because, ex.Message);
        return ex;
    }

    private static (Review Review, AgencyReport Report) WithReport()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var report = Ids.Assign(review.RequestAgencyReport(4, AgencyReportKind.IndividualManagementReview, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 12), Coordinator, Now), 1);
        return (review, report);
    }

    private static Review Closed()
    {
        var review = new ReviewBuilder().Published().Build();
        review.Close(TestData.Today, "Agreed by the board.", true, Coordinator, Now);
        return review;
    }

    // Agency reports

    [Fact]
    public void AgencyReportIsDueAfterThePartnershipsPeriod()
    {
        Assert.Equal(new DateOnly(2026, 4, 12), ReviewTimeline.AgencyReportDue(new DateOnly(2026, 3, 1), TestData.Settings));
        Assert.Equal(new DateOnly(2026, 3, 29), ReviewTimeline.AgencyReportDue(new DateOnly(2026, 3, 1), TestData.Settings with { AgencyReportDueDays = 28 }));
    }

    [Fact]
    public void DueDateOfAnAgencyReportCanBeMoved()
    {
        var (review, report) = WithReport();

        review.ChangeAgencyReportDueDate(report.Id, new DateOnly(2026, 5, 1), TestData.Officer, Now);

        Assert.Equal(new DateOnly(2026, 5, 1), report.DueOn);
        Assert.Equal(TestData.Officer.Name, review.StageRecords.Single(s => s.Stage == ReviewStageNumber.AgencyReports).RecordedByName);
    }

    [Fact]
    public void DueDateCannotMoveToOrBeforeTheRequest()
    {
        var (review, report) = WithReport();

        var ex = Refused("The due date must be after the request.", () => review.ChangeAgencyReportDueDate(report.Id, new DateOnly(2026, 3, 1), Coordinator, Now));

        Assert.Equal("DueOn", ex.Field);
        Assert.Equal(new DateOnly(2026, 4, 12), report.DueOn);
    }

    [Fact]
    public void OutstandingRequestCanBeWithdrawn()
    {
        var (review, report) = WithReport();

        review.WithdrawAgencyReportRequest(report.Id, Coordinator, Now);

        Assert.Empty(review.AgencyReports);
    }

    [Fact]
    public void ReceivedReportCannotBeWithdrawn()
    {
        var (review, report) = WithReport();
        review.RecordAgencyReportReceived(report.Id, new DateOnly(2026, 4, 1), TestData.Officer, Now);

        var ex = Refused("A report already received stays on the record: correct the date it was received instead.", () => review.WithdrawAgencyReportRequest(report.Id, Coordinator, Now));

        Assert.Contains("stays on the record", ex.Message);
        Assert.Single(review.AgencyReports);
    }

    [Fact]
    public void ReceiptCanBeCorrected()
    {
        var (review, report) = WithReport();
        review.RecordAgencyReportReceived(report.Id, new DateOnly(2026, 4, 1), TestData.Officer, Now);

        review.RecordAgencyReportReceived(report.Id, new DateOnly(2026, 4, 3), Coordinator, Now);

        Assert.Equal(new DateOnly(2026, 4, 3), report.ReceivedOn);
        Assert.Equal(Coordinator.Name, report.ReceivedRecordedBy);
    }

    // Pauses

    [Fact]
    public void PauseForOtherProceedingsNeedsNotes()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused("Say in the notes which proceedings the review is paused for.", () => review.Pause(PauseReason.Other, new DateOnly(2026, 3, 1), "  ", null, Coordinator, Now));

        Assert.Equal("Notes", ex.Field);
        Assert.Empty(review.Pauses);
    }

    [Fact]
    public void HomeOfficeCannotBeToldOfAPauseInTheFuture()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused("This date cannot be in the future.", () => review.Pause(PauseReason.Inquest, new DateOnly(2026, 3, 1), null, TestData.Today.AddDays(1), Coordinator, Now));

        Assert.Equal("HomeOfficeToldOn", ex.Field);
    }

    [Fact]
    public void CorrectedPauseChangesThePausedDays()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var pause = Ids.Assign(review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), null, null, Coordinator, Now), 1);
        review.EndPause(pause.Id, new DateOnly(2026, 3, 31), Coordinator, Now);
        Assert.Equal(31, ReviewTimeline.PausedDays(review, TestData.Today));

        review.CorrectPause(pause.Id, PauseReason.Inquest, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), "Inquest opened and adjourned.", new DateOnly(2026, 3, 2), Coordinator, Now);

        Assert.Equal(10, ReviewTimeline.PausedDays(review, TestData.Today));
        Assert.Equal(PauseReason.Inquest, pause.Reason);
        Assert.Equal("Inquest opened and adjourned.", pause.Notes);
        Assert.Equal(new DateOnly(2026, 3, 2), pause.HomeOfficeToldOn);
    }

    [Fact]
    public void CorrectionCanReopenAnEndedPause()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var pause = Ids.Assign(review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), null, null, Coordinator, Now), 1);
        review.EndPause(pause.Id, new DateOnly(2026, 3, 31), Coordinator, Now);

        review.CorrectPause(pause.Id, PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), null, null, null, Coordinator, Now);

        Assert.True(review.IsPaused);
    }

    [Fact]
    public void CorrectedPauseCannotOverlapAnother()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var first = Ids.Assign(review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), null, null, Coordinator, Now), 1);
        review.EndPause(first.Id, new DateOnly(2026, 3, 31), Coordinator, Now);
        var second = Ids.Assign(review.Pause(PauseReason.Inquest, new DateOnly(2026, 5, 1), null, null, Coordinator, Now), 2);
        review.EndPause(second.Id, new DateOnly(2026, 5, 31), Coordinator, Now);

        var ex = Refused("These dates would overlap another pause: paused days are counted once.", () => review.CorrectPause(second.Id, PauseReason.Inquest, new DateOnly(2026, 3, 20), new DateOnly(2026, 5, 31), null, null, Coordinator, Now));

        Assert.Equal("StartedOn", ex.Field);
        Assert.Equal(new DateOnly(2026, 5, 1), second.StartedOn);
    }

    [Fact]
    public void OnlyOnePauseCanBeOpen()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var first = Ids.Assign(review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), null, null, Coordinator, Now), 1);
        review.EndPause(first.Id, new DateOnly(2026, 3, 31), Coordinator, Now);
        Ids.Assign(review.Pause(PauseReason.Inquest, new DateOnly(2026, 5, 1), null, null, Coordinator, Now), 2);

        var ex = Refused("Another pause is still open: only one pause can be open at a time. Give this one an end date.", () => review.CorrectPause(first.Id, PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), null, null, null, Coordinator, Now));

        Assert.Equal("EndedOn", ex.Field);
    }

    [Fact]
    public void CorrectedPauseCannotEndBeforeItStarts()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var pause = Ids.Assign(review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), null, null, Coordinator, Now), 1);

        var ex = Refused("A pause cannot end before it started.", () => review.CorrectPause(pause.Id, PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 28), null, null, Coordinator, Now));

        Assert.Equal("EndedOn", ex.Field);
        Assert.True(pause.IsOpen);
    }

    // Closure

    [Fact]
    public void ClosureCanBeCorrected()
    {
        var review = Closed();

        review.CorrectClosure(TestData.Today.AddDays(-1), "Agreed by the board on its November agenda.", Coordinator, Now);

        Assert.Equal(TestData.Today.AddDays(-1), review.ClosedOn);
        Assert.Equal("Agreed by the board on its November agenda.", review.ClosureNote);
        Assert.Equal(ReviewStage.Closed, review.Stage);
    }

    [Fact]
    public void ClosureCorrectionKeepsTheClosureRules()
    {
        var review = Closed();

        var ex = Refused("The review cannot close before it was published.", () => review.CorrectClosure(ReviewBuilder.PublishedOn.AddDays(-1), null, Coordinator, Now));

        Assert.Equal("ClosedOn", ex.Field);
        Assert.Equal(TestData.Today, review.ClosedOn);
    }

    [Fact]
    public void OpenReviewHasNoClosureToCorrect()
    {
        var review = new ReviewBuilder().Published().Build();

        Refused("The review is not closed.", () => review.CorrectClosure(TestData.Today, null, Coordinator, Now));
    }

    [Fact]
    public void ClosedReviewRefusesCorrectionsToItsStages()
    {
        var review = Closed();

        Refused("The review is closed.", () => review.RecordHomeOfficeNotified(ReviewBuilder.HomeOfficeToldOn, "Cara", Coordinator, Now));
        Refused("The review is closed.", () => review.RecordQaPanel(1, ReviewBuilder.QaPanelOn, ReviewBuilder.QaLetterOn, QaOutcome.Publish, null, Coordinator, Now));
    }

    // What falls due

    [Fact]
    public void DueWithinListsOverdueAndSoonDueItemsMostUrgentFirst()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 10, 1)).Build();
        Ids.Assign(review.RequestAgencyReport(4, AgencyReportKind.IndividualManagementReview, new DateOnly(2026, 10, 5), new DateOnly(2026, 12, 10), Coordinator, Now), 1);
        Ids.Assign(review.RequestAgencyReport(5, AgencyReportKind.Chronology, new DateOnly(2026, 10, 5), new DateOnly(2027, 3, 1), Coordinator, Now), 2);

        var items = ReviewTimeline.DueWithin(review, TestData.Settings, TestData.Today, 30, id => id == 4 ? "Police" : "Health");

        // Home Office told: due 1 November (overdue); police IMR due 10 December (within 30 days);
        // chronology due in March and completion due in April are beyond the 30 days.
        Assert.Equal(2, items.Count);
        Assert.Equal(ReviewStageNumber.HomeOfficeNotified, items[0].Stage);
        Assert.True(items[0].IsOverdue(TestData.Today));
        Assert.Equal("Overdue by 30 days", items[0].DueText(TestData.Today));
        Assert.Equal("Individual management review (IMR) from Police", items[1].What);
        Assert.Equal("Due in 9 days", items[1].DueText(TestData.Today));
    }

    [Fact]
    public void DueWithinIsEmptyForAClosedReview()
    {
        Assert.Empty(ReviewTimeline.DueWithin(Closed(), TestData.Settings, TestData.Today, 30));
    }

    [Fact]
    public void DueWithinFollowsThePartnershipsTimescales()
    {
        var review = new ReviewBuilder().Notified(new DateOnly(2026, 10, 20)).Build();
        var settings = PartnershipSettings.Defaults() with { DecisionDueMonths = 2 };

        var standard = ReviewTimeline.DueWithin(review, TestData.Settings, TestData.Today, 30);
        var longer = ReviewTimeline.DueWithin(review, settings, TestData.Today, 30);

        Assert.Equal(new DateOnly(2026, 11, 20), Assert.Single(standard).DueOn);
        Assert.Equal(new DateOnly(2026, 12, 20), Assert.Single(longer).DueOn);
    }
}
