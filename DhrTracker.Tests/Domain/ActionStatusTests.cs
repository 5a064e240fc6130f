using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Partnerships;

namespace DhrTracker.Tests.Domain;

[UseCulture("en-GB")]
public class ActionStatusTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly Created = new(2026, 1, 5);
    private static readonly DateOnly Target = new(2026, 12, 31);
    private static readonly StatusThresholds Defaults = StatusThresholds.Default;

    private static ActionStatusFacts Facts(
        DateOnly? target = null,
        DateOnly? accepted = null,
        IReadOnlyList<MilestoneFact>? milestones = null,
        DateOnly? lastUpdate = null,
        bool noUpdates = false,
        Rag? officer = null,
        string? officerReason = null,
        DateOnly? created = null) =>
        new(created ?? Created, target ?? Target, accepted, milestones ?? [], noUpdates ? null : lastUpdate ?? Today.AddDays(-10), officer, officerReason);

    private static MilestoneFact Overdue(int days, string description = "Training pack agreed") => new(description, Today.AddDays(-days), null);

    private static StatusAssessment Derive(ActionStatusFacts facts, StatusThresholds? thresholds = null) =>
        ActionStatus.Derive(facts, Today, thresholds ?? Defaults);

    [Fact]
    public void IsGreenWhenNothingIsOverdueAndUpdatesAreRecent()
    {
        var status = Derive(Facts());

        Assert.Equal(Rag.Green, status.Status);
        Assert.Equal("On target: no milestone overdue and the target date 31 December 2026 not passed", status.Reason);
        Assert.Equal("Green – on target", status.Text);
    }

    [Fact]
    public void IsGreenWithoutATargetDate()
    {
        var facts = new ActionStatusFacts(Created, null, null, [], Today, null, null);

        Assert.Equal(new StatusAssessment(Rag.Green, "On target: no milestone overdue"), Derive(facts));
    }

    [Fact]
    public void IsBlueWhenCompletionIsAccepted()
    {
        var status = Derive(Facts(accepted: new DateOnly(2026, 3, 3)));

        Assert.Equal(Rag.Blue, status.Status);
        Assert.Equal("Complete: evidence accepted on 3 March 2026", status.Reason);
    }

    [Fact]
    public void IsBlueWhenCompletionIsAcceptedEvenIfItsDatesHavePassed()
    {
        var facts = Facts(target: Today.AddDays(-100), accepted: Today, milestones: [Overdue(60)], noUpdates: true, officer: Rag.Red, officerReason: "Stale rating");

        Assert.Equal(Rag.Blue, Derive(facts).Status);
    }

    [Fact]
    public void IsNeverBlueWithoutAcceptedCompletion()
    {
        var facts = Facts(milestones: [new MilestoneFact("Done", Today.AddDays(-20), Today.AddDays(-25))], officer: Rag.Blue);

        Assert.Equal(Rag.Green, Derive(facts).Status);
    }

    [Fact]
    public void IsGreenWhenAMilestoneIsDueToday()
    {
        Assert.Equal(Rag.Green, Derive(Facts(milestones: [new MilestoneFact("Due today", Today, null)])).Status);
    }

    [Fact]
    public void IsGreenWhenTheOverdueMilestoneWasAchieved()
    {
        var achievedLate = new MilestoneFact("Training pack agreed", Today.AddDays(-60), Today.AddDays(-5));

        Assert.Equal(Rag.Green, Derive(Facts(milestones: [achievedLate])).Status);
    }

    [Fact]
    public void IsAmberWhenAMilestoneIsOneDayOverdue()
    {
        Assert.Equal(new StatusAssessment(Rag.Amber, "Milestone 'Training pack agreed' overdue by 1 day"), Derive(Facts(milestones: [Overdue(1)])));
    }

    [Fact]
    public void IsAmberWhenMilestoneOverdueExactly30Days()
    {
        Assert.Equal(new StatusAssessment(Rag.Amber, "Milestone 'Training pack agreed' overdue by 30 days"), Derive(Facts(milestones: [Overdue(30)])));
    }

    [Fact]
    public void IsRedWhenMilestoneOverdueMoreThan30Days()
    {
        Assert.Equal(new StatusAssessment(Rag.Red, "Milestone 'Training pack agreed' overdue by 31 days"), Derive(Facts(milestones: [Overdue(31)])));
    }

    [Fact]
    public void RedReasonNamesTheMilestoneAndItsDays()
    {
        var status = Derive(Facts(milestones: [Overdue(41)]));

        Assert.Equal("Milestone 'Training pack agreed' overdue by 41 days", status.Reason);
        Assert.Equal("Red – worse than target, unacceptable", status.Text);
    }

    [Fact]
    public void ReasonNamesTheMostOverdueMilestone()
    {
        var status = Derive(Facts(milestones: [Overdue(5, "Leaflet printed"), Overdue(41), Overdue(12, "Launch event held")]));

        Assert.Equal(Rag.Red, status.Status);
        Assert.Equal("Milestone 'Training pack agreed' overdue by 41 days", status.Reason);
    }

    [Fact]
    public void IsAmberWhenNoUpdateFor90Days()
    {
        Assert.Equal(new StatusAssessment(Rag.Amber, "No progress update for 90 days"), Derive(Facts(lastUpdate: Today.AddDays(-90))));
    }

    [Fact]
    public void IsGreenWhenLastUpdateWas89DaysAgo()
    {
        Assert.Equal(Rag.Green, Derive(Facts(lastUpdate: Today.AddDays(-89))).Status);
    }

    [Fact]
    public void IsAmberWhenNoUpdateSinceTheActionWasSet90DaysAgo()
    {
        var status = Derive(Facts(created: Today.AddDays(-90), noUpdates: true));

        Assert.Equal(new StatusAssessment(Rag.Amber, "No progress update since the action was set 90 days ago"), status);
    }

    [Fact]
    public void IsGreenWhenANewActionHasNoUpdateYet()
    {
        Assert.Equal(Rag.Green, Derive(Facts(created: Today.AddDays(-89), noUpdates: true)).Status);
    }

    [Fact]
    public void OverdueMilestoneReasonComesBeforeStaleness()
    {
        var status = Derive(Facts(milestones: [Overdue(3)], lastUpdate: Today.AddDays(-200)));

        Assert.Equal("Milestone 'Training pack agreed' overdue by 3 days", status.Reason);
    }

    [Fact]
    public void IsRedWhenTheTargetDateHasPassed()
    {
        var status = Derive(Facts(target: Today.AddDays(-1)));

        Assert.Equal(new StatusAssessment(Rag.Red, "Target date 14 June 2026 passed 1 day ago and the action is not complete"), status);
    }

    [Fact]
    public void IsNotRedOnTheTargetDateItself()
    {
        Assert.Equal(Rag.Green, Derive(Facts(target: Today)).Status);
    }

    [Fact]
    public void PassedTargetDateIsTheReasonEvenWithAMilestoneOverdue()
    {
        var status = Derive(Facts(target: Today.AddDays(-10), milestones: [Overdue(5)]));

        Assert.Equal(Rag.Red, status.Status);
        Assert.Equal("Target date 5 June 2026 passed 10 days ago and the action is not complete", status.Reason);
    }

    [Fact]
    public void MilestoneThresholdComesFromTheSettings()
    {
        var strict = new StatusThresholds(AmberMilestoneOverdueDays: 10, StaleUpdateDays: 90);
        var lenient = new StatusThresholds(AmberMilestoneOverdueDays: 60, StaleUpdateDays: 90);

        Assert.Equal(Rag.Amber, Derive(Facts(milestones: [Overdue(10)]), strict).Status);
        Assert.Equal(Rag.Red, Derive(Facts(milestones: [Overdue(11)]), strict).Status);
        Assert.Equal(Rag.Amber, Derive(Facts(milestones: [Overdue(41)]), lenient).Status);
    }

    [Fact]
    public void StaleUpdateThresholdComesFromTheSettings()
    {
        var monthly = new StatusThresholds(AmberMilestoneOverdueDays: 30, StaleUpdateDays: 30);

        Assert.Equal(Rag.Green, Derive(Facts(lastUpdate: Today.AddDays(-29)), monthly).Status);
        Assert.Equal(new StatusAssessment(Rag.Amber, "No progress update for 30 days"), Derive(Facts(lastUpdate: Today.AddDays(-30)), monthly));
    }

    [Fact]
    public void DefaultThresholdsMatchTheDomain()
    {
        Assert.Equal(new StatusThresholds(30, 90), StatusThresholds.Default);
        Assert.Equal(StatusThresholds.Default, PartnershipSettings.Defaults().Thresholds);
    }

    [Fact]
    public void OfficerRatingWorseThanTheDatesWinsAndSaysWhyWithBoth()
    {
        var status = Derive(Facts(milestones: [Overdue(5)], officer: Rag.Red, officerReason: "The trainer has left and no one is funded"));

        Assert.Equal(Rag.Red, status.Status);
        Assert.Equal(
            "Rated Red by the lead officer: The trainer has left and no one is funded (the dates alone say Amber: milestone 'Training pack agreed' overdue by 5 days)",
            status.Reason);
    }

    [Fact]
    public void OfficerRatingWithoutAReasonSaysSo()
    {
        var status = Derive(Facts(officer: Rag.Amber));

        Assert.Equal(Rag.Amber, status.Status);
        Assert.StartsWith("Rated Amber by the lead officer: no reason given (the dates alone say Green: on target", status.Reason);
    }

    [Fact]
    public void OfficerRatingBetterThanTheDatesIsIgnored()
    {
        var facts = Facts(milestones: [Overdue(41)], officer: Rag.Green, officerReason: "Nearly there");

        Assert.Equal(ActionStatus.FromDates(facts, Today, Defaults), Derive(facts));
        Assert.Equal(Rag.Red, Derive(facts).Status);
    }

    [Fact]
    public void OfficerRatingEqualToTheDatesGivesTheDatesReason()
    {
        var facts = Facts(milestones: [Overdue(5)], officer: Rag.Amber, officerReason: "Slipping");

        Assert.Equal("Milestone 'Training pack agreed' overdue by 5 days", Derive(facts).Reason);
    }

    [Fact]
    public void FromDatesIgnoresTheOfficerRating()
    {
        Assert.Equal(Rag.Green, ActionStatus.FromDates(Facts(officer: Rag.Red, officerReason: "Worried"), Today, Defaults).Status);
    }

    [Fact]
    public void RagsAreOrderedByConcern()
    {
        Assert.True(Rag.Blue < Rag.Green);
        Assert.True(Rag.Green < Rag.Amber);
        Assert.True(Rag.Amber < Rag.Red);
    }

    [Fact]
    public void EveryRagHasWordsAndAShade()
    {
        foreach (var rag in Enum.GetValues<Rag>())
        {
            Assert.StartsWith(rag.ToString(), rag.Describe());
            Assert.Matches("^[0-9A-F]{6}$", rag.Hex());
        }

        Assert.Equal(4, Enum.GetValues<Rag>().Select(r => r.Hex()).Distinct().Count());
    }
}
