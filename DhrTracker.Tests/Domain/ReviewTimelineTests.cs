using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Reviews;

namespace DhrTracker.Tests.Domain;

[UseCulture("en-GB")]
public class ReviewTimelineTests
{
    private static readonly PartnershipSettings Settings = TestData.Settings;

    private static TimelineEntry Stage(IReadOnlyList<TimelineEntry> entries, int stage) => entries.Single(e => e.Stage == stage);

    private static TimelineEntry DecisionEntry(Review review, DateOnly today) =>
        Stage(ReviewTimeline.Build(review, Settings, today), ReviewStageNumber.Decision);

    [Fact]
    public void DecisionIsDueOneMonthAfterNotification()
    {
        Assert.Equal(new DateOnly(2026, 2, 10), ReviewTimeline.DecisionDue(new DateOnly(2026, 1, 10), Settings));
        Assert.Equal(new DateOnly(2027, 2, 28), ReviewTimeline.DecisionDue(new DateOnly(2027, 1, 31), Settings));
    }

    [Fact]
    public void HomeOfficeIsToBeToldOneMonthAfterTheDecision()
    {
        Assert.Equal(new DateOnly(2026, 4, 15), ReviewTimeline.HomeOfficeNotificationDue(new DateOnly(2026, 3, 15), Settings));
    }

    [Fact]
    public void CompletionIsDueSixMonthsAfterTheDecisionWithoutPauses()
    {
        Assert.Equal(new DateOnly(2026, 8, 5), ReviewTimeline.CompletionDue(new DateOnly(2026, 2, 5), [], new DateOnly(2026, 6, 15), Settings));
    }

    [Fact]
    public void CompletionDueAddsOverlappingPausedDaysOnce()
    {
        // 1–10 and 5–14 March: 14 paused days.
        var due = ReviewTimeline.CompletionDue(new DateOnly(2026, 2, 5),
            [(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10)), (new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 14))],
            new DateOnly(2026, 6, 15), Settings);
        Assert.Equal(new DateOnly(2026, 8, 19), due);
    }

    [Fact]
    public void CompletionDueKeepsMovingWhileAPauseIsOpen()
    {
        IEnumerable<(DateOnly, DateOnly?)> pauses = [(new DateOnly(2026, 6, 1), null)];
        var decided = new DateOnly(2026, 2, 5);
        Assert.Equal(new DateOnly(2026, 8, 20), ReviewTimeline.CompletionDue(decided, pauses, new DateOnly(2026, 6, 15), Settings));
        Assert.Equal(new DateOnly(2026, 8, 21), ReviewTimeline.CompletionDue(decided, pauses, new DateOnly(2026, 6, 16), Settings));
    }

    [Fact]
    public void CompletionDueOfAReviewAddsItsEndedAndOpenPauses()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).Build();
        var first = Ids.Assign(review.Pause(PauseReason.Inquest, new DateOnly(2026, 3, 1), null, null, TestData.Coordinator, TestData.NowUtc), 1);
        review.EndPause(first.Id, new DateOnly(2026, 3, 10), TestData.Coordinator, TestData.NowUtc);
        Ids.Assign(review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 4, 1), null, null, TestData.Coordinator, TestData.NowUtc), 2);

        var today = new DateOnly(2026, 4, 30);

        // 10 days in March, 30 days of April so far.
        Assert.Equal(40, ReviewTimeline.PausedDays(review, today));
        Assert.Equal(new DateOnly(2026, 9, 14), ReviewTimeline.CompletionDue(review, today, Settings));
    }

    [Fact]
    public void CompletionDueIsNullBeforeADecision()
    {
        var review = new ReviewBuilder().Build();
        Assert.Null(ReviewTimeline.CompletionDue(review, TestData.Today, Settings));
    }

    [Fact]
    public void CompletionDueIsNullWhenNoReviewWasCommissioned()
    {
        var review = new ReviewBuilder().NotCommissioned().Build();
        Assert.Null(ReviewTimeline.CompletionDue(review, TestData.Today, Settings));
    }

    [Fact]
    public void CompletionClockIsNotRestartedByACorrectedDecision()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).Build();
        review.RecordDecision(TestData.Commission(new DateOnly(2026, 2, 9)), TestData.Chair, TestData.NowUtc.AddMinutes(5));

        Assert.Equal(new DateOnly(2026, 2, 9), review.CurrentDecision!.DecidedOn);
        Assert.Equal(new DateOnly(2026, 8, 5), ReviewTimeline.CompletionDue(review, TestData.Today, Settings));
    }

    [Fact]
    public void CompletionClockStartsWhenAReviewIsFirstCommissioned()
    {
        var review = new ReviewBuilder().NotCommissioned(new DateOnly(2026, 2, 5)).Build();
        review.RecordDecision(TestData.Commission(new DateOnly(2026, 2, 20)), TestData.Chair, TestData.NowUtc.AddMinutes(5));

        Assert.Equal(new DateOnly(2026, 8, 20), ReviewTimeline.CompletionDue(review, TestData.Today, Settings));
    }

    [Fact]
    public void SettingsChangeEveryTimescale()
    {
        var settings = Settings with { DecisionDueMonths = 2, HomeOfficeNotificationDueMonths = 3, CompletionDueMonths = 9 };

        Assert.Equal(new DateOnly(2026, 3, 10), ReviewTimeline.DecisionDue(new DateOnly(2026, 1, 10), settings));
        Assert.Equal(new DateOnly(2026, 5, 5), ReviewTimeline.HomeOfficeNotificationDue(new DateOnly(2026, 2, 5), settings));
        Assert.Equal(new DateOnly(2026, 11, 5), ReviewTimeline.CompletionDue(new DateOnly(2026, 2, 5), [], TestData.Today, settings));
    }

    [Fact]
    public void SettingsChangeTheDueDatesOnTheTimeline()
    {
        var settings = Settings with { DecisionDueMonths = 2, CompletionDueMonths = 9 };
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).Build();

        var entries = ReviewTimeline.Build(review, settings, new DateOnly(2026, 6, 1));

        Assert.Equal(new DateOnly(2026, 3, 10), Stage(entries, ReviewStageNumber.Decision).DueOn);
        Assert.Equal(new DateOnly(2026, 11, 5), Stage(entries, ReviewStageNumber.OverviewReport).DueOn);
        Assert.Contains("Completion due 9 months after the decision", Stage(entries, ReviewStageNumber.OverviewReport).Summary);
    }

    [Fact]
    public void TimelineHasTheTwelveStagesInOrder()
    {
        var entries = ReviewTimeline.Build(new ReviewBuilder().Build(), Settings, TestData.Today);

        Assert.Equal(Enumerable.Range(1, 12), entries.Select(e => e.Stage));
        Assert.Equal("Decision by the CSP chair", entries[1].Title);
        Assert.Equal("Action plan delivery and closure", entries[11].Title);
    }

    [Fact]
    public void NotificationIsAlwaysDone()
    {
        var entry = Stage(ReviewTimeline.Build(new ReviewBuilder().Build(), Settings, TestData.Today), ReviewStageNumber.Notification);

        Assert.Equal(StageState.Done, entry.State);
        Assert.Equal(ReviewBuilder.NotifiedOn, entry.DoneOn);
        Assert.Equal("Cara Coordinator", entry.RecordedBy);
    }

    [Fact]
    public void AwaitedDecisionIsDueBeforeItsDate()
    {
        var review = new ReviewBuilder().Notified(new DateOnly(2026, 3, 1)).Build();

        var entry = DecisionEntry(review, new DateOnly(2026, 3, 20));

        Assert.Equal(StageState.Due, entry.State);
        Assert.Equal(new DateOnly(2026, 4, 1), entry.DueOn);
        Assert.Equal("Due in 12 days", entry.DueText(new DateOnly(2026, 3, 20)));
    }

    [Theory]
    [InlineData(3, 31, StageState.Due, "Due in 1 day")]
    [InlineData(4, 1, StageState.Due, "Due today")]
    [InlineData(4, 2, StageState.Overdue, "Overdue by 1 day")]
    [InlineData(4, 4, StageState.Overdue, "Overdue by 3 days")]
    public void AwaitedDecisionTurnsOverdueTheDayAfterItIsDue(int month, int day, StageState state, string text)
    {
        var review = new ReviewBuilder().Notified(new DateOnly(2026, 3, 1)).Build();
        var today = new DateOnly(2026, month, day);

        var entry = DecisionEntry(review, today);

        Assert.Equal(state, entry.State);
        Assert.Equal(text, entry.DueText(today));
    }

    [Fact]
    public void OverdueEntryCountsDaysOverdue()
    {
        var review = new ReviewBuilder().Notified(new DateOnly(2026, 3, 1)).Build();
        var today = new DateOnly(2026, 4, 4);

        Assert.Equal(3, DecisionEntry(review, today).DaysOverdue(today));
        Assert.Equal(-3, DecisionEntry(review, new DateOnly(2026, 3, 29)).DaysOverdue(new DateOnly(2026, 3, 29)));
    }

    [Fact]
    public void DecidedDecisionIsDoneWithNoDueText()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 3, 5)).Build();
        var today = new DateOnly(2026, 6, 1);

        var entry = DecisionEntry(review, today);

        Assert.Equal(StageState.Done, entry.State);
        Assert.Equal(new DateOnly(2026, 3, 5), entry.DoneOn);
        Assert.Null(entry.DaysOverdue(today));
        Assert.Equal(string.Empty, entry.DueText(today));
        Assert.Equal("Chris Chair", entry.RecordedBy);
        Assert.Contains("Commission a review", entry.Summary);
    }

    [Fact]
    public void CorrectedDecisionSaysHowOftenItWasCorrected()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        review.RecordDecision(TestData.Commission(ReviewBuilder.DecidedOn.AddDays(1)), TestData.Chair, TestData.NowUtc.AddMinutes(1));

        Assert.Contains("Corrected 1 time(s)", DecisionEntry(review, TestData.Today).Summary);
    }

    [Fact]
    public void HomeOfficeStageWaitsForTheDecision()
    {
        var entries = ReviewTimeline.Build(new ReviewBuilder().Build(), Settings, TestData.Today);

        var entry = Stage(entries, ReviewStageNumber.HomeOfficeNotified);
        Assert.Equal(StageState.NotStarted, entry.State);
        Assert.Null(entry.DueOn);
    }

    [Fact]
    public void HomeOfficeStageIsDueAfterTheDecisionAndDoneWhenTold()
    {
        var decided = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).Build();
        var told = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).HomeOfficeTold().Build();
        var today = new DateOnly(2026, 2, 10);

        var due = Stage(ReviewTimeline.Build(decided, Settings, today), ReviewStageNumber.HomeOfficeNotified);
        var done = Stage(ReviewTimeline.Build(told, Settings, today), ReviewStageNumber.HomeOfficeNotified);

        Assert.Equal(StageState.Due, due.State);
        Assert.Equal(new DateOnly(2026, 3, 5), due.DueOn);
        Assert.Equal(StageState.Done, done.State);
        Assert.Equal(ReviewBuilder.HomeOfficeToldOn, done.DoneOn);
    }

    [Fact]
    public void HomeOfficeMustBeToldOfADecisionNotToCommissionToo()
    {
        var review = new ReviewBuilder().NotCommissioned(new DateOnly(2026, 2, 5)).Build();

        var entry = Stage(ReviewTimeline.Build(review, Settings, new DateOnly(2026, 3, 6)), ReviewStageNumber.HomeOfficeNotified);

        Assert.Equal(StageState.Overdue, entry.State);
        Assert.Equal("Overdue by 1 day", entry.DueText(new DateOnly(2026, 3, 6)));
    }

    [Fact]
    public void StagesOfANotCommissionedReviewDoNotApply()
    {
        var review = new ReviewBuilder().NotCommissioned().HomeOfficeTold().Build();

        var entries = ReviewTimeline.Build(review, Settings, TestData.Today);

        foreach (var stage in new[] { ReviewStageNumber.ChairAppointed, ReviewStageNumber.PanelAndTerms, ReviewStageNumber.AgencyReports, ReviewStageNumber.Family, ReviewStageNumber.ParallelProceedings, ReviewStageNumber.OverviewReport, ReviewStageNumber.QualityAssurance, ReviewStageNumber.Publication })
        {
            Assert.Equal(StageState.NotApplicable, Stage(entries, stage).State);
        }

        Assert.Null(Stage(entries, ReviewStageNumber.OverviewReport).DueOn);
        Assert.Equal(StageState.NotStarted, Stage(entries, ReviewStageNumber.Closure).State);
    }

    [Fact]
    public void StagesOfAnUndecidedReviewHaveNotStarted()
    {
        var entries = ReviewTimeline.Build(new ReviewBuilder().Build(), Settings, TestData.Today);

        Assert.Equal(StageState.NotStarted, Stage(entries, ReviewStageNumber.ChairAppointed).State);
        Assert.Equal(StageState.NotStarted, Stage(entries, ReviewStageNumber.OverviewReport).State);
        Assert.Null(Stage(entries, ReviewStageNumber.OverviewReport).DueOn);
    }

    [Fact]
    public void OverviewReportOfACommissionedReviewIsDueAtTheCompletionDate()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).Build();

        var entry = Stage(ReviewTimeline.Build(review, Settings, new DateOnly(2026, 6, 1)), ReviewStageNumber.OverviewReport);

        Assert.Equal(StageState.Due, entry.State);
        Assert.Equal(new DateOnly(2026, 8, 5), entry.DueOn);
        Assert.Equal(StageState.InProgress, Stage(ReviewTimeline.Build(review, Settings, new DateOnly(2026, 6, 1)), ReviewStageNumber.ChairAppointed).State);
    }

    [Fact]
    public void OverviewReportIsOverdueOnceTheCompletionDatePasses()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).Build();
        var today = new DateOnly(2026, 8, 8);

        var entry = Stage(ReviewTimeline.Build(review, Settings, today), ReviewStageNumber.OverviewReport);

        Assert.Equal(StageState.Overdue, entry.State);
        Assert.Equal("Overdue by 3 days", entry.DueText(today));
    }

    [Fact]
    public void OpenPauseShowsTheReviewInProgressAndExtendsTheOverviewDate()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).Build();
        review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 4, 1), null, null, TestData.Coordinator, TestData.NowUtc);
        var today = new DateOnly(2026, 4, 10);

        var entries = ReviewTimeline.Build(review, Settings, today);

        var pause = Stage(entries, ReviewStageNumber.ParallelProceedings);
        Assert.Equal(StageState.InProgress, pause.State);
        Assert.Contains("Paused since 1 April 2026 for criminal trial. 10 paused day(s) so far", pause.Summary);
        var overview = Stage(entries, ReviewStageNumber.OverviewReport);
        Assert.Equal(new DateOnly(2026, 8, 15), overview.DueOn);
        Assert.Contains("plus 10 paused day(s)", overview.Summary);
    }

    [Fact]
    public void SignedOffOverviewReportIsDone()
    {
        var review = new ReviewBuilder().SignedOff().Build();

        var entry = Stage(ReviewTimeline.Build(review, Settings, TestData.Today), ReviewStageNumber.OverviewReport);

        Assert.Equal(StageState.Done, entry.State);
        Assert.Equal(ReviewBuilder.CspSignedOffOn, entry.DoneOn);
        Assert.Null(entry.DaysOverdue(TestData.Today));
    }

    [Fact]
    public void OutstandingAgencyReportIsDueOnTheEarliestDueDate()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).Build();
        review.RequestAgencyReport(4, AgencyReportKind.IndividualManagementReview, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 20), TestData.Coordinator, TestData.NowUtc);
        review.RequestAgencyReport(5, AgencyReportKind.Chronology, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 12), TestData.Coordinator, TestData.NowUtc);
        var today = new DateOnly(2026, 4, 15);

        var entry = Stage(ReviewTimeline.Build(review, Settings, today, id => id == 5 ? "Norfolk Constabulary" : "NHS"), ReviewStageNumber.AgencyReports);

        Assert.Equal(StageState.Overdue, entry.State);
        Assert.Equal(new DateOnly(2026, 4, 12), entry.DueOn);
        Assert.Contains("0 of 2 received. Next due: Norfolk Constabulary on 12 April 2026.", entry.Summary);
    }

    [Fact]
    public void NextDueIsTheEarliestOpenItem()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).Build();
        review.RequestAgencyReport(4, AgencyReportKind.IndividualManagementReview, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 12), TestData.Coordinator, TestData.NowUtc);
        var today = new DateOnly(2026, 4, 1);

        var next = ReviewTimeline.NextDue(ReviewTimeline.Build(review, Settings, today));

        // The decision (due 10 February) is done; the Home Office (due 5 March) is the most urgent.
        Assert.NotNull(next);
        Assert.Equal(ReviewStageNumber.HomeOfficeNotified, next.Stage);
        Assert.Equal(StageState.Overdue, next.State);
    }

    [Fact]
    public void NextDueMovesOnWhenTheEarliestItemIsDone()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).HomeOfficeTold().Build();
        review.RequestAgencyReport(4, AgencyReportKind.IndividualManagementReview, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 12), TestData.Coordinator, TestData.NowUtc);

        var next = ReviewTimeline.NextDue(ReviewTimeline.Build(review, Settings, new DateOnly(2026, 4, 1)));

        Assert.Equal(ReviewStageNumber.AgencyReports, next?.Stage);
        Assert.Equal(new DateOnly(2026, 4, 12), next?.DueOn);
    }

    [Fact]
    public void NextDueIsNullWhenNothingIsDue()
    {
        var review = new ReviewBuilder().NotCommissioned().HomeOfficeTold().Build();

        Assert.Null(ReviewTimeline.NextDue(ReviewTimeline.Build(review, Settings, TestData.Today)));
    }

    [Fact]
    public void NextDueIgnoresDoneItemsAndItemsWithoutADate()
    {
        TimelineEntry E(StageState state, DateOnly? due) => new(1, "t", state, due, null, "s", null, null);
        var entries = new[]
        {
            E(StageState.Done, new DateOnly(2026, 1, 1)),
            E(StageState.InProgress, new DateOnly(2026, 1, 2)),
            E(StageState.Due, null),
            E(StageState.Due, new DateOnly(2026, 5, 1)),
            E(StageState.Overdue, new DateOnly(2026, 3, 1)),
        };

        Assert.Equal(new DateOnly(2026, 3, 1), ReviewTimeline.NextDue(entries)?.DueOn);
    }
}
