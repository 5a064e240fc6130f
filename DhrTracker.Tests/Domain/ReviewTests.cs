using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;

namespace DhrTracker.Tests.Domain;

[UseCulture("en-GB")]
public class ReviewTests
{
    private static readonly DateTime Now = TestData.NowUtc;
    private static readonly Actor Coordinator = TestData.Coordinator;
    private static readonly Actor Chair = TestData.Chair;

    private static Review Notify(NotificationInput input) => new(1, "DHR-2026-01", input, Coordinator, Now);

    private static DomainException Refused(Action act) => Assert.Throws<DomainException>(act);

    private static DecisionInput Decision(
        DecisionOutcome outcome = DecisionOutcome.Commission,
        bool aged16 = true,
        bool relationship = true,
        bool abuse = true,
        JointReviewType? jointWith = null,
        string? jointReference = null,
        string? rationale = null,
        DateOnly? decidedOn = null) =>
        new(aged16, relationship, abuse, outcome, jointWith, jointReference, rationale ?? TestData.Text(120), decidedOn ?? ReviewBuilder.DecidedOn);

    // Stage 1: notification

    [Fact]
    public void NotifiedReviewHoldsWhatWasNotified()
    {
        var review = Notify(TestData.Notification(victimPseudonym: "  Adult A  "));

        Assert.Equal("DHR-2026-01", review.Reference);
        Assert.Equal(new DateOnly(2026, 1, 10), review.NotifiedOn);
        Assert.Equal("Adult A", review.VictimPseudonym);
        Assert.Equal(ReviewStage.AwaitingDecision, review.Stage);
        Assert.Null(review.CurrentDecision);
        Assert.False(review.IsCommissioned);
        Assert.Equal(ReviewStageNumber.Notification, Assert.Single(review.StageRecords).Stage);
    }

    [Fact]
    public void DateOfDeathAfterNotificationIsRefused()
    {
        var ex = Refused(() => Notify(TestData.Notification(notifiedOn: new DateOnly(2026, 1, 10), dateOfDeath: new DateOnly(2026, 1, 11))));

        Assert.Equal(nameof(NotificationInput.DateOfDeath), ex.Field);
        Assert.Equal("The date of death cannot be after the date the CSP was notified.", ex.Message);
    }

    [Fact]
    public void DeathOnTheDayOfNotificationIsAccepted()
    {
        var review = Notify(TestData.Notification(notifiedOn: new DateOnly(2026, 1, 10), dateOfDeath: new DateOnly(2026, 1, 10)));

        Assert.Equal(review.NotifiedOn, review.DateOfDeath);
    }

    [Fact]
    public void NotificationInTheFutureIsRefused()
    {
        var ex = Refused(() => Notify(TestData.Notification(notifiedOn: TestData.Today.AddDays(1), dateOfDeath: TestData.Today)));

        Assert.Equal(nameof(NotificationInput.NotifiedOn), ex.Field);
    }

    [Fact]
    public void ImplausibleYearIsRefused()
    {
        var ex = Refused(() => Notify(TestData.Notification(dateOfDeath: new DateOnly(1999, 12, 31))));

        Assert.Equal(nameof(NotificationInput.DateOfDeath), ex.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    public void VictimAgeOutside0To120IsRefused(int age)
    {
        var ex = Refused(() => Notify(TestData.Notification(victimAge: age)));

        Assert.Equal(nameof(NotificationInput.VictimAge), ex.Field);
        Assert.Equal("The victim's age must be between 0 and 120.", ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    public void PerpetratorAgeOutside0To120IsRefused(int age)
    {
        var ex = Refused(() => Notify(TestData.Notification(perpetratorAge: age)));

        Assert.Equal(nameof(NotificationInput.PerpetratorAge), ex.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(120)]
    public void AgesAtTheEndsOfTheRangeAreAccepted(int age)
    {
        var review = Notify(TestData.Notification(victimAge: age, perpetratorAge: age));

        Assert.Equal(age, review.VictimAge);
        Assert.Equal(age, review.PerpetratorAge);
    }

    [Fact]
    public void UnknownAgesAreAccepted()
    {
        var review = Notify(TestData.Notification(victimAge: null, perpetratorAge: null));

        Assert.Null(review.VictimAge);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void VictimPseudonymIsRequired(string pseudonym)
    {
        var ex = Refused(() => Notify(TestData.Notification(victimPseudonym: pseudonym)));

        Assert.Equal(nameof(NotificationInput.VictimPseudonym), ex.Field);
        Assert.Equal("The victim's pseudonym is required.", ex.Message);
    }

    [Fact]
    public void OverlongPseudonymIsRefused()
    {
        var ex = Refused(() => Notify(TestData.Notification(victimPseudonym: TestData.Text(TextLimits.Pseudonym + 1))));

        Assert.Equal(nameof(NotificationInput.VictimPseudonym), ex.Field);
    }

    [Fact]
    public void CircumstancesAreRequired()
    {
        var ex = Refused(() => Notify(TestData.Notification(circumstances: " ")));

        Assert.Equal(nameof(NotificationInput.Circumstances), ex.Field);
    }

    [Fact]
    public void ReferenceIsRequired()
    {
        var ex = Refused(() => new Review(1, " ", TestData.Notification(), Coordinator, Now));

        Assert.Equal(nameof(Review.Reference), ex.Field);
    }

    [Fact]
    public void CorrectingTheNotificationToAfterTheDecisionIsRefused()
    {
        var review = new ReviewBuilder().Commissioned(new DateOnly(2026, 2, 5)).Build();

        var ex = Refused(() => review.CorrectNotification(TestData.Notification(notifiedOn: new DateOnly(2026, 2, 6)), Coordinator, Now));

        Assert.Equal(nameof(NotificationInput.NotifiedOn), ex.Field);
        Assert.Equal(new DateOnly(2026, 1, 10), review.NotifiedOn);
    }

    [Fact]
    public void CorrectingTheNotificationReplacesItsFacts()
    {
        var review = new ReviewBuilder().Build();

        review.CorrectNotification(TestData.Notification(kind: ReviewKind.Dardr, victimPseudonym: "Ellie"), Coordinator, Now);

        Assert.Equal(ReviewKind.Dardr, review.Kind);
        Assert.Equal("Ellie", review.VictimPseudonym);
    }

    [Fact]
    public void RefusedCorrectionLeavesTheNotificationAsItWas()
    {
        var review = new ReviewBuilder().Build();

        Refused(() => review.CorrectNotification(TestData.Notification(kind: ReviewKind.Dardr, notifiedOn: new DateOnly(2026, 1, 20), circumstances: ""), Coordinator, Now));

        Assert.Equal(ReviewKind.Dhr, review.Kind);
        Assert.Equal(new DateOnly(2026, 1, 10), review.NotifiedOn);
    }

    // Stage 2: decision

    [Fact]
    public void DecisionBeforeNotificationIsRefused()
    {
        var review = new ReviewBuilder().Build();

        var ex = Refused(() => review.RecordDecision(Decision(decidedOn: ReviewBuilder.NotifiedOn.AddDays(-1)), Chair, Now));

        Assert.Equal(nameof(DecisionInput.DecidedOn), ex.Field);
        Assert.Equal("The decision cannot be dated before the death was notified.", ex.Message);
        Assert.Empty(review.Decisions);
    }

    [Fact]
    public void DecisionOnTheDayOfNotificationIsAccepted()
    {
        var review = new ReviewBuilder().Build();

        review.RecordDecision(Decision(decidedOn: ReviewBuilder.NotifiedOn), Chair, Now);

        Assert.True(review.IsCommissioned);
    }

    [Fact]
    public void DecisionInTheFutureIsRefused()
    {
        var review = new ReviewBuilder().Build();

        var ex = Refused(() => review.RecordDecision(Decision(decidedOn: TestData.Today.AddDays(1)), Chair, Now));

        Assert.Equal(nameof(DecisionInput.DecidedOn), ex.Field);
    }

    [Fact]
    public void CommissioningRationaleNeedsTwentyCharacters()
    {
        var review = new ReviewBuilder().Build();

        var ex = Refused(() => review.RecordDecision(Decision(rationale: TestData.Text(DecisionInput.MinimumRationale - 1)), Chair, Now));
        review.RecordDecision(Decision(rationale: TestData.Text(DecisionInput.MinimumRationale)), Chair, Now);

        Assert.Equal(nameof(DecisionInput.Rationale), ex.Field);
        Assert.Equal("Explain the decision in at least 20 characters.", ex.Message);
        Assert.Single(review.Decisions);
    }

    [Fact]
    public void DoNotCommissionNeedsAHundredCharacterRationale()
    {
        var review = new ReviewBuilder().Build();

        var ex = Refused(() => review.RecordDecision(Decision(DecisionOutcome.DoNotCommission, rationale: TestData.Text(99)), Chair, Now));

        Assert.Equal(nameof(DecisionInput.Rationale), ex.Field);
        Assert.Contains("at least 100 characters", ex.Message);
        Assert.Empty(review.Decisions);
    }

    [Fact]
    public void DoNotCommissionWithAHundredCharacterRationaleIsAccepted()
    {
        var review = new ReviewBuilder().Build();

        review.RecordDecision(Decision(DecisionOutcome.DoNotCommission, relationship: false, rationale: TestData.Text(100)), Chair, Now);

        Assert.False(review.IsCommissioned);
        Assert.Equal(ReviewStage.NotCommissioned, review.Stage);
    }

    [Fact]
    public void RationaleIsMeasuredWithoutSurroundingSpaces()
    {
        var review = new ReviewBuilder().Build();

        var ex = Refused(() => review.RecordDecision(Decision(DecisionOutcome.DoNotCommission, rationale: "     " + TestData.Text(99) + "     "), Chair, Now));

        Assert.Equal(nameof(DecisionInput.Rationale), ex.Field);
    }

    [Fact]
    public void BlankRationaleIsRequired()
    {
        var review = new ReviewBuilder().Build();

        var ex = Refused(() => review.RecordDecision(Decision(rationale: "  "), Chair, Now));

        Assert.Equal("The rationale is required.", ex.Message);
    }

    [Fact]
    public void JointReviewNeedsTheOtherReviewsType()
    {
        var review = new ReviewBuilder().Build();

        var ex = Refused(() => review.RecordDecision(Decision(DecisionOutcome.JointReview, jointReference: "SAR-2026-04"), Chair, Now));

        Assert.Equal(nameof(DecisionInput.JointWith), ex.Field);
    }

    [Fact]
    public void JointReviewNeedsTheOtherReviewsReference()
    {
        var review = new ReviewBuilder().Build();

        var ex = Refused(() => review.RecordDecision(Decision(DecisionOutcome.JointReview, jointWith: JointReviewType.SafeguardingAdultsReview, jointReference: " "), Chair, Now));

        Assert.Equal(nameof(DecisionInput.JointReviewReference), ex.Field);
    }

    [Fact]
    public void JointReviewIsACommissionedReview()
    {
        var review = new ReviewBuilder().Build();

        var decision = review.RecordDecision(Decision(DecisionOutcome.JointReview, jointWith: JointReviewType.SafeguardingAdultsReview, jointReference: " SAR-2026-04 "), Chair, Now);

        Assert.Equal(JointReviewType.SafeguardingAdultsReview, decision.JointWith);
        Assert.Equal("SAR-2026-04", decision.JointReviewReference);
        Assert.True(review.IsCommissioned);
        Assert.Equal(ReviewStage.ChairToBeAppointed, review.Stage);
    }

    [Fact]
    public void JointDetailsAreDroppedFromASingleReview()
    {
        var review = new ReviewBuilder().Build();

        var decision = review.RecordDecision(Decision(DecisionOutcome.Commission, jointWith: JointReviewType.ChildSafeguardingPracticeReview, jointReference: "CSPR-1"), Chair, Now);

        Assert.Null(decision.JointWith);
        Assert.Null(decision.JointReviewReference);
    }

    [Theory]
    [InlineData(DecisionOutcome.Commission, false, true, true)]
    [InlineData(DecisionOutcome.Commission, true, false, true)]
    [InlineData(DecisionOutcome.Commission, true, true, false)]
    [InlineData(DecisionOutcome.JointReview, false, true, true)]
    public void CommissioningRequiresEveryCriterion(DecisionOutcome outcome, bool aged16, bool relationship, bool abuse)
    {
        var review = new ReviewBuilder().Build();

        var ex = Refused(() => review.RecordDecision(Decision(outcome, aged16, relationship, abuse, JointReviewType.SafeguardingAdultsReview, "SAR-1"), Chair, Now));

        Assert.Equal(nameof(DecisionInput.Outcome), ex.Field);
        Assert.Empty(review.Decisions);
    }

    [Fact]
    public void DecidingNotToCommissionNeedsNoCriterion()
    {
        var review = new ReviewBuilder().Build();

        var decision = review.RecordDecision(Decision(DecisionOutcome.DoNotCommission, false, false, false), Chair, Now);

        Assert.False(decision.AllCriteriaMet);
        Assert.False(decision.CommissionsAReview);
    }

    [Fact]
    public void DecisionRecordsWhoDecidedAndWhen()
    {
        var review = new ReviewBuilder().Build();

        var decision = review.RecordDecision(Decision(), Chair, Now);

        Assert.Equal(Chair.UserId, decision.DecidedByUserId);
        Assert.Equal(Chair.Name, decision.DecidedByName);
        Assert.Equal(Now, decision.RecordedAtUtc);
        Assert.Null(decision.CorrectsDecisionId);
        Assert.True(decision.AllCriteriaMet);
    }

    [Fact]
    public void CorrectionKeepsTheEarlierDecisionAndTheNewestIsCurrent()
    {
        var review = new ReviewBuilder().Build();
        var first = Ids.Assign(review.RecordDecision(Decision(DecisionOutcome.Commission), Chair, Now.AddHours(-2)), 7);

        var second = review.RecordDecision(Decision(DecisionOutcome.DoNotCommission, relationship: false), Chair, Now);

        Assert.Equal(2, review.Decisions.Count);
        Assert.Same(first, review.Decisions[0]);
        Assert.Equal(DecisionOutcome.Commission, first.Outcome);
        Assert.Same(second, review.CurrentDecision);
        Assert.Equal(7, second.CorrectsDecisionId);
        Assert.False(review.IsCommissioned);
        Assert.Equal(ReviewStage.NotCommissioned, review.Stage);
    }

    [Fact]
    public void CurrentDecisionIsTheLastRecordedNotTheLastAdded()
    {
        var review = new ReviewBuilder().Build();
        var later = review.RecordDecision(Decision(DecisionOutcome.Commission), Chair, Now);

        review.RecordDecision(Decision(DecisionOutcome.DoNotCommission, relationship: false), Chair, Now.AddDays(-1));

        Assert.Same(later, review.CurrentDecision);
    }

    [Fact]
    public void DecisionDatedAfterTheHomeOfficeWasToldIsRefused()
    {
        var review = new ReviewBuilder().Commissioned().HomeOfficeTold().Build();

        var ex = Refused(() => review.RecordDecision(Decision(decidedOn: ReviewBuilder.HomeOfficeToldOn.AddDays(1)), Chair, Now.AddMinutes(1)));

        Assert.Equal(nameof(DecisionInput.DecidedOn), ex.Field);
        Assert.Single(review.Decisions);
    }

    // Stage 3: Home Office

    [Fact]
    public void HomeOfficeCannotBeToldBeforeADecision()
    {
        var review = new ReviewBuilder().Build();

        Refused(() => review.RecordHomeOfficeNotified(ReviewBuilder.HomeOfficeToldOn, "Cara", Coordinator, Now));

        Assert.Null(review.HomeOfficeNotifiedOn);
    }

    [Fact]
    public void HomeOfficeCannotBeToldBeforeTheDecisionDate()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused(() => review.RecordHomeOfficeNotified(ReviewBuilder.DecidedOn.AddDays(-1), "Cara", Coordinator, Now));

        Assert.Equal("NotifiedOn", ex.Field);
    }

    [Fact]
    public void HomeOfficeToldOfADecisionNotToCommission()
    {
        var review = new ReviewBuilder().NotCommissioned().HomeOfficeTold().Build();

        Assert.Equal(ReviewBuilder.HomeOfficeToldOn, review.HomeOfficeNotifiedOn);
        Assert.Equal("Cara Coordinator", review.HomeOfficeNotifiedBy);
    }

    // Commissioned-only stages

    [Fact]
    public void ChairCannotBeAppointedWithoutACommissionedReview()
    {
        var review = new ReviewBuilder().NotCommissioned().Build();

        var ex = Refused(() => review.AppointChair("Pat", null, ReviewBuilder.ChairAppointedOn, null, Coordinator, Now));

        Assert.Equal("This can only be recorded once the chair has decided to commission a review.", ex.Message);
    }

    [Fact]
    public void ChairCannotBeAppointedBeforeTheDecision()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused(() => review.AppointChair("Pat", null, ReviewBuilder.DecidedOn.AddDays(-1), null, Coordinator, Now));

        Assert.Equal("AppointedOn", ex.Field);
    }

    [Fact]
    public void PeriodUnderReviewCannotEndAfterTheDeath()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused(() => review.AgreeTermsOfReference(ReviewBuilder.TermsAgreedOn, new DateOnly(2024, 1, 1), review.DateOfDeath.AddDays(1), null, Coordinator, Now));

        Assert.Equal("PeriodTo", ex.Field);
    }

    [Fact]
    public void PeriodUnderReviewMustEndAfterItStarts()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused(() => review.AgreeTermsOfReference(ReviewBuilder.TermsAgreedOn, new DateOnly(2025, 6, 1), new DateOnly(2025, 5, 1), null, Coordinator, Now));

        Assert.Equal("PeriodTo", ex.Field);
    }

    [Fact]
    public void SameReportCannotBeRequestedTwiceFromOneAgency()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        review.RequestAgencyReport(4, AgencyReportKind.Chronology, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), Coordinator, Now);

        var ex = Refused(() => review.RequestAgencyReport(4, AgencyReportKind.Chronology, new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 2), Coordinator, Now));
        review.RequestAgencyReport(4, AgencyReportKind.IndividualManagementReview, new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 2), Coordinator, Now);

        Assert.Equal("AgencyId", ex.Field);
        Assert.Equal(2, review.AgencyReports.Count);
    }

    [Fact]
    public void AgencyReportMustBeDueAfterItIsRequested()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused(() => review.RequestAgencyReport(4, AgencyReportKind.Chronology, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), Coordinator, Now));

        Assert.Equal("DueOn", ex.Field);
    }

    [Fact]
    public void ReceivedAgencyReportIsNoLongerOutstanding()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var report = Ids.Assign(review.RequestAgencyReport(4, AgencyReportKind.Chronology, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), Coordinator, Now), 3);

        review.RecordAgencyReportReceived(3, new DateOnly(2026, 3, 28), TestData.Officer, Now);

        Assert.False(report.IsOutstanding);
        Assert.Equal(TestData.Officer.Name, report.ReceivedRecordedBy);
        Refused(() => review.RecordAgencyReportReceived(99, new DateOnly(2026, 3, 28), TestData.Officer, Now));
    }

    [Fact]
    public void FamilyResponseNeedsADate()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused(() => review.RecordFamilyContact("Sister of Adult A", new DateOnly(2026, 3, 1), FamilyResponse.Accepted, null, "AAFDA", null, Coordinator, Now));

        Assert.Equal("RespondedOn", ex.Field);
    }

    // Stage 8: pauses

    [Fact]
    public void PauseIsRefusedWhileAnotherIsOpen()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), null, null, Coordinator, Now);

        var ex = Refused(() => review.Pause(PauseReason.Inquest, new DateOnly(2026, 4, 1), null, null, Coordinator, Now));

        Assert.Equal("Reason", ex.Field);
        Assert.Single(review.Pauses);
        Assert.True(review.IsPaused);
    }

    [Fact]
    public void PauseIsAllowedOnceTheEarlierOneHasEnded()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var first = Ids.Assign(review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), null, null, Coordinator, Now), 1);
        review.EndPause(first.Id, new DateOnly(2026, 3, 31), Coordinator, Now);

        Assert.False(review.IsPaused);
        review.Pause(PauseReason.Inquest, new DateOnly(2026, 4, 1), null, new DateOnly(2026, 4, 2), Coordinator, Now);

        Assert.True(review.IsPaused);
        Assert.Equal(2, review.Pauses.Count);
    }

    [Fact]
    public void PauseStartingInsideAnEndedPauseIsRefused()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var first = Ids.Assign(review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 3, 1), null, null, Coordinator, Now), 1);
        review.EndPause(first.Id, new DateOnly(2026, 3, 31), Coordinator, Now);

        var ex = Refused(() => review.Pause(PauseReason.Inquest, new DateOnly(2026, 3, 31), null, null, Coordinator, Now));

        Assert.Equal("StartedOn", ex.Field);
    }

    [Fact]
    public void PauseStartingBeforeAnEndedPauseIsRefused()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var first = Ids.Assign(review.Pause(PauseReason.CriminalTrial, new DateOnly(2026, 4, 1), null, null, Coordinator, Now), 1);
        review.EndPause(first.Id, new DateOnly(2026, 4, 30), Coordinator, Now);

        // Open from 1 March, it runs on through the whole of the April pause.
        Refused(() => review.Pause(PauseReason.Inquest, new DateOnly(2026, 3, 1), null, null, Coordinator, Now));
    }

    [Fact]
    public void PauseCannotStartBeforeTheDecision()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused(() => review.Pause(PauseReason.Inquest, ReviewBuilder.DecidedOn.AddDays(-1), null, null, Coordinator, Now));

        Assert.Equal("StartedOn", ex.Field);
    }

    [Fact]
    public void HomeOfficeCannotBeToldOfAPauseBeforeItStarts()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused(() => review.Pause(PauseReason.Inquest, new DateOnly(2026, 3, 1), null, new DateOnly(2026, 2, 28), Coordinator, Now));

        Assert.Equal("HomeOfficeToldOn", ex.Field);
    }

    [Fact]
    public void PauseCannotBeRecordedForAReviewNotCommissioned()
    {
        var review = new ReviewBuilder().NotCommissioned().Build();

        Refused(() => review.Pause(PauseReason.Inquest, new DateOnly(2026, 3, 1), null, null, Coordinator, Now));
    }

    [Fact]
    public void PauseCannotEndBeforeItStarted()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var pause = Ids.Assign(review.Pause(PauseReason.Inquest, new DateOnly(2026, 3, 1), null, null, Coordinator, Now), 1);

        var ex = Refused(() => review.EndPause(pause.Id, new DateOnly(2026, 2, 28), Coordinator, Now));

        Assert.Equal("EndedOn", ex.Field);
        Assert.True(pause.IsOpen);
    }

    [Fact]
    public void EndedPauseCannotBeEndedAgain()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        var pause = Ids.Assign(review.Pause(PauseReason.Inquest, new DateOnly(2026, 3, 1), null, null, Coordinator, Now), 1);
        review.EndPause(pause.Id, new DateOnly(2026, 3, 5), Coordinator, Now);

        var ex = Refused(() => review.EndPause(pause.Id, new DateOnly(2026, 3, 9), Coordinator, Now));

        Assert.Equal("That pause has already ended.", ex.Message);
        Assert.Equal(new DateOnly(2026, 3, 5), pause.EndedOn);
    }

    // Stage 9: overview report

    [Fact]
    public void PanelCannotSignOffAnUndraftedReport()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused(() => review.RecordOverviewReport(null, ReviewBuilder.PanelSignedOffOn, null, Coordinator, Now));

        Assert.Equal("PanelSignedOffOn", ex.Field);
    }

    [Fact]
    public void CspCannotSignOffBeforeThePanel()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var missing = Refused(() => review.RecordOverviewReport(ReviewBuilder.DraftedOn, null, ReviewBuilder.CspSignedOffOn, Coordinator, Now));
        var earlier = Refused(() => review.RecordOverviewReport(ReviewBuilder.DraftedOn, ReviewBuilder.PanelSignedOffOn, ReviewBuilder.PanelSignedOffOn.AddDays(-1), Coordinator, Now));

        Assert.Equal("CspSignedOffOn", missing.Field);
        Assert.Equal("CspSignedOffOn", earlier.Field);
    }

    // Stage 10: QA

    [Fact]
    public void ReportGoesToQaOnlyAfterCspSignOff()
    {
        var review = new ReviewBuilder().Commissioned().Build();

        var ex = Refused(() => review.SubmitToQualityAssurance(ReviewBuilder.QaSubmittedOn, Coordinator, Now));

        Assert.Equal("SubmittedOn", ex.Field);
        Assert.Empty(review.QaSubmissions);
    }

    [Fact]
    public void SecondSubmissionIsRefusedWhileTheFirstAwaitsItsOutcome()
    {
        var review = new ReviewBuilder().WithQaOutcome(null).Build();

        var ex = Refused(() => review.SubmitToQualityAssurance(ReviewBuilder.QaSubmittedOn.AddDays(5), Coordinator, Now));

        Assert.Equal("The last submission is still with the QA panel. Record its outcome first.", ex.Message);
    }

    [Fact]
    public void SubmissionIsRefusedOnceTheReportIsCleared()
    {
        var review = new ReviewBuilder().WithQaOutcome(QaOutcome.PublishAfterChanges).Build();

        var ex = Refused(() => review.SubmitToQualityAssurance(ReviewBuilder.QaLetterOn.AddDays(1), Coordinator, Now));

        Assert.Equal("The QA panel has already cleared the report for publication.", ex.Message);
    }

    [Fact]
    public void OutcomeNeedsTheFeedbackLetterDate()
    {
        var review = new ReviewBuilder().WithQaOutcome(null).Build();

        var ex = Refused(() => review.RecordQaPanel(1, ReviewBuilder.QaPanelOn, null, QaOutcome.Publish, null, Coordinator, Now));

        Assert.Equal("FeedbackLetterOn", ex.Field);
    }

    [Fact]
    public void ResubmitOutcomeLoopsBackToTheOverviewReportAndAllowsANewSubmission()
    {
        var review = new ReviewBuilder().WithQaOutcome(QaOutcome.Resubmit).Build();
        Assert.Equal(ReviewStage.OverviewReport, review.Stage);

        var early = Refused(() => review.SubmitToQualityAssurance(ReviewBuilder.QaLetterOn.AddDays(-1), Coordinator, Now));
        var second = Ids.Assign(review.SubmitToQualityAssurance(ReviewBuilder.QaLetterOn.AddDays(20), Coordinator, Now), 2);

        Assert.Equal("SubmittedOn", early.Field);
        Assert.Equal(2, review.QaSubmissions.Count);
        Assert.Same(second, review.LatestQaSubmission);
        Assert.Equal(ReviewStage.QualityAssurance, review.Stage);

        review.RecordQaPanel(second.Id, null, ReviewBuilder.QaLetterOn.AddDays(40), QaOutcome.Publish, null, Coordinator, Now);

        Assert.Equal(ReviewStage.Publication, review.Stage);
        Assert.Equal(QaOutcome.Resubmit, review.QaSubmissions[0].Outcome);
    }

    // Stage 11: publication

    [Fact]
    public void PublicationIsRefusedBeforeQa()
    {
        var review = new ReviewBuilder().SignedOff().Build();

        var ex = Refused(() => review.Publish(ReviewBuilder.PublishedOn, "Website", null, null, Coordinator, Now));

        Assert.Equal("PublishedOn", ex.Field);
        Assert.False(review.IsPublished);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(QaOutcome.Resubmit)]
    public void PublicationIsRefusedUntilQaClearsTheReport(QaOutcome? outcome)
    {
        var review = new ReviewBuilder().WithQaOutcome(outcome).Build();

        var ex = Refused(() => review.Publish(ReviewBuilder.PublishedOn, "Website", null, null, Coordinator, Now));

        Assert.Equal("A review is published only after the Home Office QA panel clears it.", ex.Message);
    }

    [Theory]
    [InlineData(QaOutcome.Publish)]
    [InlineData(QaOutcome.PublishAfterChanges)]
    public void PublicationIsAllowedOnceQaClearsTheReport(QaOutcome outcome)
    {
        var review = new ReviewBuilder().WithQaOutcome(outcome).Build();

        review.Publish(ReviewBuilder.PublishedOn, " Partnership website ", ReviewBuilder.PublishedOn.AddDays(2), null, Coordinator, Now);

        Assert.True(review.IsPublished);
        Assert.Equal("Partnership website", review.PublishedWhere);
        Assert.Equal(ReviewBuilder.PublishedOn.AddDays(2), review.CommissionerCopySentOn);
        Assert.Equal(ReviewStage.ActionPlanDelivery, review.Stage);
    }

    [Fact]
    public void PublicationCannotPrecedeTheFeedbackLetter()
    {
        var review = new ReviewBuilder().WithQaOutcome(QaOutcome.Publish).Build();

        var ex = Refused(() => review.Publish(ReviewBuilder.QaLetterOn.AddDays(-1), "Website", null, null, Coordinator, Now));

        Assert.Equal("PublishedOn", ex.Field);
    }

    [Fact]
    public void CopyCannotBeSentBeforePublication()
    {
        var review = new ReviewBuilder().WithQaOutcome(QaOutcome.Publish).Build();

        var ex = Refused(() => review.Publish(ReviewBuilder.PublishedOn, "Website", ReviewBuilder.PublishedOn.AddDays(-1), null, Coordinator, Now));

        Assert.Equal("CommissionerCopySentOn", ex.Field);
    }

    [Theory]
    [InlineData(ReviewKind.Dhr)]
    [InlineData(ReviewKind.Susr)]
    public void SecretaryOfStateCopyIsRefusedUnlessTheReviewIsADardr(ReviewKind kind)
    {
        var review = new ReviewBuilder().OfKind(kind).WithQaOutcome(QaOutcome.Publish).Build();

        var ex = Refused(() => review.Publish(ReviewBuilder.PublishedOn, "Website", null, ReviewBuilder.PublishedOn, Coordinator, Now));

        Assert.Equal("SecretaryOfStateCopySentOn", ex.Field);
        Assert.Equal("Only a DARDR is copied to the Secretary of State.", ex.Message);
        Assert.False(review.IsPublished);
    }

    [Fact]
    public void SecretaryOfStateCopyIsRecordedForADardr()
    {
        var review = new ReviewBuilder().OfKind(ReviewKind.Dardr).WithQaOutcome(QaOutcome.Publish).Build();

        review.Publish(ReviewBuilder.PublishedOn, "Website", null, ReviewBuilder.PublishedOn.AddDays(3), Coordinator, Now);

        Assert.Equal(ReviewBuilder.PublishedOn.AddDays(3), review.SecretaryOfStateCopySentOn);
    }

    [Fact]
    public void QaOutcomeIsFrozenOncePublished()
    {
        var review = new ReviewBuilder().Published().Build();

        var ex = Refused(() => review.RecordQaPanel(1, ReviewBuilder.QaPanelOn, ReviewBuilder.QaLetterOn, QaOutcome.Resubmit, null, Coordinator, Now));

        Assert.Equal("Outcome", ex.Field);
        Assert.Equal(QaOutcome.Publish, review.LatestQaSubmission!.Outcome);
    }

    // Stage 12: closure

    [Fact]
    public void CommissionedReviewCannotCloseBeforePublication()
    {
        var review = new ReviewBuilder().WithQaOutcome(QaOutcome.Publish).Build();

        var ex = Refused(() => review.Close(TestData.Today, null, true, Coordinator, Now));

        Assert.Equal("ClosedOn", ex.Field);
        Assert.Null(review.ClosedOn);
    }

    [Fact]
    public void UndecidedReviewCannotClose()
    {
        var review = new ReviewBuilder().Build();

        Refused(() => review.Close(TestData.Today, null, true, Coordinator, Now));
    }

    [Fact]
    public void PublishedReviewCannotCloseWithActionsOutstanding()
    {
        var review = new ReviewBuilder().Published().Build();

        var ex = Refused(() => review.Close(TestData.Today, null, false, Coordinator, Now));

        Assert.Equal("Every action must be complete, with its evidence accepted, before the review closes.", ex.Message);
    }

    [Fact]
    public void PublishedReviewClosesWhenEveryActionIsComplete()
    {
        var review = new ReviewBuilder().Published().Build();

        review.Close(TestData.Today, " Agreed by the CSP board. ", true, Coordinator, Now);

        Assert.Equal(TestData.Today, review.ClosedOn);
        Assert.Equal("Agreed by the CSP board.", review.ClosureNote);
        Assert.Equal(ReviewStage.Closed, review.Stage);
    }

    [Fact]
    public void ReviewCannotCloseBeforeItWasPublished()
    {
        var review = new ReviewBuilder().Published().Build();

        var ex = Refused(() => review.Close(ReviewBuilder.PublishedOn.AddDays(-1), null, true, Coordinator, Now));

        Assert.Equal("ClosedOn", ex.Field);
    }

    [Fact]
    public void NotCommissionedReviewClosesOnlyAfterTheHomeOfficeIsTold()
    {
        var untold = new ReviewBuilder().NotCommissioned().Build();
        var told = new ReviewBuilder().NotCommissioned().HomeOfficeTold().Build();

        var ex = Refused(() => untold.Close(TestData.Today, null, false, Coordinator, Now));
        told.Close(ReviewBuilder.HomeOfficeToldOn, null, false, Coordinator, Now);

        Assert.Equal("Tell the Home Office of the decision not to commission before closing the case.", ex.Message);
        Assert.Equal(ReviewStage.Closed, told.Stage);
    }

    [Fact]
    public void NotCommissionedReviewCannotCloseBeforeTheHomeOfficeWasTold()
    {
        var review = new ReviewBuilder().NotCommissioned().HomeOfficeTold().Build();

        var ex = Refused(() => review.Close(ReviewBuilder.HomeOfficeToldOn.AddDays(-1), null, false, Coordinator, Now));

        Assert.Equal("ClosedOn", ex.Field);
    }

    [Fact]
    public void NotCommissionedReviewClosedTooEarlyIsToldAboutTheHomeOffice()
    {
        var review = new ReviewBuilder().NotCommissioned().HomeOfficeTold().Build();

        var ex = Refused(() => review.Close(ReviewBuilder.HomeOfficeToldOn.AddDays(-1), null, false, Coordinator, Now));

        Assert.DoesNotContain("published", ex.Message);
    }

    [Fact]
    public void ClosedCaseTakesNoMoreStageRecords()
    {
        var review = new ReviewBuilder().Published().Build();
        review.Close(TestData.Today, null, true, Coordinator, Now);

        var ex = Refused(() => review.AddPanelMember(4, "Sam", "Police representative", Coordinator, Now));

        Assert.Equal("The review is closed.", ex.Message);
    }

    [Fact]
    public void FutureClosureIsRefused()
    {
        var review = new ReviewBuilder().Published().Build();

        var ex = Refused(() => review.Close(TestData.Today.AddDays(1), null, true, Coordinator, Now));

        Assert.Equal("ClosedOn", ex.Field);
    }

    // Stage derivation

    [Fact]
    public void StageFollowsTheReviewThroughEveryStep()
    {
        var review = new ReviewBuilder().Build();
        Assert.Equal(ReviewStage.AwaitingDecision, review.Stage);

        review.RecordDecision(TestData.Commission(ReviewBuilder.DecidedOn), Chair, Now);
        Assert.Equal(ReviewStage.ChairToBeAppointed, review.Stage);

        review.AppointChair("Pat Independent", null, ReviewBuilder.ChairAppointedOn, "Pat Independent", Coordinator, Now);
        Assert.Equal(ReviewStage.PanelAndTerms, review.Stage);

        review.AgreeTermsOfReference(ReviewBuilder.TermsAgreedOn, new DateOnly(2024, 1, 1), review.DateOfDeath, null, Coordinator, Now);
        Assert.Equal(ReviewStage.UnderReview, review.Stage);

        review.RecordOverviewReport(ReviewBuilder.DraftedOn, null, null, Coordinator, Now);
        Assert.Equal(ReviewStage.OverviewReport, review.Stage);

        review.RecordOverviewReport(ReviewBuilder.DraftedOn, ReviewBuilder.PanelSignedOffOn, ReviewBuilder.CspSignedOffOn, Coordinator, Now);
        var submission = Ids.Assign(review.SubmitToQualityAssurance(ReviewBuilder.QaSubmittedOn, Coordinator, Now), 1);
        Assert.Equal(ReviewStage.QualityAssurance, review.Stage);

        review.RecordQaPanel(submission.Id, ReviewBuilder.QaPanelOn, ReviewBuilder.QaLetterOn, QaOutcome.PublishAfterChanges, null, Coordinator, Now);
        Assert.Equal(ReviewStage.Publication, review.Stage);

        review.Publish(ReviewBuilder.PublishedOn, "Website", null, null, Coordinator, Now);
        Assert.Equal(ReviewStage.ActionPlanDelivery, review.Stage);

        review.Close(TestData.Today, null, true, Coordinator, Now);
        Assert.Equal(ReviewStage.Closed, review.Stage);
    }

    [Fact]
    public void EveryStageIsReachable()
    {
        Review Closed()
        {
            var r = new ReviewBuilder().NotCommissioned().HomeOfficeTold().Build();
            r.Close(TestData.Today, null, false, Coordinator, Now);
            return r;
        }

        var reached = new[]
        {
            new ReviewBuilder().Build(),
            new ReviewBuilder().NotCommissioned().Build(),
            new ReviewBuilder().Commissioned().Build(),
            new ReviewBuilder().SignedOff().Build(),
            new ReviewBuilder().WithQaOutcome(null).Build(),
            new ReviewBuilder().WithQaOutcome(QaOutcome.Publish).Build(),
            new ReviewBuilder().Published().Build(),
            Closed(),
        }.Select(r => r.Stage).ToHashSet();

        var chairAppointed = new ReviewBuilder().Commissioned().Build();
        chairAppointed.AppointChair("Pat", null, ReviewBuilder.ChairAppointedOn, null, Coordinator, Now);
        reached.Add(chairAppointed.Stage);
        chairAppointed.AgreeTermsOfReference(ReviewBuilder.TermsAgreedOn, new DateOnly(2024, 1, 1), chairAppointed.DateOfDeath, null, Coordinator, Now);
        reached.Add(chairAppointed.Stage);

        Assert.Equal(Enum.GetValues<ReviewStage>().ToHashSet(), reached);
    }

    [Fact]
    public void StageRecordsKeepWhoLastTouchedEachStage()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        review.AddPanelMember(4, "Sam", "Police representative", Coordinator, Now);

        review.AddPanelMember(5, "Jo", "Health representative", TestData.Chair, Now.AddHours(1));

        var record = review.StageRecords.Single(s => s.Stage == ReviewStageNumber.PanelAndTerms);
        Assert.Equal(TestData.Chair.Name, record.RecordedByName);
        Assert.Equal(Now.AddHours(1), record.RecordedAtUtc);
        Assert.Equal(2, review.Panel.Count);
    }
}
