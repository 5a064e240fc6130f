using DhrTracker.Domain.Reviews;

namespace DhrTracker.Tests.Domain;

/// <summary>A commissioned review's stages read "in progress" only once reached or begun; those ahead have not started.</summary>
[UseCulture("en-GB")]
public class ReviewTimelineStateTests
{
    private static StageState State(Review review, int stage) =>
        ReviewTimeline.Build(review, TestData.Settings, TestData.Today).Single(e => e.Stage == stage).State;

    [Fact]
    public void JustCommissionedReviewIsAppointingItsChairAndHasNotStartedLaterStages()
    {
        var review = new ReviewBuilder().Commissioned().HomeOfficeTold().Build();

        Assert.Equal(StageState.InProgress, State(review, ReviewStageNumber.ChairAppointed));
        foreach (var stage in new[] { ReviewStageNumber.PanelAndTerms, ReviewStageNumber.AgencyReports, ReviewStageNumber.Family, ReviewStageNumber.ParallelProceedings, ReviewStageNumber.QualityAssurance, ReviewStageNumber.Publication, ReviewStageNumber.Closure })
        {
            Assert.Equal(StageState.NotStarted, State(review, stage));
        }
    }

    [Fact]
    public void PanelIsInProgressOnceAMemberJoins()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        review.AddPanelMember(4, "Sam", "Police representative", TestData.Coordinator, TestData.NowUtc);

        Assert.Equal(StageState.InProgress, State(review, ReviewStageNumber.PanelAndTerms));
    }

    [Fact]
    public void ReviewUnderWayHasAgencyReportsAndFamilyInProgress()
    {
        var review = new ReviewBuilder().Commissioned().Build();
        review.AppointChair("Pat", null, ReviewBuilder.ChairAppointedOn, null, TestData.Coordinator, TestData.NowUtc);
        review.AgreeTermsOfReference(ReviewBuilder.TermsAgreedOn, new DateOnly(2024, 1, 1), review.DateOfDeath, null, TestData.Coordinator, TestData.NowUtc);

        Assert.Equal(StageState.Done, State(review, ReviewStageNumber.PanelAndTerms));
        Assert.Equal(StageState.InProgress, State(review, ReviewStageNumber.AgencyReports));
        Assert.Equal(StageState.InProgress, State(review, ReviewStageNumber.Family));
        Assert.Equal(StageState.NotStarted, State(review, ReviewStageNumber.QualityAssurance));
    }

    [Fact]
    public void SubmissionAwaitingThePanelIsInProgressAndPublicationHasNotStarted()
    {
        var review = new ReviewBuilder().WithQaOutcome(null).Build();

        Assert.Equal(StageState.InProgress, State(review, ReviewStageNumber.QualityAssurance));
        Assert.Equal(StageState.NotStarted, State(review, ReviewStageNumber.Publication));
    }

    [Fact]
    public void ClearedReportIsAwaitingPublication()
    {
        var review = new ReviewBuilder().WithQaOutcome(QaOutcome.PublishAfterChanges).Build();

        Assert.Equal(StageState.Done, State(review, ReviewStageNumber.QualityAssurance));
        Assert.Equal(StageState.InProgress, State(review, ReviewStageNumber.Publication));
        Assert.Equal(StageState.NotStarted, State(review, ReviewStageNumber.Closure));
    }

    [Fact]
    public void PublishedReviewIsDeliveringItsActionPlan()
    {
        var review = new ReviewBuilder().Published().Build();

        Assert.Equal(StageState.Done, State(review, ReviewStageNumber.Publication));
        Assert.Equal(StageState.InProgress, State(review, ReviewStageNumber.Closure));
    }
}
