using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Reporting;

namespace DhrTracker.Tests.Domain;

public class MovementRulesTests
{
    [Theory]
    [InlineData(null, Rag.Green, Movement.New)]
    [InlineData(null, Rag.Red, Movement.New)]
    [InlineData(null, Rag.Blue, Movement.Completed)]
    [InlineData(Rag.Red, Rag.Blue, Movement.Completed)]
    [InlineData(Rag.Green, Rag.Blue, Movement.Completed)]
    [InlineData(Rag.Red, Rag.Amber, Movement.Improved)]
    [InlineData(Rag.Red, Rag.Green, Movement.Improved)]
    [InlineData(Rag.Amber, Rag.Green, Movement.Improved)]
    [InlineData(Rag.Green, Rag.Amber, Movement.Worsened)]
    [InlineData(Rag.Green, Rag.Red, Movement.Worsened)]
    [InlineData(Rag.Amber, Rag.Red, Movement.Worsened)]
    [InlineData(Rag.Blue, Rag.Green, Movement.Worsened)]
    [InlineData(Rag.Blue, Rag.Blue, Movement.Unchanged)]
    [InlineData(Rag.Green, Rag.Green, Movement.Unchanged)]
    [InlineData(Rag.Amber, Rag.Amber, Movement.Unchanged)]
    [InlineData(Rag.Red, Rag.Red, Movement.Unchanged)]
    public void BetweenTwoQuartersGivesTheMovement(Rag? previous, Rag current, Movement expected)
    {
        Assert.Equal(expected, MovementRules.Between(previous, current));
    }

    [Fact]
    public void CompareGivesEachCurrentActionItsMovement()
    {
        var previous = new[] { (1, Rag.Green), (2, Rag.Red), (3, Rag.Amber), (4, Rag.Green), (9, Rag.Red) };
        var current = new[] { (1, Rag.Green), (2, Rag.Amber), (3, Rag.Blue), (4, Rag.Red), (5, Rag.Green) };

        var movement = MovementRules.Compare(previous, current);

        Assert.Equal(Movement.Unchanged, movement[1]);
        Assert.Equal(Movement.Improved, movement[2]);
        Assert.Equal(Movement.Completed, movement[3]);
        Assert.Equal(Movement.Worsened, movement[4]);
        Assert.Equal(Movement.New, movement[5]);
        Assert.False(movement.ContainsKey(9));
        Assert.Equal(5, movement.Count);
    }

    [Fact]
    public void CompareWithNoEarlierQuarterMakesEverythingNew()
    {
        var movement = MovementRules.Compare([], [(1, Rag.Red), (2, Rag.Blue)]);

        Assert.Equal(Movement.New, movement[1]);
        Assert.Equal(Movement.Completed, movement[2]);
    }

    [Fact]
    public void EveryMovementHasWords()
    {
        Assert.Equal(["New", "Completed", "Improved", "Worsened", "Unchanged"], Enum.GetValues<Movement>().Select(m => m.Describe()));
    }
}
