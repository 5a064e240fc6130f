using DhrTracker.Domain.Actions;

namespace DhrTracker.Tests.Domain;

public class StatusRollupTests
{
    private static StatusRollup.Part Part(string label, Rag status, string reason = "why") => new(label, new StatusAssessment(status, reason));

    [Fact]
    public void NothingToRollUpGivesNoStatus()
    {
        var result = StatusRollup.Roll([], "action");

        Assert.Null(result.Status);
        Assert.Equal("No actions yet", result.Reason);
        Assert.Equal(BragCounts.Empty, result.Counts);
    }

    [Fact]
    public void IsBlueOnlyWhenEveryPartIsBlue()
    {
        var result = StatusRollup.Roll([Part("1.1", Rag.Blue), Part("1.2", Rag.Blue)], "action");

        Assert.Equal(Rag.Blue, result.Status);
        Assert.Equal("All 2 action(s) complete", result.Reason);
    }

    [Fact]
    public void OneOpenPartKeepsTheWholeOutOfBlue()
    {
        var result = StatusRollup.Roll([Part("1.1", Rag.Blue), Part("1.2", Rag.Blue), Part("1.3", Rag.Green, "On target")], "action");

        Assert.Equal(Rag.Green, result.Status);
        Assert.Equal("Action 1.3 is Green: On target", result.Reason);
    }

    [Fact]
    public void WorstOpenStatusWinsAndTheReasonNamesThatPart()
    {
        var result = StatusRollup.Roll(
            [Part("1.1", Rag.Blue), Part("1.2", Rag.Green), Part("1.3", Rag.Amber, "Milestone 'Pack agreed' overdue by 5 days"), Part("1.4", Rag.Green)],
            "action");

        Assert.Equal(Rag.Amber, result.Status);
        Assert.Equal("Action 1.3 is Amber: Milestone 'Pack agreed' overdue by 5 days", result.Reason);
    }

    [Fact]
    public void RedWinsOverEverything()
    {
        var result = StatusRollup.Roll([Part("1", Rag.Amber), Part("2", Rag.Red, "Target passed"), Part("3", Rag.Green)], "recommendation");

        Assert.Equal(Rag.Red, result.Status);
        Assert.Equal("Recommendation 2 is Red: Target passed", result.Reason);
    }

    [Fact]
    public void ReasonSaysHowManyMoreShareTheWorstStatus()
    {
        var result = StatusRollup.Roll([Part("3(a)", Rag.Red, "First"), Part("3(b)", Rag.Red, "Second"), Part("4", Rag.Red, "Third"), Part("5", Rag.Amber)], "recommendation");

        Assert.Equal("Recommendation 3(a) is Red: First (and 2 more Red)", result.Reason);
    }

    [Fact]
    public void CountsEveryPart()
    {
        var result = StatusRollup.Roll([Part("1", Rag.Blue), Part("2", Rag.Red), Part("3", Rag.Green), Part("4", Rag.Green)], "action");

        Assert.Equal(new BragCounts(1, 2, 0, 1), result.Counts);
    }
}
