using DhrTracker.Domain.Actions;

namespace DhrTracker.Tests.Domain;

public class BragCountsTests
{
    [Fact]
    public void OfCountsEachStatus()
    {
        var counts = BragCounts.Of([Rag.Red, Rag.Green, Rag.Blue, Rag.Red, Rag.Amber, Rag.Red]);

        Assert.Equal(new BragCounts(Blue: 1, Green: 1, Amber: 1, Red: 3), counts);
        Assert.Equal(6, counts.Total);
    }

    [Fact]
    public void OfNothingIsEmpty()
    {
        Assert.Equal(BragCounts.Empty, BragCounts.Of([]));
        Assert.Equal(0, BragCounts.Empty.Total);
    }

    [Fact]
    public void IndexerReadsEachStatus()
    {
        var counts = new BragCounts(1, 2, 3, 4);

        Assert.Equal(1, counts[Rag.Blue]);
        Assert.Equal(2, counts[Rag.Green]);
        Assert.Equal(3, counts[Rag.Amber]);
        Assert.Equal(4, counts[Rag.Red]);
    }

    [Fact]
    public void AddSumsEachStatus()
    {
        Assert.Equal(new BragCounts(11, 22, 33, 44), new BragCounts(1, 2, 3, 4).Add(new BragCounts(10, 20, 30, 40)));
    }

    [Fact]
    public void TextListsEachStatus()
    {
        Assert.Equal("1 Blue, 2 Green, 3 Amber, 4 Red", new BragCounts(1, 2, 3, 4).ToString());
    }
}
