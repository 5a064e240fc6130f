using DhrTracker.Tests.Support;
using Bunit;
using DhrTracker.Domain.Actions;
using DhrTracker.Web.Components.Shared;
using DhrTracker.Web.Security;

namespace DhrTracker.Tests.Components;

public sealed class RagBadgeTests : BunitContext
{
    [Theory]
    [InlineData(Rag.Blue, "Blue", "rag-blue")]
    [InlineData(Rag.Green, "Green", "rag-green")]
    [InlineData(Rag.Amber, "Amber", "rag-amber")]
    [InlineData(Rag.Red, "Red", "rag-red")]
    public void WritesTheStatusInWordsBesideItsColour(Rag status, string text, string cssClass)
    {
        var badge = Render<RagBadge>(p => p.Add(b => b.Status, status)).Find("span");
        Assert.Equal(text, badge.TextContent);
        Assert.Contains(cssClass, badge.ClassList);
    }

    [Fact]
    public void LongFormUsesTheDomainWording() =>
        Assert.Equal("Amber – below target but acceptable", Render<RagBadge>(p => p.Add(b => b.Status, Rag.Amber).Add(b => b.Long, true)).Find("span").TextContent);

    [Fact]
    public void NoStatusSaysSo() =>
        Assert.Equal("No actions", Render<RagBadge>().Find("span").TextContent);
}

public sealed class StatusWithReasonTests : BunitContext
{
    [Fact]
    public void ShowsTheReasonNextToTheStatus()
    {
        var cut = Render<StatusWithReason>(p => p.Add(s => s.Status, Rag.Red).Add(s => s.Reason, "Milestone 'Training pack agreed' overdue by 41 days"));
        Assert.Equal("Red", cut.Find(".rag").TextContent);
        Assert.Equal("Milestone 'Training pack agreed' overdue by 41 days", cut.Find(".status-reason").TextContent);
    }
}

public sealed class BragCountsViewTests : BunitContext
{
    [Fact]
    public void ShowsEachCountWithItsLetterAndAFullTextAlternative()
    {
        var cut = Render<BragCountsView>(p => p.Add(b => b.Counts, new BragCounts(3, 4, 2, 1)));
        Assert.Equal("3 Blue, 4 Green, 2 Amber, 1 Red", cut.Find(".brag-counts .visually-hidden").TextContent);
        Each.Of(cut.FindAll(".rag"), badge => Assert.Equal("true", badge.GetAttribute("aria-hidden")));
        Assert.Equal(["B 3", "G 4", "A 2", "R 1"], cut.FindAll(".rag").Select(e => e.TextContent.Trim()));
    }
}

public sealed class ProblemMessageTests : BunitContext
{
    [Fact]
    public void ForbiddenSaysNoAccess() =>
        Assert.Contains("You do not have access", Render<ProblemMessage>(p => p.Add(m => m.Problem, new ForbiddenException())).Markup);

    [Fact]
    public void NotFoundRevealsNothingAboutWhetherItExists() =>
        Assert.Contains("There is nothing here, or it is not yours to see.", Render<ProblemMessage>(p => p.Add(m => m.Problem, new NotFoundException())).Markup);
}

public sealed class DateTextTests : BunitContext
{
    [Fact]
    public void WritesUkDateWithMachineReadableValue()
    {
        var time = Render<DateText>(p => p.Add(d => d.Value, new DateOnly(2027, 3, 31))).Find("time");
        Assert.Equal("2027-03-31", time.GetAttribute("datetime"));
        Assert.Equal("31 Mar 2027", time.TextContent);
    }

    [Fact]
    public void MissingDateShowsTheEmptyText() =>
        Assert.Equal("Not set", Render<DateText>(p => p.Add(d => d.Empty, "Not set")).Find("span").TextContent);
}
