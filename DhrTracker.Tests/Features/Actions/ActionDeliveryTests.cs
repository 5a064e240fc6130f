using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Domain;
using DhrTracker.Tests.Features.Plans;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Actions.DecideCompletion;
using DhrTracker.Web.Features.Actions.DecideTargetRevision;
using DhrTracker.Web.Features.Actions.GetAction;
using DhrTracker.Web.Features.Actions.GetMyActions;
using DhrTracker.Web.Features.Actions.MarkMilestoneAchieved;
using DhrTracker.Web.Features.Actions.PostUpdate;
using DhrTracker.Web.Features.Actions.ProposeCompletion;
using DhrTracker.Web.Features.Actions.RequestTargetRevision;
using DhrTracker.Web.Features.Reviews.GetReview;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Actions;

/// <summary>The lead officer delivers their agency's action; the co-ordinator decides. Through the real handlers.</summary>
[UseCulture("en-GB")]
public sealed class ActionDeliveryTests : IAsyncLifetime
{
    private const string PoliceTraining = "Refresh the DASH risk assessment training package";
    private const string HavenIdva = "Offer IDVA support within 48 hours";
    private const string PoliceNotifications = "Share police domestic abuse incident notifications";
    private const string CountyAgreement = "Refresh the Eastshire multi-agency information sharing agreement";
    private const string OlderVictimsModule = "Add a module on older victims";

    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DateOnly Today => _app.Database.Today;

    private async Task<ActionPageView> ViewAsync(int actionId) => await _app.SendAsync(new GetActionQuery(actionId));

    [Fact]
    public async Task LeadOfficerDeliversAndTheCoordinatorsAcceptanceTurnsActionRecommendationAndReviewBlue()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var (reviewId, _, actionId, milestoneId) = await _app.EnterSmallPlanAsync();

        await _app.SignInAsAsync(DemoData.Emails.DaServiceOfficer);
        var mine = await _app.SendAsync(new GetMyActionsQuery());
        Assert.Contains(mine.Actions, a => a.Id == actionId);
        var view = await ViewAsync(actionId);
        Assert.True(view.CanUpdate);
        Assert.False(view.CanDecide);
        Assert.Equal("Milestone 'Training pack agreed' overdue by 10 days", view.Status.Reason);
        Assert.Null(view.ReviewStatus);

        await _app.SendAsync(new MarkMilestoneAchievedCommand(actionId, milestoneId, view.Version, Today.AddDays(-2)));
        await _app.SendAsync(new PostUpdateCommand(actionId, await _app.ActionVersionAsync(actionId), "Pack agreed by the training lead; sessions booked.", null, null));
        view = await ViewAsync(actionId);
        Assert.Equal(Rag.Green, view.Status.Status);
        Assert.Equal(Today.AddDays(-2), view.Milestones.Single().AchievedOn);
        Assert.Equal("Pack agreed by the training lead; sessions booked.", view.Updates.Single().Narrative);
        Assert.Equal("Aisha Khan", view.Updates.Single().Author);

        await _app.SendAsync(new ProposeCompletionCommand(actionId, view.Version, Today, "All 14 outreach workers trained (register attached)."));
        view = await ViewAsync(actionId);
        Assert.True(view.Completion.AwaitingReview);
        Assert.Equal(Rag.Green, view.Status.Status);

        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        view = await ViewAsync(actionId);
        Assert.True(view.CanDecide);
        Assert.Equal(Rag.Green, view.ReviewStatus!.Status);
        await _app.SendAsync(new DecideCompletionCommand(actionId, view.Version, true, null));

        view = await ViewAsync(actionId);
        Assert.Equal(new StatusAssessment(Rag.Blue, "Complete: evidence accepted on 23 November 2026"), view.Status);
        Assert.Equal(Rag.Blue, view.RecommendationStatus!.Status);
        Assert.Equal("All 1 action(s) complete", view.RecommendationStatus.Reason);
        Assert.Equal(Rag.Blue, view.ReviewStatus!.Status);
        Assert.Equal("All 1 recommendation(s) complete", view.ReviewStatus.Reason);
        Assert.Equal("All 14 outreach workers trained (register attached).", view.Completion.Evidence);
        var review = await _app.SendAsync(new GetReviewQuery(reviewId));
        Assert.Equal(Rag.Blue, review.ActionPlan!.Overall.Status);
    }

    [Fact]
    public async Task LeadOfficerSeesNoRollUpsThatNameOtherAgencies()
    {
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);

        var view = await ViewAsync(await _app.ActionIdAsync(PoliceTraining));

        Assert.Null(view.RecommendationStatus);
        Assert.Null(view.ReviewStatus);
        Assert.False(view.CanOpenReview);
        Assert.Equal("Milestone 'Training pack agreed' overdue by 41 days", view.Status.Reason);
    }

    [Fact]
    public async Task LeadOfficerOfAnotherAgencyCannotSeeOrTouchTheAction()
    {
        var police = await _app.ActionIdAsync(PoliceTraining);
        var milestone = await _app.WithDbAsync(db => db.Set<Milestone>().Where(m => m.ActionItemId == police && m.AchievedOn == null).Select(m => m.Id).FirstAsync());
        var version = await _app.ActionVersionAsync(police);
        await _app.SignInAsAsync(DemoData.Emails.DaServiceOfficer);

        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new GetActionQuery(police)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new PostUpdateCommand(police, version, "Not mine", null, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new MarkMilestoneAchievedCommand(police, milestone, version, Today)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new ProposeCompletionCommand(police, version, Today, "Not mine")));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new RequestTargetRevisionCommand(police, version, Today.AddMonths(9), "Not mine")));
        Assert.Equal(version, await _app.ActionVersionAsync(police));
    }

    [Fact]
    public async Task LeadOfficerOfAnotherPartnershipCannotFindTheAction()
    {
        var police = await _app.ActionIdAsync(PoliceTraining);
        var version = await _app.ActionVersionAsync(police);
        await _app.SignInAsAsync(DemoData.Emails.SecondPoliceOfficer);

        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new GetActionQuery(police)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new PostUpdateCommand(police, version, "Not ours", null, null)));
    }

    [Theory]
    [InlineData(DemoData.Emails.Coordinator)]
    [InlineData(DemoData.Emails.Chair)]
    [InlineData(DemoData.Emails.Scrutiny)]
    [InlineData(DemoData.Emails.Administrator)]
    public async Task OnlyLeadOfficersUpdateActions(string email)
    {
        var police = await _app.ActionIdAsync(PoliceTraining);
        var version = await _app.ActionVersionAsync(police);
        await _app.SignInAsAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new PostUpdateCommand(police, version, "Update", null, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new ProposeCompletionCommand(police, version, Today, "Evidence")));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new RequestTargetRevisionCommand(police, version, Today.AddMonths(9), "Reason")));
    }

    [Theory]
    [InlineData(DemoData.Emails.Chair)]
    [InlineData(DemoData.Emails.Scrutiny)]
    [InlineData(DemoData.Emails.DaServiceOfficer)]
    [InlineData(DemoData.Emails.Administrator)]
    public async Task OnlyTheCoordinatorDecides(string email)
    {
        var haven = await _app.ActionIdAsync(HavenIdva);
        var notifications = await _app.ActionIdAsync(PoliceNotifications);
        var revisionId = await _app.WithDbAsync(db => db.Set<TargetDateRevision>().Where(r => r.ActionItemId == notifications && r.State == RevisionState.Pending).Select(r => r.Id).SingleAsync());
        await _app.SignInAsAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new DecideCompletionCommand(haven, await _app.ActionVersionAsync(haven), true, null)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new DecideTargetRevisionCommand(notifications, revisionId, await _app.ActionVersionAsync(notifications), true, null)));
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        Assert.True((await ViewAsync(haven)).Completion.AwaitingReview);
    }

    [Fact]
    public async Task AdministratorCannotReadActions()
    {
        await _app.SignInAsAsync(DemoData.Emails.Administrator);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await ViewAsync(await _app.ActionIdAsync(PoliceTraining)));
    }

    [Fact]
    public async Task ScrutinyReadsActionsOfPublishedReviewsOnly()
    {
        await _app.SignInAsAsync(DemoData.Emails.Scrutiny);

        var published = await ViewAsync(await _app.ActionIdAsync(PoliceTraining));
        await Assert.ThrowsAsync<NotFoundException>(async () => await ViewAsync(await _app.ActionIdAsync(OlderVictimsModule)));

        Assert.False(published.CanUpdate);
        Assert.False(published.CanDecide);
        Assert.NotNull(published.ReviewStatus);
    }

    [Fact]
    public async Task RatingBetterThanTheDatesIsRefusedNextToTheRatingAndNothingIsSaved()
    {
        var police = await _app.ActionIdAsync(PoliceTraining);
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var before = await ViewAsync(police);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new PostUpdateCommand(police, before.Version, "All fine really", Rag.Green, null)));

        Assert.Equal("Assessment", ex.Field);
        Assert.StartsWith("You can rate an action worse than its dates say, never better. The dates say Red", ex.Message);
        var after = await ViewAsync(police);
        Assert.Equal(before.Updates.Count, after.Updates.Count);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task RatingWorseThanTheDatesWithAReasonIsShownWithThatReason()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var (_, _, actionId, milestoneId) = await _app.EnterSmallPlanAsync();
        await _app.SignInAsAsync(DemoData.Emails.DaServiceOfficer);
        await _app.SendAsync(new MarkMilestoneAchievedCommand(actionId, milestoneId, await _app.ActionVersionAsync(actionId), Today));

        await _app.SendAsync(new PostUpdateCommand(actionId, await _app.ActionVersionAsync(actionId), "Trainer has left.", Rag.Red, "No trainer until the spring."));

        var view = await ViewAsync(actionId);
        Assert.Equal(Rag.Red, view.Status.Status);
        Assert.StartsWith("Rated Red by the lead officer: No trainer until the spring.", view.Status.Reason);
        Assert.Equal(Rag.Green, view.FromDates.Status);
    }

    [Fact]
    public async Task TwoUpdatesFromTheSameLoadedVersionConflictAndTheFirstIsKept()
    {
        var police = await _app.ActionIdAsync(PoliceTraining);
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var loaded = await ViewAsync(police);

        await _app.SendAsync(new PostUpdateCommand(police, loaded.Version, "First officer's update.", null, null));
        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsync(new PostUpdateCommand(police, loaded.Version, "Second officer's update.", null, null)));

        var view = await ViewAsync(police);
        Assert.Equal(loaded.Updates.Count + 1, view.Updates.Count);
        Assert.Equal("First officer's update.", view.Updates[0].Narrative);
    }

    [Fact]
    public async Task MilestoneAchievedFromAStaleVersionConflicts()
    {
        var police = await _app.ActionIdAsync(PoliceTraining);
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var loaded = await ViewAsync(police);
        var open = loaded.Milestones.Where(m => m.AchievedOn is null).Select(m => m.Id).ToList();

        await _app.SendAsync(new MarkMilestoneAchievedCommand(police, open[0], loaded.Version, Today));
        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsync(new MarkMilestoneAchievedCommand(police, open[1], loaded.Version, Today)));

        var view = await ViewAsync(police);
        Assert.Equal(Today, view.Milestones.Single(m => m.Id == open[0]).AchievedOn);
        Assert.Null(view.Milestones.Single(m => m.Id == open[1]).AchievedOn);
    }

    [Fact]
    public async Task MilestoneCannotBeAchievedInTheFutureOrWithoutADate()
    {
        var police = await _app.ActionIdAsync(PoliceTraining);
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var loaded = await ViewAsync(police);
        var open = loaded.Milestones.First(m => m.AchievedOn is null).Id;

        var future = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new MarkMilestoneAchievedCommand(police, open, loaded.Version, Today.AddDays(1))));
        var missing = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new MarkMilestoneAchievedCommand(police, open, loaded.Version, null)));

        Assert.Equal("AchievedOn", future.Field);
        Assert.Equal("AchievedOn", missing.Field);
        Assert.Null((await ViewAsync(police)).Milestones.Single(m => m.Id == open).AchievedOn);
    }

    [Fact]
    public async Task CompletionIsRefusedWhileAMilestoneIsOpen()
    {
        var police = await _app.ActionIdAsync(PoliceTraining);
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var loaded = await ViewAsync(police);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new ProposeCompletionCommand(police, loaded.Version, Today, "Done")));

        Assert.Equal("CompletedOn", ex.Field);
        Assert.False((await ViewAsync(police)).Completion.AwaitingReview);
    }

    [Fact]
    public async Task ReturnedProposalSaysWhyAndStaysOpen()
    {
        var haven = await _app.ActionIdAsync(HavenIdva);
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var loaded = await ViewAsync(haven);

        var noReason = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new DecideCompletionCommand(haven, loaded.Version, false, " ")));
        await _app.SendAsync(new DecideCompletionCommand(haven, loaded.Version, false, "Please attach the second audit's figures."));

        Assert.Equal("Reason", noReason.Field);
        var view = await ViewAsync(haven);
        Assert.False(view.Completion.AwaitingReview);
        Assert.NotEqual(Rag.Blue, view.Status.Status);
        Assert.Equal("Please attach the second audit's figures.", view.Completion.LastReturnReason);
        await _app.SignInAsAsync(DemoData.Emails.DaServiceOfficer);
        var row = (await _app.SendAsync(new GetMyActionsQuery())).Actions.Single(a => a.Id == haven);
        Assert.Equal("Please attach the second audit's figures.", row.LastReturnReason);
        Assert.False(row.CompletionAwaitingReview);
    }

    [Fact]
    public async Task ApprovedRevisedTargetKeepsTheBaselineAndShowsTheSlippage()
    {
        var police = await _app.ActionIdAsync(PoliceTraining);
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var loaded = await ViewAsync(police);
        var baseline = loaded.OriginalTargetDate!.Value;
        var requested = baseline.AddDays(92);

        await _app.SendAsync(new RequestTargetRevisionCommand(police, loaded.Version, requested, "The force training board meets in January."));
        var pending = (await ViewAsync(police)).PendingRevision!;
        Assert.Equal(92, pending.SlippageIfApproved);
        Assert.Equal(requested, (await _app.SendAsync(new GetMyActionsQuery())).Actions.Single(a => a.Id == police).RevisionRequestedDate);

        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        await _app.SendAsync(new DecideTargetRevisionCommand(police, pending.Id, await _app.ActionVersionAsync(police), true, "Agreed."));

        var view = await ViewAsync(police);
        Assert.Equal(requested, view.TargetDate);
        Assert.Equal(baseline, view.OriginalTargetDate);
        Assert.Equal(92, view.SlippageDays);
        Assert.Equal(RevisionState.Approved, view.Revisions[0].State);
        Assert.Null(view.PendingRevision);
        var onReview = (await _app.SendAsync(new GetReviewQuery(view.ReviewId))).ActionPlan!.Recommendations.SelectMany(r => r.Actions).Single(a => a.Id == police);
        Assert.Equal(92, onReview.SlippageDays);
        Assert.Equal(baseline, onReview.OriginalTargetDate);
    }

    [Fact]
    public async Task RefusedRevisionNeedsANoteAndLeavesTheTarget()
    {
        var notifications = await _app.ActionIdAsync(PoliceNotifications);
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var loaded = await ViewAsync(notifications);
        var pending = loaded.PendingRevision!;

        var noNote = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new DecideTargetRevisionCommand(notifications, pending.Id, loaded.Version, false, null)));
        await _app.SendAsync(new DecideTargetRevisionCommand(notifications, pending.Id, loaded.Version, false, "Run the pilot on the old system."));

        Assert.Equal("Note", noNote.Field);
        var view = await ViewAsync(notifications);
        Assert.Equal(loaded.TargetDate, view.TargetDate);
        Assert.Equal(RevisionState.Refused, view.Revisions[0].State);
        Assert.Equal("Run the pilot on the old system.", view.Revisions[0].Note);
    }

    [Fact]
    public async Task SecondRevisionRequestWaitsForTheFirstDecision()
    {
        var notifications = await _app.ActionIdAsync(PoliceNotifications);
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);

        var ex = await Assert.ThrowsAsync<DomainException>(async () =>
            await _app.SendAsync(new RequestTargetRevisionCommand(notifications, await _app.ActionVersionAsync(notifications), Today.AddMonths(10), "More time")));

        Assert.Equal("RequestedDate", ex.Field);
    }

    [Fact]
    public async Task CoordinatorDecidingAStaleProposalIsToldOfTheConflict()
    {
        var county = await _app.ActionIdAsync(CountyAgreement);
        await _app.SignInAsAsync(DemoData.Emails.CouncilOfficer);
        await _app.SendAsync(new ProposeCompletionCommand(county, await _app.ActionVersionAsync(county), Today.AddDays(-1), "Signatory list attached; probation signed on 20 November."));
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var loaded = await ViewAsync(county);
        Assert.True(loaded.Completion.AwaitingReview);
        await _app.SignInAsAsync(DemoData.Emails.CouncilOfficer);
        await _app.SendAsync(new PostUpdateCommand(county, loaded.Version, "Added the signatory list to the shared drive.", null, null));

        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsync(new DecideCompletionCommand(county, loaded.Version, true, null)));

        Assert.False((await ViewAsync(county)).Completion.IsComplete);
    }
}
