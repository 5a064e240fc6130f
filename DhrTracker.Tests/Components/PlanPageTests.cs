using Bunit;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Web.Components.Pages.Actions;
using DhrTracker.Web.Components.Pages.Dashboards;
using DhrTracker.Web.Components.Pages.Plans;
using DhrTracker.Web.Components.Pages.Themes;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Components;

/// <summary>The action plan pages with the real handlers over the demo data: what a person types, sees and is told.</summary>
public abstract class PlanPageTestBase : PageTestContext
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // The pages move focus to the form just opened; bUnit has no browser to focus in.
    protected PlanPageTestBase() => JSInterop.Mode = JSRuntimeMode.Loose;

    protected async Task<int> ReviewIdAsync(string reference)
    {
        await using var db = Database.Open(DataScope.System);
        return await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
    }

    protected async Task<int> ActionIdAsync(string descriptionStart)
    {
        await using var db = Database.Open(DataScope.System);
        return await db.Actions.Where(a => a.Description.StartsWith(descriptionStart)).Select(a => a.Id).SingleAsync();
    }

    protected async Task<int> AgencyIdAsync(string name)
    {
        await using var db = Database.Open(DataScope.System);
        return await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).FirstAsync();
    }

    /// <summary>Someone else saves a change to the action in the meantime (as another browser would).</summary>
    protected async Task SomeoneElseUpdatesAsync(int actionId)
    {
        await using var db = Database.Open(DataScope.System);
        var action = await db.Actions.Include(a => a.Milestones).Include(a => a.Updates).SingleAsync(a => a.Id == actionId);
        action.PostUpdate("Another officer's update.", null, null, new Actor(999, "Another officer"), Database.Clock.GetUtcNow().UtcDateTime, StatusThresholds.Default);
        await db.SaveChangesAsync();
    }
}

public sealed class PlanEditorPageTests : PlanPageTestBase
{
    [Fact]
    public async Task CoordinatorEntersARecommendationThenItsActionAndMilestoneWithoutLeavingThePage()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var haven = await AgencyIdAsync("Haven Domestic Abuse Service");
        var cut = Render<PlanEditor>(p => p.Add(x => x.ReviewId, ReviewIdAsync(DemoData.References.Resubmitting).Result));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=new-recommendation]")), Wait);
        Assert.Equal("1", cut.Find("#new-rec-number").GetAttribute("value"));

        cut.Find("#new-rec-text").Change("Haven should train its outreach workers in recognising coercive control.");
        cut.Find($"#new-rec-to-{haven}").Change(true);
        cut.Find("[data-testid=new-recommendation]").Submit();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("article.recommendation-editor")), Wait);
        Assert.Contains("Recommendation 1 added", cut.Find("[data-testid=saved-message]").TextContent);
        Assert.Equal("2", cut.Find("#new-rec-number").GetAttribute("value"));
        var recId = cut.Find("article.recommendation-editor h2").Id!.Replace("rec-", "", StringComparison.Ordinal);

        cut.Find($"#new-action-{recId}-description").Change("Train every outreach worker.");
        cut.Find($"#new-action-{recId}-lead").Change(haven.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find($"#new-action-{recId}-target").Change(Database.Today.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("[data-testid=action-form]").Submit();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr[data-action='1.1']")), Wait);
        var milestone = cut.Find("[data-testid=milestone-form]");
        cut.Find("[data-testid=milestone-form] input[id$=-description]").Change("Training pack agreed");
        cut.Find("[data-testid=milestone-form] input[id$=-due]").Change(Database.Today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("[data-testid=milestone-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Training pack agreed – due", cut.Find("tr[data-action='1.1']").TextContent), Wait);
        Assert.Contains("Milestone 'Training pack agreed' overdue by 3 days", cut.Find("tr[data-action='1.1']").TextContent);
        Assert.NotNull(milestone);
        // The milestone form stays open, empty, for the next one.
        Assert.Equal(string.Empty, cut.Find("[data-testid=milestone-form] input[id$=-description]").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task BadInputIsShownNextToTheFieldAndWhatWasTypedStays()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.PublishedRecent);
        var cut = Render<PlanEditor>(p => p.Add(x => x.ReviewId, reviewId));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("article.recommendation-editor")), Wait);

        cut.Find("#new-rec-number").Change("3(a)");
        cut.Find("#new-rec-text").Change("A second 3(a), typed by mistake.");
        cut.Find("#new-rec-scope-National").Change(RecommendationScope.National);
        cut.Find("[data-testid=new-recommendation]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("already has a recommendation 3(a)", cut.Find("[data-testid=new-recommendation]").TextContent), Wait);
        var message = cut.Find("[data-testid=new-recommendation] .validation-message");
        Assert.Contains("3(a)", message.TextContent);
        Assert.Equal("A second 3(a), typed by mistake.", cut.Find("#new-rec-text").GetAttribute("value"));
        Assert.Equal(14, cut.FindAll("article.recommendation-editor").Count);
    }

    [Fact]
    public async Task SecondEditorIsToldOfTheConflictKeepsTheirWordingAndCanSaveAfterSeeingTheOther()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.PublishedRecent);
        var cut = Render<PlanEditor>(p => p.Add(x => x.ReviewId, reviewId));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("article.recommendation-editor")), Wait);
        cut.FindAll("article.recommendation-editor button").First(b => b.TextContent.StartsWith("Edit", StringComparison.Ordinal)).Click();
        var text = cut.Find("[data-testid=edit-recommendation] textarea");
        text.Change("My rewording of recommendation 1.");

        await using (var db = Database.Open(DataScope.System))
        {
            var rec = await db.Recommendations.SingleAsync(r => r.ReviewId == reviewId && r.Number == "1");
            rec.Edit("1", "The other co-ordinator's rewording.", rec.Scope);
            await db.SaveChangesAsync();
        }

        cut.Find("[data-testid=edit-recommendation]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Someone else changed this", cut.Find("[data-testid=form-problem]").TextContent), Wait);
        Assert.Equal("My rewording of recommendation 1.", cut.Find("[data-testid=edit-recommendation] textarea").GetAttribute("value"));

        cut.Find("[data-testid=form-problem] button").Click();
        cut.WaitForAssertion(() => Assert.Contains("Now saved as: 1: The other co-ordinator's rewording.", cut.Markup), Wait);
        cut.Find("[data-testid=edit-recommendation]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("My rewording of recommendation 1.", cut.Find("article.recommendation-editor").TextContent), Wait);
    }

    [Theory]
    [InlineData(DemoData.Emails.Chair)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    public async Task OthersAreToldTheyHaveNoAccess(string email)
    {
        await SignInAsAsync(email);
        var reviewId = await ReviewIdAsync(DemoData.References.PublishedRecent);

        var cut = Render<PlanEditor>(p => p.Add(x => x.ReviewId, reviewId));

        cut.WaitForAssertion(() => Assert.Contains("You do not have access to this", cut.Markup), Wait);
        Assert.Empty(cut.FindAll("form"));
    }
}

public sealed class PlanActionPageTests : PlanPageTestBase
{
    private const string PoliceTraining = "Refresh the DASH risk assessment training package";

    [Fact]
    public async Task LeadOfficerPostsAnUpdateAndSeesItAtTheTop()
    {
        await SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var cut = Render<ActionPage>(p => p.Add(x => x.Id, ActionIdAsync(PoliceTraining).Result));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=post-update]")), Wait);
        Assert.Contains("Milestone 'Training pack agreed' overdue by 41 days", cut.Find("[data-testid=action-status]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=review-status]"));

        cut.Find("#narrative").Change("Board agreed the pack at an extraordinary meeting.");
        cut.Find("[data-testid=post-update]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Update posted.", cut.Find("[data-testid=saved-message]").TextContent), Wait);
        Assert.Contains("Board agreed the pack at an extraordinary meeting.", cut.Find("[data-testid=updates] li").TextContent);
        Assert.Equal(string.Empty, cut.Find("#narrative").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task RatingBetterThanTheDatesIsRefusedBesideTheRatingAndTheNarrativeStays()
    {
        await SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var cut = Render<ActionPage>(p => p.Add(x => x.Id, ActionIdAsync(PoliceTraining).Result));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=post-update]")), Wait);

        cut.Find("#narrative").Change("All is well.");
        cut.Find("#assessment").Change(Rag.Green.ToString());
        cut.Find("[data-testid=post-update]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("never better", cut.Find("[data-testid=post-update] .validation-message").TextContent), Wait);
        Assert.Equal("All is well.", cut.Find("#narrative").GetAttribute("value"));
    }

    [Fact]
    public async Task UpdateFromAStalePageIsAConflictAndWhatWasTypedStays()
    {
        await SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var actionId = await ActionIdAsync(PoliceTraining);
        var cut = Render<ActionPage>(p => p.Add(x => x.Id, actionId));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=post-update]")), Wait);
        cut.Find("#narrative").Change("My update, typed while someone else saved theirs.");

        await SomeoneElseUpdatesAsync(actionId);
        cut.Find("[data-testid=post-update]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Someone else changed this while you were editing it", cut.Find("[data-testid=form-problem]").TextContent), Wait);
        Assert.Equal("My update, typed while someone else saved theirs.", cut.Find("#narrative").GetAttribute("value"));
        cut.Find("[data-testid=form-problem] button").Click();
        cut.WaitForAssertion(() => Assert.Contains("Another officer's update.", cut.Find("[data-testid=updates]").TextContent), Wait);
        cut.Find("[data-testid=post-update]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("My update, typed while someone else saved theirs.", cut.Find("[data-testid=updates] li").TextContent), Wait);
    }

    [Fact]
    public async Task CoordinatorSeesTheEvidenceAndTheDecisionButtons()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);
        var cut = Render<ActionPage>(p => p.Add(x => x.Id, ActionIdAsync("Offer IDVA support within 48 hours").Result));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=decide-completion]")), Wait);
        Assert.Contains("Two audits of IDVA contact times", cut.Find("[data-testid=proposed-evidence]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=review-status] .rag"));
        Assert.Empty(cut.FindAll("[data-testid=post-update]"));

        cut.Find("[data-testid=decide-completion] button.btn-outline-danger").Click();
        cut.WaitForAssertion(() => Assert.Contains("The reason for returning it is required.", cut.Find("[data-testid=decide-completion] .validation-message").TextContent), Wait);
    }

    [Fact]
    public async Task AnotherAgencysOfficerFindsNothing()
    {
        await SignInAsAsync(DemoData.Emails.DaServiceOfficer);

        var cut = Render<ActionPage>(p => p.Add(x => x.Id, ActionIdAsync(PoliceTraining).Result));

        cut.WaitForAssertion(() => Assert.Contains("Not found", cut.Markup), Wait);
        Assert.DoesNotContain(PoliceTraining, cut.Markup);
    }

    [Fact]
    public async Task MyActionsListsOnlyTheOfficersAgencyMostUrgentFirst()
    {
        await SignInAsAsync(DemoData.Emails.PoliceOfficer);

        var cut = Render<MyActions>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=my-actions-list] tbody tr")), Wait);
        Assert.Contains("Actions led by Eastshire Constabulary", cut.Markup);
        Assert.DoesNotContain("Offer IDVA support within 48 hours", cut.Markup);
        var first = cut.Find("[data-testid=my-actions-list] tbody tr");
        Assert.Equal("Red", first.QuerySelector(".rag")!.TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=slippage]"));
        Assert.Contains("Revised date asked for", cut.Markup);
    }
}

public sealed class PlanDashboardPageTests : PlanPageTestBase
{
    [Fact]
    public async Task DeliveryDashboardListsDecisionsAndDrawsAnAccessibleChart()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);

        var cut = Render<DeliveryDashboard>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=evidence-awaiting] tbody tr")), Wait);
        Assert.Single(cut.FindAll("[data-testid=revisions-awaiting] tbody tr"));
        Assert.NotEmpty(cut.FindAll("[data-testid=overdue-agency][data-agency='Eastshire Constabulary'] tbody tr"));
        var svg = cut.Find("[data-testid=chart-by-agency] svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.Contains("Eastshire Constabulary:", cut.Find($"#{labelledBy[1]}").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=chart-by-agency] details table tbody tr"));
    }

    [Fact]
    public async Task ScrutinySummaryShowsCountsButNoUnpublishedText()
    {
        await SignInAsAsync(DemoData.Emails.Scrutiny);

        var cut = Render<ScrutinySummary>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=published-plan]")), Wait);
        Assert.Contains("The reasons are shown once the review is published.", cut.Find($"tr[data-review='{DemoData.References.AtQaPanel}']").TextContent);
        Assert.DoesNotContain("older people", cut.Markup);
        Assert.DoesNotContain("Prompts drafted with Haven", cut.Markup);
        Assert.Contains("DASH risk assessment training for frontline staff", cut.Markup);
    }

    [Fact]
    public async Task ChairSeesEveryReviewWithStatusAndCounts()
    {
        await SignInAsAsync(DemoData.Emails.Chair);

        var cut = Render<ChairDashboard>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=chair-reviews] tbody tr")), Wait);
        var recent = cut.Find($"tr[data-review='{DemoData.References.PublishedRecent}']");
        Assert.Contains("Blue", recent.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(recent.QuerySelector(".status-reason")!.TextContent));
        Assert.NotEmpty(cut.FindAll("[data-testid=chart-by-review] svg"));
    }

    [Fact]
    public async Task ThemesPageCountsRecommendationsByThemeWithTheirReviews()
    {
        await SignInAsAsync(DemoData.Emails.Coordinator);

        var cut = Render<ThemesPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=theme-counts] tbody tr")), Wait);
        var training = cut.Find("tr[data-theme='Training']");
        Assert.Contains(DemoData.References.PublishedOlder, training.TextContent);
        Assert.Contains(DemoData.References.AtQaPanel, training.TextContent);
    }
}
