using DhrTracker.Tests.Support;
using Bunit;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Web.Components.Pages;
using DhrTracker.Web.Components.Pages.Reviews;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Components;

public sealed class RegisterPageTests : PageTestContext
{
    // QuickGrid loads its own small script for column options; it has no bearing on what the page shows.
    public RegisterPageTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    [Fact]
    public async Task ListsThePartnershipsReviewsWithLinks()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var cut = Render<Register>();
        cut.WaitForAssertion(() => Assert.Contains(DemoData.References.PublishedRecent, cut.Markup), TimeSpan.FromSeconds(10));
        var links = cut.FindAll("table a").Select(a => a.TextContent).ToList();
        Assert.Contains(DemoData.References.AwaitingDecision, links);
        Assert.DoesNotContain(DemoData.References.SecondPartnershipReview, links);
        Assert.Contains("Overdue by", cut.Markup);
        Assert.NotEmpty(cut.FindAll("label[for=f-stage]"));
    }

    [Fact]
    public async Task LeadOfficerIsToldTheyHaveNoAccess()
    {
        await SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var cut = Render<Register>();
        cut.WaitForAssertion(() => Assert.Contains("You do not have access to this", cut.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("table"));
    }
}

public sealed class ReviewPageTests : PageTestContext
{
    private async Task<int> IdOf(string reference)
    {
        await using var db = Database.Open(DataScope.System);
        return await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task ShowsTwelveStagesAndTheActionPlanWithReasons()
    {
        await SignInAsAsync(DemoData.Emails.Chair);
        var id = await IdOf(DemoData.References.PublishedRecent);
        var cut = Render<ReviewPage>(p => p.Add(r => r.Id, id));
        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindAll("[data-testid=timeline] tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(cut.FindAll(".recommendation"));
        var statusCells = cut.FindAll("tr[data-action] .status-with-reason");
        Assert.NotEmpty(statusCells);
        Each.Of(statusCells, c => Assert.False(string.IsNullOrWhiteSpace(c.QuerySelector(".status-reason")!.TextContent)));
        Assert.NotEmpty(cut.FindAll("#facts"));
    }

    [Fact]
    public async Task ScrutinySeesNoCaseDetails()
    {
        await SignInAsAsync(DemoData.Emails.Scrutiny);
        var id = await IdOf(DemoData.References.AtQaPanel);
        var cut = Render<ReviewPage>(p => p.Add(r => r.Id, id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=timeline]")), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("#facts"));
        Assert.DoesNotContain("Circumstances", cut.Markup);
        Assert.Empty(cut.FindAll(".recommendation"));
    }

    [Fact]
    public async Task AnotherPartnershipsReviewReadsAsNotFound()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var id = await IdOf(DemoData.References.SecondPartnershipReview);
        var cut = Render<ReviewPage>(p => p.Add(r => r.Id, id));
        cut.WaitForAssertion(() => Assert.Contains("Not found", cut.Markup), TimeSpan.FromSeconds(10));
    }
}

public sealed class HomePageTests : PageTestContext
{
    [Fact]
    public async Task CoordinatorSeesReviewsAtAGlance()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var cut = Render<Home>();
        cut.WaitForAssertion(() => Assert.Contains("Reviews at a glance", cut.Markup), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("People", cut.FindAll("h2").Select(h => h.TextContent));
    }

    [Fact]
    public async Task LeadOfficerSeesTheirAgencysActions()
    {
        await SignInAsAsync(DemoData.Emails.IcbOfficer);
        var cut = Render<Home>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=my-actions] tbody tr")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("Reviews at a glance", cut.Markup);
    }

    [Fact]
    public async Task AdministratorSeesTheDirectory()
    {
        await SignInAsAsync(DemoData.Emails.Administrator);
        var cut = Render<Home>();
        cut.WaitForAssertion(() => Assert.Contains(DemoData.Emails.PoliceOfficer, cut.Markup), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("Reviews at a glance", cut.Markup);
    }
}
