using System.Text.RegularExpressions;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using Microsoft.Playwright;

namespace DhrTracker.Tests.Browser;

/// <summary>The first journeys in Debian's Chromium: sign in as each role and see what that role should, and nothing more.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FoundationBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SignedOutVisitorIsSentToSignIn()
    {
        var context = await fixture.NewContextAsync(locale: null);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/reviews");
        Assert.Contains("/account/demo", page.Url);
        Assert.Contains("returnurl=%2freviews", page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in as a demo user" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "00-demo-sign-in");
        await context.CloseAsync();
    }

    [Fact]
    public async Task CoordinatorOpensTheRegisterAndAReviewWithItsPlan()
    {
        var page = await fixture.SignInAsAsync(DemoData.Emails.Coordinator, "/reviews");
        var register = page.GetByTestId("register");
        await Assertions.Expect(register).ToContainTextAsync(DemoData.References.PublishedRecent);
        await Assertions.Expect(register).ToContainTextAsync(DemoData.References.JustNotified);
        await Assertions.Expect(register).Not.ToContainTextAsync(DemoData.References.SecondPartnershipReview);
        await Assertions.Expect(register).ToContainTextAsync("Overdue by");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "01-register-coordinator");

        await page.GetByRole(AriaRole.Link, new() { Name = DemoData.References.PublishedRecent, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(DemoData.References.PublishedRecent);
        await Assertions.Expect(page.GetByTestId("timeline").Locator("tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(page.GetByTestId("stage")).ToHaveTextAsync("Action plan delivery");
        await Assertions.Expect(page.Locator(".recommendation").First).ToBeVisibleAsync();
        // Every status is written in words beside its colour, with the reason.
        var redBadges = page.Locator("tr[data-action] .rag-red");
        Assert.True(await redBadges.CountAsync() > 0);
        await Assertions.Expect(redBadges.First).ToHaveTextAsync("Red");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case details" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "02-review-coordinator");
    }

    [Fact]
    public async Task RegisterFiltersByStage()
    {
        var page = await fixture.SignInAsAsync(DemoData.Emails.Chair, "/reviews");
        await page.GetByLabel("Stage").SelectOptionAsync(new SelectOptionValue { Label = "Awaiting decision" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("stage=AwaitingDecision"));
        // Other browser tests may record new notifications in the shared app, so count only what the filter must keep out.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).Not.ToHaveTextAsync("13 review(s) shown.");
        await Assertions.Expect(page.GetByTestId("register")).ToContainTextAsync(DemoData.References.AwaitingDecision);
        await Assertions.Expect(page.GetByTestId("register")).Not.ToContainTextAsync(DemoData.References.PublishedRecent);
    }

    [Fact]
    public async Task ScrutinyMemberSeesNoCaseDetailsAndNoUnpublishedPlan()
    {
        var page = await fixture.SignInAsAsync(DemoData.Emails.Scrutiny, "/reviews");
        await page.GetByRole(AriaRole.Link, new() { Name = DemoData.References.AtQaPanel, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case details" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("The action plan is shown to the scrutiny panel once the review is published.")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".recommendation").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "03-review-scrutiny-unpublished");
    }

    [Fact]
    public async Task LeadOfficerSeesOnlyTheirAgencysActionsAndCannotOpenTheRegister()
    {
        var page = await fixture.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        await Assertions.Expect(page.GetByTestId("my-actions")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Reviews" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "04-home-lead-officer");

        await page.GotoAsync("/reviews");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("register").CountAsync());
    }

    [Fact]
    public async Task AdministratorSeesPeopleAndAgenciesButNoCases()
    {
        var page = await fixture.SignInAsAsync(DemoData.Emails.Administrator);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(DemoData.Emails.PoliceOfficer)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reviews at a glance" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "05-home-administrator");
    }

    [Fact]
    public async Task SecondPartnershipSeesOnlyItsOwnReviews()
    {
        var page = await fixture.SignInAsAsync(DemoData.Emails.SecondCoordinator, "/reviews");
        var register = page.GetByTestId("register");
        await Assertions.Expect(register).ToContainTextAsync(DemoData.References.SecondPartnershipReview);
        await Assertions.Expect(register).Not.ToContainTextAsync(DemoData.References.PublishedRecent);
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        var page = await fixture.SignInAsAsync(DemoData.Emails.Chair);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" })).ToBeVisibleAsync();
        await page.GotoAsync("/reviews");
        Assert.Contains("/account/demo", page.Url);
    }
}
