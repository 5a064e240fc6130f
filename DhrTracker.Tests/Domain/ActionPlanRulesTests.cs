using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;

namespace DhrTracker.Tests.Domain;

/// <summary>The rules the action plan screens add: what may be removed, what is overdue or quiet, and milestone changes.</summary>
[UseCulture("en-GB")]
public class ActionPlanRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTime Now = Today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    [Fact]
    public void ActionWithNothingRecordedMayBeRemoved()
    {
        var action = new ActionBuilder().WithMilestone("Pack drafted", Today.AddDays(10)).Build();

        Assert.False(action.HasRecordedProgress);
        action.EnsureCanBeRemoved();
    }

    [Fact]
    public void ActionWithAnUpdateCannotBeRemoved()
    {
        var action = new ActionBuilder().Build();
        action.PostUpdate("Started", null, null, TestData.Officer, Now, StatusThresholds.Default);

        var ex = Assert.Throws<DomainException>(action.EnsureCanBeRemoved);

        Assert.StartsWith("This action has progress recorded", ex.Message);
    }

    [Fact]
    public void ActionWithAnAchievedMilestoneOrARevisionRequestCannotBeRemoved()
    {
        var achieved = new ActionBuilder().WithMilestone("Pack drafted", Today.AddDays(-10), Today.AddDays(-12)).Build();
        var revised = new ActionBuilder().Build();
        revised.RequestTargetRevision(new DateOnly(2027, 3, 31), "Funding delayed", TestData.Officer, Now);

        Assert.Throws<DomainException>(achieved.EnsureCanBeRemoved);
        Assert.Throws<DomainException>(revised.EnsureCanBeRemoved);
    }

    [Fact]
    public void AchievedMilestoneStaysOnTheRecord()
    {
        var action = new ActionBuilder().WithMilestone("Pack drafted", Today.AddDays(-10), Today.AddDays(-12)).Build();

        var ex = Assert.Throws<DomainException>(() => action.RemoveMilestone(1));

        Assert.Equal("Milestone 'Pack drafted' was achieved on 3 June 2026: it is part of the record and cannot be removed.", ex.Message);
        Assert.Single(action.Milestones);
    }

    [Fact]
    public void MilestonesOfACompleteActionCannotBeChanged()
    {
        var action = new ActionBuilder().WithMilestone("Pack drafted", Today.AddDays(-10), Today.AddDays(-12)).Build();
        action.ProposeCompletion(Today, "Register attached", TestData.Officer, Today);
        action.AcceptCompletion(TestData.Coordinator, Today);

        Assert.Throws<DomainException>(() => action.EditMilestone(1, "Pack agreed", Today.AddDays(5)));
        Assert.Equal("Pack drafted", action.Milestones[0].Description);
    }

    [Fact]
    public void CompletionCannotBeProposedTwiceWhileTheFirstAwaitsADecision()
    {
        var action = new ActionBuilder().Build();
        action.ProposeCompletion(Today.AddDays(-2), "Register attached", TestData.Officer, Today);

        var ex = Assert.Throws<DomainException>(() => action.ProposeCompletion(Today, "Another register", TestData.Officer, Today));

        Assert.Equal("Completion has already been proposed and is waiting for the co-ordinator's decision.", ex.Message);
        Assert.Equal("Register attached", action.ProposedEvidence);
    }

    [Fact]
    public void ActionIsOverdueWhenItsTargetOrAMilestoneHasPassed()
    {
        var milestoneLate = new ActionBuilder().WithMilestone("Pack drafted", Today.AddDays(-1)).Build();
        var targetPassed = new ActionBuilder().DueBy(Today.AddDays(-1)).Build();
        var onTrack = new ActionBuilder().WithMilestone("Pack drafted", Today).Build();

        Assert.True(ActionStatus.IsOverdue(milestoneLate.StatusFacts(), Today));
        Assert.True(ActionStatus.IsOverdue(targetPassed.StatusFacts(), Today));
        Assert.False(ActionStatus.IsOverdue(onTrack.StatusFacts(), Today));
    }

    [Fact]
    public void CompleteActionIsNeverOverdueOrQuiet()
    {
        var action = new ActionBuilder().SetOn(Today.AddYears(-1)).DueBy(Today.AddDays(-30)).Build();
        action.ProposeCompletion(Today.AddDays(-40), "Done", TestData.Officer, Today);
        action.AcceptCompletion(TestData.Coordinator, Today);

        Assert.False(ActionStatus.IsOverdue(action.StatusFacts(), Today));
        Assert.False(ActionStatus.IsWithoutRecentUpdate(action.StatusFacts(), Today, StatusThresholds.Default));
    }

    [Fact]
    public void QuietnessCountsFromTheLastUpdateOrFromWhenTheActionWasSet()
    {
        var neverUpdated = new ActionBuilder().SetOn(Today.AddDays(-90)).Build();
        var updated = new ActionBuilder().SetOn(Today.AddDays(-200)).Build();
        updated.PostUpdate("Progress", null, null, TestData.Officer, Now.AddDays(-89), StatusThresholds.Default);

        Assert.Equal(90, ActionStatus.DaysWithoutUpdate(neverUpdated.StatusFacts(), Today));
        Assert.True(ActionStatus.IsWithoutRecentUpdate(neverUpdated.StatusFacts(), Today, StatusThresholds.Default));
        Assert.Equal(89, ActionStatus.DaysWithoutUpdate(updated.StatusFacts(), Today));
        Assert.False(ActionStatus.IsWithoutRecentUpdate(updated.StatusFacts(), Today, StatusThresholds.Default));
        Assert.True(ActionStatus.IsWithoutRecentUpdate(updated.StatusFacts(), Today, new StatusThresholds(30, 60)));
    }
}

public class RecommendationAddresseeTests
{
    private static Agency Agency(int id, AgencyKind kind) => Ids.Assign(new Agency(1, $"Agency {id}", kind), id);

    [Fact]
    public void NationalRecommendationMustBeAddressedToANationalBody()
    {
        var recommendation = new Recommendation(1, 10, "11", "Amend the statutory guidance", RecommendationScope.National, 1);

        var ex = Assert.Throws<DomainException>(() => recommendation.AddressTo([Agency(4, AgencyKind.Police)]));

        Assert.Equal("AddresseeIds", ex.Field);
        Assert.Empty(recommendation.Addressees);
        recommendation.AddressTo([Agency(4, AgencyKind.Police), Agency(9, AgencyKind.NationalBody)]);
        Assert.Equal([4, 9], recommendation.Addressees.Select(a => a.AgencyId).Order());
    }

    [Fact]
    public void LocalRecommendationMayBeAddressedToAnyAgency()
    {
        var recommendation = new Recommendation(1, 10, "1", "Train frontline staff", RecommendationScope.Local, 1);

        recommendation.AddressTo([Agency(4, AgencyKind.Police)]);

        Assert.Equal(4, Assert.Single(recommendation.Addressees).AgencyId);
    }
}

public class RecommendationNumberingTests
{
    [Theory]
    [InlineData("3", "4")]
    [InlineData("3(a)", "3(b)")]
    [InlineData("10.1.1", "10.1.2")]
    [InlineData("Theme 2", "")]
    public void SuggestsTheNumberThatUsuallyFollows(string last, string expected)
    {
        Assert.Equal(expected, RecommendationNumbering.SuggestNext(["1", last]));
    }

    [Fact]
    public void FirstRecommendationIsNumberOne()
    {
        Assert.Equal("1", RecommendationNumbering.SuggestNext([]));
    }

    [Fact]
    public void NeverSuggestsANumberAlreadyUsed()
    {
        Assert.Equal(string.Empty, RecommendationNumbering.SuggestNext(["4", "3"]));
    }

    [Fact]
    public void NumberUsedTwiceInAReviewIsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => RecommendationNumbering.EnsureUnique(" 3(A) ", ["1", "3(a)"]));

        Assert.Equal(nameof(Recommendation.Number), ex.Field);
        Assert.Equal("This review already has a recommendation 3(A). Give each recommendation the number the report gives it.", ex.Message);
        RecommendationNumbering.EnsureUnique("3(b)", ["1", "3(a)"]);
    }
}

public class RecommendationSimilarityTests
{
    // The demo data's recurring recommendation, as three reviews worded it.
    private const string Earlier = "Eastshire Constabulary should ensure that all frontline officers and staff receive refresher training in the DASH risk assessment, so that risk is assessed consistently at every domestic abuse incident and the victim's own view of the risk is recorded.";
    private const string Later = "Eastshire Constabulary and Haven Domestic Abuse Service should ensure that DASH risk assessment training for frontline staff covers coercive control, stalking and recent separation as factors that escalate risk, and is refreshed every two years.";
    private const string Latest = "Eastshire Constabulary should ensure that DASH risk assessment training for frontline staff covers the abuse of older people by partners and carers.";
    private const string Unrelated = "Housing providers should have a domestic abuse policy and train staff to recognise abuse behind rent arrears and repairs requests.";

    [Fact]
    public void RecurringRecommendationIsSimilarAcrossRewordings()
    {
        Assert.True(RecommendationSimilarity.AreSimilar([1, 2], Earlier, [1, 2], Later));
        Assert.True(RecommendationSimilarity.AreSimilar([1, 2], Later, [1, 2], Latest));
        Assert.True(RecommendationSimilarity.AreSimilar([1, 2], Earlier, [1], Latest));
    }

    [Fact]
    public void DifferentWordingIsNotSimilarEvenWithTheSameTheme()
    {
        Assert.True(RecommendationSimilarity.WordingOverlap(Later, Unrelated) < RecommendationSimilarity.Threshold);
        Assert.False(RecommendationSimilarity.AreSimilar([1], Later, [1], Unrelated));
    }

    [Fact]
    public void SameWordingWithoutASharedThemeIsNotSimilar()
    {
        Assert.False(RecommendationSimilarity.AreSimilar([1], Later, [2], Later));
    }

    [Fact]
    public void SmallWordsPluralsAndCaseDoNotCount()
    {
        Assert.Equal(1.0, RecommendationSimilarity.WordingOverlap("The GP practices should TRAIN staff", "train GP practice staff"));
        Assert.Equal(0.0, RecommendationSimilarity.WordingOverlap("should the and of", "should the and of"));
    }
}

public class ThemeListTests
{
    private static Partnership WithThemes(params string[] names)
    {
        var partnership = new Partnership("Eastshire CSP", "ECSP", null, null);
        var id = 1;
        foreach (var name in names)
        {
            Ids.Assign(partnership.AddTheme(name), id++);
        }

        return partnership;
    }

    [Fact]
    public void RenamedThemeKeepsItsIdAndTakesTheNewName()
    {
        var partnership = WithThemes("Training", "Housing");

        ThemeList.Rename(partnership, 2, "  Housing and homelessness ");

        Assert.Equal("Housing and homelessness", partnership.Themes.Single(t => t.Id == 2).Name);
    }

    [Fact]
    public void RenamingOntoAnotherThemesNameIsRefused()
    {
        var partnership = WithThemes("Training", "Housing");

        var ex = Assert.Throws<DomainException>(() => ThemeList.Rename(partnership, 2, "training"));

        Assert.Equal("There is already a theme called \"training\".", ex.Message);
        Assert.Equal("Name", ex.Field);
        ThemeList.Rename(partnership, 1, "TRAINING");
        Assert.Equal("TRAINING", partnership.Themes[0].Name);
    }

    [Fact]
    public void ThemeInUseStays()
    {
        var partnership = WithThemes("Training");

        var ex = Assert.Throws<DomainException>(() => ThemeList.EnsureRemovable(partnership, 1, 3));

        Assert.Equal("\"Training\" is a theme of 3 recommendation(s), so it stays. Rename it if its name is wrong.", ex.Message);
        Assert.Equal("Training", ThemeList.EnsureRemovable(partnership, 1, 0).Name);
    }
}
