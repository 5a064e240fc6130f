using DhrTracker.Tests.Support;
using Bunit;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Web.Components.Pages.AgencyReports;
using DhrTracker.Web.Components.Pages.Reviews;
using DhrTracker.Web.Components.Shared.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Components;

/// <summary>The lifecycle pages with the real handlers: messages next to fields, and each role shown only its part.</summary>
public sealed class LifecyclePageTests : PageTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<int> IdOf(string reference)
    {
        await using var db = Database.Open(DataScope.System);
        return await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
    }

    private async Task<int> ReviewCountAsync()
    {
        await using var db = Database.Open(DataScope.System);
        return await db.Reviews.CountAsync();
    }

    private static string MessageFor<T>(IRenderedComponent<T> cut, string inputId)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"#{inputId}").ParentElement!.QuerySelector(".validation-message")?.TextContent ?? string.Empty;

    [Fact]
    public async Task NotificationFormPutsEachProblemNextToItsFieldAndSavesNothing()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var before = await ReviewCountAsync();
        var cut = Render<NewNotification>();
        cut.WaitForElement("[data-testid=notification-form]", Wait);
        var today = Database.Today;

        cut.Find("#n-notified").Change(today.AddDays(-3).ToString("yyyy-MM-dd"));
        cut.Find("#n-death").Change(today.AddDays(-2).ToString("yyyy-MM-dd"));
        cut.Find("#n-victim-age").Change("130");
        cut.Find("#n-circumstances").Change("Found at home.");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("The victim's age must be between 0 and 120.", MessageFor(cut, "n-victim-age")), Wait);
        Assert.Equal("The victim's pseudonym is required.", MessageFor(cut, "n-victim"));

        cut.Find("#n-victim").Change("Adult Z");
        cut.Find("#n-victim-age").Change("40");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("The date of death cannot be after the date the CSP was notified.", MessageFor(cut, "n-death")), Wait);
        Assert.Equal(before, await ReviewCountAsync());
    }

    [Fact]
    public async Task CoordinatorIsToldOnlyTheChairDecides()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var id = await IdOf(DemoData.References.AwaitingDecision);

        var cut = Render<ReviewStages>(p => p.Add(x => x.Id, id).Add(x => x.Stage, 2));

        cut.WaitForElement("[data-testid=chair-only]", Wait);
        Assert.Empty(cut.FindAll("[data-testid=decision-form]"));
        Assert.Equal(12, cut.FindAll("[data-testid=stage-list] li").Count);
        Assert.StartsWith("Overdue by", cut.Find("[data-testid=stage-list] li[data-stage='2'] .stage-state").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChairSeesTheStatutoryCriteriaAsAChecklist()
    {
        await SignInAsAsync(DemoData.Emails.Chair);
        var id = await IdOf(DemoData.References.AwaitingDecision);

        var cut = Render<ReviewStages>(p => p.Add(x => x.Id, id).Add(x => x.Stage, 2));

        cut.WaitForElement("[data-testid=decision-form]", Wait);
        var boxes = cut.FindAll("[data-testid=decision-form] input[type=checkbox]");
        Assert.Equal(3, boxes.Count);
        Each.Of(boxes, b => Assert.NotNull(cut.Find($"label[for='{b.Id}']")));
        Assert.Equal(3, cut.FindAll("[data-testid=decision-form] input[type=radio]").Count);
    }

    [Fact]
    public async Task WithoutAStageTheFormsOpenAtTheFirstThatNeedsAttention()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var id = await IdOf(DemoData.References.NotCommissionedHomeOfficeNotTold);

        var cut = Render<ReviewStages>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=stage-panel]").GetAttribute("data-stage")), Wait);
        Assert.NotEmpty(cut.FindAll("[data-testid=home-office-form]"));
    }

    [Fact]
    public async Task ScrutinyHasNoStageFormsNoHistoryAndNoTabs()
    {
        await SignInAsAsync(DemoData.Emails.Scrutiny);
        var id = await IdOf(DemoData.References.Paused);

        var stages = Render<ReviewStages>(p => p.Add(x => x.Id, id));
        var history = Render<ReviewHistory>(p => p.Add(x => x.Id, id));
        var page = Render<ReviewPage>(p => p.Add(x => x.Id, id));

        stages.WaitForAssertion(() => Assert.Contains("You do not have access to this", stages.Markup), Wait);
        history.WaitForAssertion(() => Assert.Contains("You do not have access to this", history.Markup), Wait);
        page.WaitForElement("[data-testid=timeline]", Wait);
        Assert.Empty(page.FindAll("[data-testid=review-tabs]"));
        Assert.Empty(stages.FindAll("form"));
    }

    [Fact]
    public async Task CoordinatorSeesTheReviewsTabs()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var id = await IdOf(DemoData.References.Paused);

        var page = Render<ReviewPage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("[data-testid=review-tabs]", Wait);
        var links = page.FindAll("[data-testid=review-tabs] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/reviews/{id}", $"/reviews/{id}/stages", $"/reviews/{id}/history"], links);
    }

    [Fact]
    public async Task ChairsHomeListsTheDecisionsDueAndWhatIsOverdue()
    {
        await SignInAsAsync(DemoData.Emails.Chair);

        var cut = Render<DueAndOverdue>();

        cut.WaitForElement("[data-testid=decisions-due]", Wait);
        Assert.Contains(DemoData.References.AwaitingDecision, cut.Find("[data-testid=decisions-due]").TextContent);
        var flags = cut.FindAll("[data-testid=due-items] [data-overdue]");
        Assert.Contains(flags, f => f.GetAttribute("data-overdue") == "true" && f.TextContent.StartsWith("Overdue by", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeadOfficerHomeListsTheirAgencysReportsOnly()
    {
        await SignInAsAsync(DemoData.Emails.PoliceOfficer);

        var home = Render<DueAndOverdue>();
        var reports = Render<MyAgencyReports>();

        home.WaitForElement("[data-testid=reports-due]", Wait);
        Assert.Empty(home.FindAll("[data-testid=due-items]"));
        reports.WaitForElement("[data-testid=outstanding-reports]", Wait);
        Assert.Contains(DemoData.References.Paused, reports.Find("[data-testid=outstanding-reports]").TextContent);
        Assert.DoesNotContain("Adult", reports.Markup);
    }
}
