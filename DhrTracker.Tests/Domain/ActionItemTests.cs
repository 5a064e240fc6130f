using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;

namespace DhrTracker.Tests.Domain;

[UseCulture("en-GB")]
public class ActionItemTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTime Now = At(Today);
    private static readonly StatusThresholds Thresholds = StatusThresholds.Default;
    private static readonly Actor Officer = TestData.Officer;
    private static readonly Actor Coordinator = TestData.Coordinator;

    private static DateTime At(DateOnly date, int hour = 12) => date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    private static DomainException Refused(Action act) => Assert.Throws<DomainException>(act);

    private static ActionItem Proposed()
    {
        var action = new ActionBuilder().WithMilestone("Training pack agreed", new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 20)).Build();
        action.ProposeCompletion(new DateOnly(2026, 6, 1), "Attendance register: 94% of practices trained", Officer, Today);
        return action;
    }

    private static ActionItem Completed()
    {
        var action = Proposed();
        action.AcceptCompletion(Coordinator, Today);
        return action;
    }

    // Setting up

    [Fact]
    public void NewActionKeepsItsTargetAsTheBaseline()
    {
        var action = new ActionBuilder().Build();

        Assert.Equal(ActionBuilder.TargetDate, action.TargetDate);
        Assert.Equal(ActionBuilder.TargetDate, action.OriginalTargetDate);
        Assert.Equal(0, action.SlippageDays);
        Assert.False(action.IsComplete);
        Assert.Null(action.LatestUpdate);
    }

    [Fact]
    public void SupportingAgenciesLeaveOutTheLeadAndRepeats()
    {
        var action = new ActionBuilder().SupportedBy(4, 5, 5, 6).Build();

        Assert.Equal([5, 6], action.SupportingAgencies.Select(s => s.AgencyId).Order());
    }

    [Fact]
    public void EditingReplacesTheSupportingAgencies()
    {
        var action = new ActionBuilder().SupportedBy(5, 6).Build();

        action.Edit(ActionBuilder.Details(supporting: [6, 7]));

        Assert.Equal([6, 7], action.SupportingAgencies.Select(s => s.AgencyId).Order());
    }

    [Fact]
    public void LeadAgencyIsRequired()
    {
        var ex = Refused(() => new ActionItem(1, 10, 20, ActionBuilder.Details(leadAgencyId: 0), Today, 1));

        Assert.Equal(nameof(ActionDetails.LeadAgencyId), ex.Field);
        Assert.Equal("Choose the lead agency.", ex.Message);
    }

    [Fact]
    public void DescriptionIsRequired()
    {
        var ex = Refused(() => new ActionItem(1, 10, 20, ActionBuilder.Details(description: "  "), Today, 1));

        Assert.Equal(nameof(ActionDetails.Description), ex.Field);
        Assert.Equal("Action to take is required.", ex.Message);
    }

    [Fact]
    public void ImplausibleTargetDateIsRefused()
    {
        var ex = Refused(() => new ActionItem(1, 10, 20, ActionBuilder.Details(targetDate: new DateOnly(2202, 1, 1)), Today, 1));

        Assert.Equal(nameof(ActionDetails.TargetDate), ex.Field);
    }

    [Fact]
    public void EditBeforeAnyRevisionMovesTheBaseline()
    {
        var action = new ActionBuilder().Build();

        action.Edit(ActionBuilder.Details(targetDate: new DateOnly(2027, 3, 31)));

        Assert.Equal(new DateOnly(2027, 3, 31), action.TargetDate);
        Assert.Equal(new DateOnly(2027, 3, 31), action.OriginalTargetDate);
    }

    [Fact]
    public void EditAfterARevisionLeavesTheDatesToTheRevision()
    {
        var action = new ActionBuilder().Build();
        var revision = action.RequestTargetRevision(new DateOnly(2027, 3, 31), "Funding delayed", Officer, Now);
        action.DecideTargetRevision(revision.Id, true, null, Coordinator, Now);

        action.Edit(ActionBuilder.Details(targetDate: new DateOnly(2027, 6, 30), description: "Deliver DA training to GP practices and pharmacies"));

        Assert.Equal("Deliver DA training to GP practices and pharmacies", action.Description);
        Assert.Equal(new DateOnly(2027, 3, 31), action.TargetDate);
        Assert.Equal(ActionBuilder.TargetDate, action.OriginalTargetDate);
    }

    [Fact]
    public void ActionWithoutATargetDateHasNoSlippageAndCannotPassIt()
    {
        var action = new ActionBuilder().DueBy(null).SetOn(Today.AddDays(-10)).Build();

        Assert.Null(action.TargetDate);
        Assert.Null(action.OriginalTargetDate);
        Assert.Equal(0, action.SlippageDays);
        Assert.Equal(new StatusAssessment(Rag.Green, "On target: no milestone overdue"), action.Status(Today.AddDays(60), Thresholds));
    }

    [Fact]
    public void ActionWithNoUpdateTurnsAmberNinetyDaysAfterItWasSet()
    {
        var quiet = new ActionBuilder().SetOn(Today.AddDays(-90)).Build();
        var fresh = new ActionBuilder().SetOn(Today.AddDays(-89)).Build();

        Assert.Equal(new StatusAssessment(Rag.Amber, "No progress update since the action was set 90 days ago"), quiet.Status(Today, Thresholds));
        Assert.Equal(Rag.Green, fresh.Status(Today, Thresholds).Status);
    }

    // Progress updates

    [Fact]
    public void UpdatesAreAppendedAndTheLatestWins()
    {
        var action = new ActionBuilder().Build();

        action.PostUpdate("Trainer has left; recruiting", Rag.Amber, "No trainer in post", Officer, At(Today.AddDays(-7)), Thresholds);
        action.PostUpdate("New trainer starts Monday", null, null, Officer, Now, Thresholds);

        Assert.Equal(["Trainer has left; recruiting", "New trainer starts Monday"], action.Updates.Select(u => u.Narrative));
        Assert.Equal("New trainer starts Monday", action.LatestUpdate!.Narrative);
        Assert.Equal(Today, action.LastUpdateOn);
        Assert.Equal(Rag.Green, action.Status(Today, Thresholds).Status);
    }

    [Fact]
    public void LatestUpdateIsTheLastPostedNotTheLastAdded()
    {
        var action = new ActionBuilder().Build();
        action.PostUpdate("Later", Rag.Amber, "Worried", Officer, Now, Thresholds);

        action.PostUpdate("Earlier, entered late", null, null, Officer, Now.AddDays(-3), Thresholds);

        Assert.Equal("Later", action.LatestUpdate!.Narrative);
        Assert.Equal(Rag.Amber, action.Status(Today, Thresholds).Status);
    }

    [Fact]
    public void UpdateRecordsWhoPostedItAndWhen()
    {
        var action = new ActionBuilder().Build();

        var update = action.PostUpdate("  Pack drafted  ", null, "   ", Officer, Now, Thresholds);

        Assert.Equal("Pack drafted", update.Narrative);
        Assert.Equal(Officer.UserId, update.AuthorUserId);
        Assert.Equal(Officer.Name, update.AuthorName);
        Assert.Equal(Now, update.PostedAtUtc);
        Assert.Null(update.Assessment);
        Assert.Null(update.AssessmentReason);
    }

    [Fact]
    public void UpdateNeedsANarrative()
    {
        var action = new ActionBuilder().Build();

        var ex = Refused(() => action.PostUpdate(" ", null, null, Officer, Now, Thresholds));

        Assert.Equal("Narrative", ex.Field);
        Assert.Empty(action.Updates);
    }

    [Fact]
    public void RatingBetterThanTheDatesIsRefused()
    {
        var action = new ActionBuilder().WithMilestone("Training pack agreed", Today.AddDays(-41)).Build();

        var ex = Refused(() => action.PostUpdate("Nearly there", Rag.Amber, "Close to done", Officer, Now, Thresholds));

        Assert.Equal("Assessment", ex.Field);
        Assert.Equal("You can rate an action worse than its dates say, never better. The dates say Red: Milestone 'Training pack agreed' overdue by 41 days.", ex.Message);
        Assert.Empty(action.Updates);
        Assert.Null(action.LastUpdateOn);
    }

    [Fact]
    public void RatingIsJudgedWithThePartnershipsThresholds()
    {
        var action = new ActionBuilder().WithMilestone("Training pack agreed", Today.AddDays(-20)).Build();
        var strict = new StatusThresholds(AmberMilestoneOverdueDays: 10, StaleUpdateDays: 90);

        action.PostUpdate("Slipping", Rag.Amber, null, Officer, Now, Thresholds);
        var ex = Refused(() => action.PostUpdate("Slipping", Rag.Amber, null, Officer, Now, strict));

        Assert.Contains("The dates say Red", ex.Message);
    }

    [Fact]
    public void BlueRatingIsRefused()
    {
        var action = new ActionBuilder().Build();

        var ex = Refused(() => action.PostUpdate("All done", Rag.Blue, "Finished", Officer, Now, Thresholds));

        Assert.Equal("Assessment", ex.Field);
        Assert.Contains("Propose completion instead", ex.Message);
        Assert.Empty(action.Updates);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void RatingWorseThanTheDatesNeedsAReason(string? reason)
    {
        var action = new ActionBuilder().Build();

        var ex = Refused(() => action.PostUpdate("Concerned", Rag.Red, reason, Officer, Now, Thresholds));

        Assert.Equal("AssessmentReason", ex.Field);
        Assert.Equal("Say why you rate it Red when the dates say Green.", ex.Message);
    }

    [Fact]
    public void RatingWorseThanTheDatesWithAReasonSetsTheStatus()
    {
        var action = new ActionBuilder().Build();

        action.PostUpdate("Concerned", Rag.Red, "Budget withdrawn", Officer, Now, Thresholds);

        var status = action.Status(Today, Thresholds);
        Assert.Equal(Rag.Red, status.Status);
        Assert.Contains("Budget withdrawn", status.Reason);
        Assert.Contains("the dates alone say Green", status.Reason);
    }

    [Fact]
    public void RatingEqualToTheDatesNeedsNoReason()
    {
        var action = new ActionBuilder().WithMilestone("Training pack agreed", Today.AddDays(-5)).Build();

        var update = action.PostUpdate("A little late", Rag.Amber, null, Officer, Now, Thresholds);

        Assert.Equal(Rag.Amber, update.Assessment);
    }

    [Fact]
    public void RatingIsJudgedAsIfTheUpdateWerePosted()
    {
        // No update since January: the dates say Amber until this update is posted, Green after.
        var action = new ActionBuilder().Build();
        Assert.Equal(Rag.Amber, action.Status(Today, Thresholds).Status);

        action.PostUpdate("Back on track", Rag.Green, null, Officer, Now, Thresholds);

        Assert.Equal(Rag.Green, action.Status(Today, Thresholds).Status);
    }

    // Milestones

    [Fact]
    public void MarkingAMilestoneAchievedLeavesTheOthersOpen()
    {
        var action = new ActionBuilder().WithMilestone("Pack drafted", new DateOnly(2026, 3, 1)).WithMilestone("Pack agreed", new DateOnly(2026, 4, 1)).Build();

        action.MarkMilestoneAchieved(2, new DateOnly(2026, 3, 28), Today);

        Assert.Null(action.Milestones[0].AchievedOn);
        Assert.Equal(new DateOnly(2026, 3, 28), action.Milestones[1].AchievedOn);
    }

    [Fact]
    public void MilestoneCannotBeAchievedInTheFuture()
    {
        var action = new ActionBuilder().WithMilestone("Pack drafted", new DateOnly(2026, 7, 1)).Build();

        var ex = Refused(() => action.MarkMilestoneAchieved(1, Today.AddDays(1), Today));

        Assert.Equal("AchievedOn", ex.Field);
        Assert.Null(action.Milestones[0].AchievedOn);
    }

    [Fact]
    public void UnknownMilestoneIsRefused()
    {
        var action = new ActionBuilder().WithMilestone("Pack drafted", new DateOnly(2026, 7, 1)).Build();

        var ex = Refused(() => action.MarkMilestoneAchieved(99, Today, Today));

        Assert.Equal("That milestone no longer exists.", ex.Message);
    }

    [Fact]
    public void MilestoneNeedsADescription()
    {
        var action = new ActionBuilder().Build();

        Refused(() => action.AddMilestone(" ", new DateOnly(2026, 7, 1)));

        Assert.Empty(action.Milestones);
    }

    [Fact]
    public void EditedMilestoneTakesItsNewDueDate()
    {
        var action = new ActionBuilder().WithMilestone("Pack drafted", Today.AddDays(-40)).Build();
        Assert.Equal(Rag.Red, ActionStatus.FromDates(action.StatusFacts(), Today, Thresholds).Status);

        action.EditMilestone(1, "Pack drafted and circulated", Today.AddDays(10));

        Assert.Equal("Pack drafted and circulated", action.Milestones[0].Description);
        Assert.NotEqual(Rag.Red, ActionStatus.FromDates(action.StatusFacts(), Today, Thresholds).Status);
    }

    // Completion

    [Fact]
    public void CompletionIsRefusedWhileAMilestoneIsUnachieved()
    {
        var action = new ActionBuilder().WithMilestone("Pack drafted", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1)).WithMilestone("Pack agreed", new DateOnly(2026, 4, 1)).Build();

        var ex = Refused(() => action.ProposeCompletion(Today, "Done", Officer, Today));

        Assert.Equal("CompletedOn", ex.Field);
        Assert.False(action.CompletionAwaitingReview);
        Assert.Null(action.ProposedCompletionOn);
    }

    [Fact]
    public void RemovingTheUnachievedMilestoneAllowsCompletion()
    {
        var action = new ActionBuilder().WithMilestone("No longer applies", new DateOnly(2026, 4, 1)).Build();

        action.RemoveMilestone(1);
        action.ProposeCompletion(Today, "Done", Officer, Today);

        Assert.True(action.CompletionAwaitingReview);
    }

    [Fact]
    public void CompletionCannotBeDatedInTheFuture()
    {
        var action = new ActionBuilder().Build();

        var ex = Refused(() => action.ProposeCompletion(Today.AddDays(1), "Done", Officer, Today));

        Assert.Equal("CompletedOn", ex.Field);
        Assert.Equal("The completion date cannot be in the future.", ex.Message);
    }

    [Fact]
    public void CompletionCannotPrecedeTheAction()
    {
        var action = new ActionBuilder().Build();

        var ex = Refused(() => action.ProposeCompletion(ActionBuilder.CreatedOn.AddDays(-1), "Done", Officer, Today));

        Assert.Equal("CompletedOn", ex.Field);
    }

    [Fact]
    public void CompletionNeedsEvidence()
    {
        var action = new ActionBuilder().Build();

        var ex = Refused(() => action.ProposeCompletion(Today, " ", Officer, Today));

        Assert.Equal("Evidence", ex.Field);
    }

    [Fact]
    public void ProposedCompletionAwaitsTheCoordinatorAndIsNotYetBlue()
    {
        var action = Proposed();

        Assert.True(action.CompletionAwaitingReview);
        Assert.Equal(new DateOnly(2026, 6, 1), action.ProposedCompletionOn);
        Assert.Equal(Officer.Name, action.ProposedByName);
        Assert.False(action.IsComplete);
        Assert.NotEqual(Rag.Blue, action.Status(Today, Thresholds).Status);
    }

    [Fact]
    public void AcceptedCompletionMakesTheActionBlue()
    {
        var action = Proposed();

        action.AcceptCompletion(Coordinator, Today.AddDays(2));

        Assert.True(action.IsComplete);
        Assert.False(action.CompletionAwaitingReview);
        Assert.Equal(new DateOnly(2026, 6, 1), action.CompletedOn);
        Assert.Equal("Attendance register: 94% of practices trained", action.CompletionEvidence);
        Assert.Equal(Today.AddDays(2), action.CompletionAcceptedOn);
        Assert.Equal(Coordinator.Name, action.CompletionAcceptedByName);
        Assert.Equal(Rag.Blue, action.Status(Today.AddDays(400), Thresholds).Status);
    }

    [Fact]
    public void AcceptingWithoutAProposalIsRefused()
    {
        var action = new ActionBuilder().Build();

        Refused(() => action.AcceptCompletion(Coordinator, Today));

        Assert.False(action.IsComplete);
    }

    [Fact]
    public void AcceptedCompletionCannotBeAcceptedAgain()
    {
        var action = Completed();

        Refused(() => action.AcceptCompletion(Coordinator, Today.AddDays(5)));

        Assert.Equal(Today, action.CompletionAcceptedOn);
    }

    [Fact]
    public void ReturnedCompletionKeepsTheReasonAndClearsTheProposal()
    {
        var action = Proposed();

        action.ReturnCompletion("  Attach the attendance figures by practice  ", Today);

        Assert.Equal("Attach the attendance figures by practice", action.LastReturnReason);
        Assert.Equal(Today, action.LastReturnedOn);
        Assert.Null(action.ProposedCompletionOn);
        Assert.Null(action.ProposedEvidence);
        Assert.Null(action.ProposedByName);
        Assert.False(action.CompletionAwaitingReview);
        Assert.False(action.IsComplete);
        Refused(() => action.AcceptCompletion(Coordinator, Today));
    }

    [Fact]
    public void ReturningNeedsAReason()
    {
        var action = Proposed();

        var ex = Refused(() => action.ReturnCompletion(" ", Today));

        Assert.Equal("Reason", ex.Field);
        Assert.True(action.CompletionAwaitingReview);
    }

    [Fact]
    public void ReturningWithoutAProposalIsRefused()
    {
        Refused(() => new ActionBuilder().Build().ReturnCompletion("Not enough", Today));
    }

    [Fact]
    public void AcceptingAfterAReturnClearsTheReturnReason()
    {
        var action = Proposed();
        action.ReturnCompletion("Attach the figures", Today);
        action.ProposeCompletion(new DateOnly(2026, 6, 1), "Figures attached", Officer, Today);

        action.AcceptCompletion(Coordinator, Today);

        Assert.Null(action.LastReturnReason);
        Assert.Equal("Figures attached", action.CompletionEvidence);
    }

    [Fact]
    public void CompleteActionTakesNoMoreChanges()
    {
        var action = Completed();

        var update = Refused(() => action.PostUpdate("More", null, null, Officer, Now, Thresholds));
        Refused(() => action.AddMilestone("More", Today.AddDays(10)));
        Refused(() => action.ProposeCompletion(Today, "Again", Officer, Today));
        Refused(() => action.RequestTargetRevision(Today.AddDays(30), "More time", Officer, Now));

        Assert.Equal("This action is complete: its evidence was accepted.", update.Message);
        Assert.Empty(action.Updates);
    }

    [Fact]
    public void HistoricCompletionIsBlue()
    {
        var action = new ActionBuilder().Build();

        action.RecordHistoricCompletion(new DateOnly(2025, 11, 1), "Imported from the 2025 plan", Coordinator, Today);

        Assert.True(action.IsComplete);
        Assert.Equal(new DateOnly(2025, 11, 1), action.CompletedOn);
        Assert.Equal(Rag.Blue, action.Status(Today, Thresholds).Status);
    }

    // Revised target dates

    [Fact]
    public void RevisionRequestWaitsForTheCoordinator()
    {
        var action = new ActionBuilder().Build();

        var revision = action.RequestTargetRevision(new DateOnly(2027, 3, 31), "  Funding delayed  ", Officer, Now);

        Assert.Same(revision, action.PendingRevision);
        Assert.Equal(RevisionState.Pending, revision.State);
        Assert.Equal(ActionBuilder.TargetDate, revision.PreviousDate);
        Assert.Equal("Funding delayed", revision.Reason);
        Assert.Equal(Officer.Name, revision.RequestedByName);
        Assert.Equal(ActionBuilder.TargetDate, action.TargetDate);
    }

    [Fact]
    public void OnlyOneRevisionMayWaitAtATime()
    {
        var action = new ActionBuilder().Build();
        action.RequestTargetRevision(new DateOnly(2027, 3, 31), "Funding delayed", Officer, Now);

        var ex = Refused(() => action.RequestTargetRevision(new DateOnly(2027, 6, 30), "Longer still", Officer, Now));

        Assert.Equal("RequestedDate", ex.Field);
        Assert.Single(action.TargetRevisions);
    }

    [Fact]
    public void RevisedTargetMustBeInTheFuture()
    {
        var action = new ActionBuilder().Build();

        var ex = Refused(() => action.RequestTargetRevision(Today, "Already late", Officer, Now));
        action.RequestTargetRevision(Today.AddDays(1), "Tomorrow", Officer, Now);

        Assert.Equal("RequestedDate", ex.Field);
    }

    [Fact]
    public void RevisionToTheSameDateIsRefused()
    {
        var action = new ActionBuilder().Build();

        var ex = Refused(() => action.RequestTargetRevision(ActionBuilder.TargetDate, "No change", Officer, Now));

        Assert.Equal("That is already the target date.", ex.Message);
    }

    [Fact]
    public void RevisionNeedsAReason()
    {
        var action = new ActionBuilder().Build();

        var ex = Refused(() => action.RequestTargetRevision(new DateOnly(2027, 3, 31), "", Officer, Now));

        Assert.Equal("Reason", ex.Field);
        Assert.Null(action.PendingRevision);
    }

    [Fact]
    public void ApprovedRevisionMovesTheTargetAndKeepsTheBaseline()
    {
        var action = new ActionBuilder().Build();
        var revision = action.RequestTargetRevision(new DateOnly(2027, 3, 31), "Funding delayed", Officer, Now);

        action.DecideTargetRevision(revision.Id, true, null, Coordinator, Now.AddHours(1));

        Assert.Equal(new DateOnly(2027, 3, 31), action.TargetDate);
        Assert.Equal(ActionBuilder.TargetDate, action.OriginalTargetDate);
        Assert.Equal(90, action.SlippageDays);
        Assert.Null(action.PendingRevision);
        Assert.Equal(RevisionState.Approved, revision.State);
        Assert.Equal(Coordinator.Name, revision.DecidedByName);
        Assert.Equal(Now.AddHours(1), revision.DecidedAtUtc);
    }

    [Fact]
    public void EarlierRevisedTargetIsNoSlippage()
    {
        var action = new ActionBuilder().Build();
        var revision = action.RequestTargetRevision(new DateOnly(2026, 10, 31), "Ahead of plan", Officer, Now);

        action.DecideTargetRevision(revision.Id, true, null, Coordinator, Now);

        Assert.Equal(0, action.SlippageDays);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void RefusalNeedsANote(string? note)
    {
        var action = new ActionBuilder().Build();
        var revision = action.RequestTargetRevision(new DateOnly(2027, 3, 31), "Funding delayed", Officer, Now);

        var ex = Refused(() => action.DecideTargetRevision(revision.Id, false, note, Coordinator, Now));

        Assert.Equal("Note", ex.Field);
        Assert.Equal(RevisionState.Pending, revision.State);
    }

    [Fact]
    public void RefusedRevisionKeepsTheTargetAndTheNote()
    {
        var action = new ActionBuilder().Build();
        var revision = action.RequestTargetRevision(new DateOnly(2027, 3, 31), "Funding delayed", Officer, Now);

        action.DecideTargetRevision(revision.Id, false, "The board expects delivery this year", Coordinator, Now);

        Assert.Equal(ActionBuilder.TargetDate, action.TargetDate);
        Assert.Equal(RevisionState.Refused, revision.State);
        Assert.Equal("The board expects delivery this year", revision.DecisionNote);
        Assert.Equal(0, action.SlippageDays);
    }

    [Fact]
    public void DecidedRevisionCannotBeDecidedAgain()
    {
        var action = new ActionBuilder().Build();
        var revision = action.RequestTargetRevision(new DateOnly(2027, 3, 31), "Funding delayed", Officer, Now);
        action.DecideTargetRevision(revision.Id, false, "No", Coordinator, Now);

        var ex = Refused(() => action.DecideTargetRevision(revision.Id, true, null, Coordinator, Now));

        Assert.Equal("That request has already been decided.", ex.Message);
        Assert.Equal(ActionBuilder.TargetDate, action.TargetDate);
    }

    [Fact]
    public void NewRevisionMayFollowADecidedOne()
    {
        var action = new ActionBuilder().Build();
        var first = Ids.Assign(action.RequestTargetRevision(new DateOnly(2027, 3, 31), "Funding delayed", Officer, Now), 1);
        action.DecideTargetRevision(first.Id, true, null, Coordinator, Now);

        var second = Ids.Assign(action.RequestTargetRevision(new DateOnly(2027, 6, 30), "Trainer left", Officer, Now.AddDays(1)), 2);
        action.DecideTargetRevision(second.Id, true, null, Coordinator, Now.AddDays(2));

        Assert.Equal(new DateOnly(2027, 3, 31), second.PreviousDate);
        Assert.Equal(new DateOnly(2027, 6, 30), action.TargetDate);
        Assert.Equal(ActionBuilder.TargetDate, action.OriginalTargetDate);
        Assert.Equal(181, action.SlippageDays);
        Assert.Equal(2, action.TargetRevisions.Count);
    }

    [Fact]
    public void ApprovedRevisionTakesAPassedTargetOutOfRed()
    {
        var lateDay = new DateOnly(2027, 1, 15);
        var action = new ActionBuilder().Build();
        action.PostUpdate("Delayed by funding", Rag.Red, null, Officer, At(lateDay), Thresholds);
        Assert.Equal(Rag.Red, action.Status(lateDay, Thresholds).Status);

        var revision = action.RequestTargetRevision(new DateOnly(2027, 3, 31), "Funding delayed", Officer, At(lateDay));
        action.DecideTargetRevision(revision.Id, true, null, Coordinator, At(lateDay));
        action.PostUpdate("Funding confirmed", null, null, Officer, At(lateDay, 13), Thresholds);

        Assert.Equal(Rag.Green, action.Status(lateDay, Thresholds).Status);
    }
}
