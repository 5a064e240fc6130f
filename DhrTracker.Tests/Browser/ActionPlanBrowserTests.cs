using System.Globalization;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DhrTracker.Tests.Browser;

/// <summary>
/// Action plans in Debian's Chromium: the co-ordinator enters a plan, the lead officer delivers it, the co-ordinator
/// decides; revised dates keep their baseline; each role is kept to its own. The app runs on the real clock and
/// its demo data is relative to today. These tests change only their own plan (DHR-2024-02 has none until they
/// enter it) and one unpublished police action, which no other browser test reads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ActionPlanBrowserTests(BrowserFixture fixture)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateOnly Today = DhrTracker.Infrastructure.Time.UkClock.System.Today;

    private const string HavenAction = "Train all outreach workers in coercive control of older people.";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(DateOnly date) => date.ToString("d MMM yyyy", Uk);

    private static async Task GotoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await BrowserFixture.WaitForCircuitAsync(page);
    }

    private async Task<T> ReadAsync<T>(Func<DhrDbContext, Task<T>> read)
    {
        await using var db = fixture.App.Services.GetRequiredService<DhrDbContextFactory>().Create(DataScope.System);
        return await read(db);
    }

    private Task<int> ActionIdAsync(string descriptionStart) =>
        ReadAsync(db => db.Actions.Where(a => a.Description.StartsWith(descriptionStart)).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task CoordinatorEntersAPlanLeadOfficerDeliversItAndTheAcceptanceRollsUp()
    {
        // 1. The co-ordinator enters a recommendation, its action and a milestone that fell due ten days ago.
        var coordinator = await fixture.SignInAsAsync(DemoData.Emails.Coordinator, "/reviews");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = DemoData.References.Resubmitting, Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("edit-plan")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(coordinator);
        await coordinator.GetByTestId("edit-plan").ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Action plan: {DemoData.References.Resubmitting}");
        var newRec = coordinator.GetByTestId("new-recommendation");
        await Assertions.Expect(newRec.GetByLabel("Number")).ToHaveValueAsync("1");
        await newRec.GetByLabel("Recommendation text").FillAsync("Haven Domestic Abuse Service should train its outreach workers to recognise coercive control of older people.");
        await newRec.GetByLabel("Haven Domestic Abuse Service", new() { Exact = true }).CheckAsync();
        await newRec.GetByLabel("Training", new() { Exact = true }).CheckAsync();
        await newRec.GetByRole(AriaRole.Button, new() { Name = "Add recommendation" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("saved-message")).ToContainTextAsync("Recommendation 1 added");

        var actionForm = coordinator.GetByTestId("action-form");
        await actionForm.GetByLabel("Action to take").FillAsync(HavenAction);
        await actionForm.GetByLabel("Lead agency").SelectOptionAsync(new SelectOptionValue { Label = "Haven Domestic Abuse Service" });
        await actionForm.GetByLabel("Lead officer").FillAsync("Aisha Khan");
        await actionForm.GetByLabel("Target date").FillAsync(Iso(Today.AddMonths(6)));
        await actionForm.GetByLabel("Outcome sought").FillAsync("Outreach workers recognise coercive control of older people.");
        await actionForm.GetByRole(AriaRole.Button, new() { Name = "Save action", Exact = true }).ClickAsync();
        var milestoneForm = coordinator.GetByTestId("milestone-form");
        await milestoneForm.GetByLabel("Milestone").FillAsync("Training pack agreed");
        await milestoneForm.GetByLabel("Due date").FillAsync(Iso(Today.AddDays(-10)));
        await milestoneForm.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("tr[data-action='1.1']")).ToContainTextAsync("Milestone 'Training pack agreed' overdue by 10 days");
        await milestoneForm.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("plan-overall")).ToContainTextAsync("Recommendation 1 is Amber: Action 1.1 is Amber: Milestone 'Training pack agreed' overdue by 10 days");
        await BrowserFixture.AssertAccessibleAsync(coordinator);
        await BrowserFixture.ScreenshotAsync(coordinator, "40-plan-editor");

        // 2. The lead officer sees only Haven's actions, and delivers this one.
        var officer = await fixture.SignInAsAsync(DemoData.Emails.DaServiceOfficer, "/actions/mine");
        var havenActions = await ReadAsync(db => db.Actions.CountAsync(a => a.LeadAgencyId == db.Agencies.Single(g => g.Name == "Haven Domestic Abuse Service").Id));
        await Assertions.Expect(officer.GetByTestId("my-actions-list").Locator("tbody tr")).ToHaveCountAsync(havenActions);
        await Assertions.Expect(officer.GetByTestId("my-actions-list")).Not.ToContainTextAsync("Refresh the DASH risk assessment training package");
        await BrowserFixture.AssertAccessibleAsync(officer);
        await BrowserFixture.ScreenshotAsync(officer, "41-my-actions");
        await officer.GetByRole(AriaRole.Link, new() { Name = HavenAction }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("action-status")).ToContainTextAsync("Amber");
        await Assertions.Expect(officer.GetByTestId("action-status")).ToContainTextAsync("Milestone 'Training pack agreed' overdue by 10 days");

        await officer.GetByRole(AriaRole.Button, new() { Name = "Mark achieved – Training pack agreed" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("saved-message")).ToHaveTextAsync("Milestone marked achieved.");
        await Assertions.Expect(officer.Locator("tr[data-milestone='Training pack agreed']")).ToContainTextAsync($"Achieved {Shown(Today)}");
        await Assertions.Expect(officer.GetByTestId("action-status")).ToContainTextAsync("Green");

        await officer.GetByLabel("What has happened since the last update").FillAsync("Pack agreed with the training lead; all 14 outreach workers booked and trained.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("saved-message")).ToHaveTextAsync("Update posted.");
        await Assertions.Expect(officer.GetByTestId("updates")).ToContainTextAsync("all 14 outreach workers booked and trained");

        await officer.GetByLabel("Evidence of the outcome").FillAsync("Training register: 14 of 14 outreach workers trained; referrals of older victims up from 2 to 9 a quarter.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Propose completion" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("completion-state")).ToContainTextAsync("Completion proposed");
        await Assertions.Expect(officer.GetByTestId("action-status")).ToContainTextAsync("Green");
        await BrowserFixture.AssertAccessibleAsync(officer);
        await BrowserFixture.ScreenshotAsync(officer, "42-action-lead-officer");

        // 3. The co-ordinator accepts the evidence: the action, its recommendation and the review turn Blue.
        await GotoAsync(coordinator, "/dashboards/delivery");
        var evidence = coordinator.GetByTestId("evidence-awaiting");
        await Assertions.Expect(evidence).ToContainTextAsync(HavenAction);
        await BrowserFixture.AssertAccessibleAsync(coordinator);
        await BrowserFixture.ScreenshotAsync(coordinator, "43-delivery-dashboard");
        await evidence.GetByRole(AriaRole.Link, new() { Name = $"Review the evidence for {DemoData.References.Resubmitting} action 1.1" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("proposed-evidence")).ToContainTextAsync("14 of 14 outreach workers trained");
        await Assertions.Expect(coordinator.GetByTestId("review-status")).ToContainTextAsync("Green");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Accept completion" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("saved-message")).ToContainTextAsync("Completion accepted");
        await Assertions.Expect(coordinator.GetByTestId("action-status")).ToContainTextAsync($"Blue – complete Complete: evidence accepted on {Today.ToString("d MMMM yyyy", Uk)}");
        await Assertions.Expect(coordinator.GetByTestId("recommendation-status")).ToContainTextAsync("Blue All 1 action(s) complete");
        await Assertions.Expect(coordinator.GetByTestId("review-status")).ToContainTextAsync("Blue All 1 recommendation(s) complete");
        await BrowserFixture.AssertAccessibleAsync(coordinator);
        await BrowserFixture.ScreenshotAsync(coordinator, "44-action-accepted");

        await coordinator.GetByRole(AriaRole.Link, new() { Name = DemoData.References.Resubmitting, Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("plan-overall")).ToContainTextAsync("Blue – complete");
        await Assertions.Expect(coordinator.GetByTestId("plan-overall")).ToContainTextAsync("All 1 recommendation(s) complete");
        await Assertions.Expect(coordinator.Locator("article.recommendation[data-number='1']")).ToContainTextAsync("All 1 action(s) complete");
        await BrowserFixture.AssertAccessibleAsync(coordinator);
    }

    [Fact]
    public async Task RevisedTargetDateIsApprovedAndKeepsItsBaseline()
    {
        var actionId = await ActionIdAsync("Add a module on older victims");
        var baseline = await ReadAsync(db => db.Actions.Where(a => a.Id == actionId).Select(a => a.OriginalTargetDate!.Value).SingleAsync());
        var revised = baseline.AddDays(61);

        var officer = await fixture.SignInAsAsync(DemoData.Emails.PoliceOfficer, $"/actions/{actionId}");
        var request = officer.GetByTestId("request-revision");
        await request.GetByLabel("Revised target date").FillAsync(Iso(revised));
        await request.GetByRole(AriaRole.Button, new() { Name = "Ask for this date" }).ClickAsync();
        await Assertions.Expect(request.GetByText("Why the date needs to move")).ToBeVisibleAsync();
        await Assertions.Expect(request.Locator(".validation-message")).ToHaveTextAsync("The reason is required.");
        await request.GetByLabel("Why the date needs to move").FillAsync("The older people's IDVA joins in the new year and must shape the module.");
        await request.GetByRole(AriaRole.Button, new() { Name = "Ask for this date" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("pending-revision")).ToContainTextAsync("61 days beyond the baseline");
        await BrowserFixture.AssertAccessibleAsync(officer);

        var coordinator = await fixture.SignInAsAsync(DemoData.Emails.Coordinator, "/dashboards/delivery");
        var row = coordinator.GetByTestId("revisions-awaiting").Locator("tbody tr", new() { HasText = "Add a module on older victims" });
        await Assertions.Expect(row).ToContainTextAsync("61 days beyond the baseline");
        await row.GetByRole(AriaRole.Link).Last.ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Approve revised date" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("saved-message")).ToContainTextAsync("the original stays as the baseline");
        var target = coordinator.GetByTestId("target-date");
        await Assertions.Expect(target).ToContainTextAsync(Shown(revised));
        await Assertions.Expect(target.GetByTestId("slippage")).ToHaveTextAsync($"Baseline {Shown(baseline)} · slipped 61 days");
        await Assertions.Expect(coordinator.GetByTestId("revision-history")).ToContainTextAsync("Approved");
        await BrowserFixture.AssertAccessibleAsync(coordinator);
        await BrowserFixture.ScreenshotAsync(coordinator, "45-revision-approved");

        // The slippage shows wherever the action is: the officer's list and the review's plan.
        await GotoAsync(officer, "/actions/mine");
        await Assertions.Expect(officer.Locator($"tr[data-action-id='{actionId}'] [data-testid=slippage]")).ToHaveTextAsync($"Baseline {Shown(baseline)} · slipped 61 days");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = DemoData.References.AtQaPanel, Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("tr[data-action='3.1']")).ToContainTextAsync("slipped 61 days");
        await BrowserFixture.AssertAccessibleAsync(coordinator);
    }

    [Fact]
    public async Task EachRoleIsKeptToItsOwnAndScrutinyReadsNoUnpublishedText()
    {
        var havenIdva = await ActionIdAsync("Offer IDVA support within 48 hours");
        var unpublished = await ActionIdAsync("Add a module on older victims");
        var reviewId = await ReadAsync(db => db.Reviews.Where(r => r.Reference == DemoData.References.PublishedRecent).Select(r => r.Id).SingleAsync());

        var police = await fixture.SignInAsAsync(DemoData.Emails.PoliceOfficer, $"/actions/{havenIdva}");
        await Assertions.Expect(police.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Assertions.Expect(police.Locator("main")).Not.ToContainTextAsync("IDVA support");
        await BrowserFixture.AssertAccessibleAsync(police);
        await GotoAsync(police, $"/reviews/{reviewId}/plan");
        await Assertions.Expect(police.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this" })).ToBeVisibleAsync();
        await Assertions.Expect(police.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(police);

        var scrutiny = await fixture.SignInAsAsync(DemoData.Emails.Scrutiny, "/dashboards/scrutiny");
        await Assertions.Expect(scrutiny.GetByTestId("published-plan").First).ToBeVisibleAsync();
        var qaRow = scrutiny.Locator($"tr[data-review='{DemoData.References.AtQaPanel}']");
        await Assertions.Expect(qaRow).ToContainTextAsync("The reasons are shown once the review is published.");
        await Assertions.Expect(scrutiny.Locator("main")).Not.ToContainTextAsync("older people");
        await Assertions.Expect(scrutiny.Locator("main")).Not.ToContainTextAsync("Prompts drafted with Haven");
        await BrowserFixture.AssertAccessibleAsync(scrutiny);
        await BrowserFixture.ScreenshotAsync(scrutiny, "46-scrutiny-summary");
        await GotoAsync(scrutiny, $"/actions/{unpublished}");
        await Assertions.Expect(scrutiny.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Assertions.Expect(scrutiny.Locator("main")).Not.ToContainTextAsync("older victims");
        await BrowserFixture.AssertAccessibleAsync(scrutiny);
        await GotoAsync(scrutiny, $"/reviews/{reviewId}");
        await Assertions.Expect(scrutiny.GetByTestId("similar-flag").First).ToBeVisibleAsync();
        await Assertions.Expect(scrutiny.Locator("main")).Not.ToContainTextAsync(DemoData.References.AtQaPanel);
        await scrutiny.GetByTestId("similar-flag").First.Locator("summary").ClickAsync();
        await Assertions.Expect(scrutiny.GetByTestId("similar-flag").First).ToContainTextAsync(DemoData.References.PublishedOlder);
        await BrowserFixture.AssertAccessibleAsync(scrutiny);
        await BrowserFixture.ScreenshotAsync(scrutiny, "46b-review-similar-flag");
    }

    [Fact]
    public async Task ChairAndAdministratorPagesAcrossReviewsAreAccessible()
    {
        var chair = await fixture.SignInAsAsync(DemoData.Emails.Chair, "/dashboards/chair");
        await Assertions.Expect(chair.GetByTestId("chair-reviews").Locator($"tr[data-review='{DemoData.References.PublishedRecent}']")).ToContainTextAsync("Red");
        await Assertions.Expect(chair.GetByTestId("chart-by-review").Locator("svg[role=img]")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(chair);
        await BrowserFixture.ScreenshotAsync(chair, "47-chair-dashboard");

        await chair.GetByTestId("dashboard-nav").GetByRole(AriaRole.Link, new() { Name = "Themes" }).ClickAsync();
        await Assertions.Expect(chair.Locator("tr[data-theme='Training']")).ToContainTextAsync(DemoData.References.PublishedOlder);
        await BrowserFixture.AssertAccessibleAsync(chair);
        await BrowserFixture.ScreenshotAsync(chair, "48-themes");

        await chair.GetByTestId("dashboard-nav").GetByRole(AriaRole.Link, new() { Name = "National recommendations" }).ClickAsync();
        await Assertions.Expect(chair.Locator("[data-body='Home Office']")).ToContainTextAsync("Home Office reply received");
        await BrowserFixture.AssertAccessibleAsync(chair);

        var admin = await fixture.SignInAsAsync(DemoData.Emails.Administrator, "/themes/manage");
        var add = admin.GetByTestId("add-theme");
        await add.GetByLabel("Theme").FillAsync("training");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add theme" }).ClickAsync();
        await Assertions.Expect(add.Locator(".validation-message")).ToHaveTextAsync("There is already a theme called \"training\".");
        await add.GetByLabel("Theme").FillAsync("Stalking and harassment");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add theme" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-theme='Stalking and harassment']")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(admin);
        await BrowserFixture.ScreenshotAsync(admin, "49-manage-themes");
    }
}
