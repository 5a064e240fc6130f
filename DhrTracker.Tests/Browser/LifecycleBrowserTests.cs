using System.Globalization;
using System.Text.RegularExpressions;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Security;
using Microsoft.Playwright;

namespace DhrTracker.Tests.Browser;

/// <summary>
/// The life of a review in Debian's Chromium: one review walked from notification to publication by the
/// co-ordinator, the chair and a police lead officer, with a pause and a "publish after changes" QA outcome,
/// checking the timeline, the due and overdue flags and the history as it goes. The app runs on the real
/// clock, so every date is relative to today; the review is the test's own, so other tests are unaffected.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LifecycleBrowserTests(BrowserFixture fixture)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateOnly Today = DhrTracker.Infrastructure.Time.UkClock.System.Today;

    private static string Iso(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(DateOnly date) => date.ToString("d MMM yyyy", Uk);

    private static string Overdue(DateOnly due) => $"Overdue by {Today.DayNumber - due.DayNumber} days";

    private static ILocator StageBadge(IPage page, int stage) =>
        page.GetByTestId("stage-list").Locator($"li[data-stage='{stage}'] .stage-state");

    private static async Task GotoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await BrowserFixture.WaitForCircuitAsync(page);
    }

    private static async Task OpenStageAsync(IPage page, int reviewId, int stage)
    {
        await page.GetByTestId("stage-list").Locator($"li[data-stage='{stage}'] a").ClickAsync();
        await Assertions.Expect(page.GetByTestId("stage-panel")).ToHaveAttributeAsync("data-stage", stage.ToString(CultureInfo.InvariantCulture));
        Assert.EndsWith($"/reviews/{reviewId}/stages/{stage}", page.Url);
    }

    private static async Task SaveAsync(IPage page, string button, string saved)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync(saved);
    }

    /// <summary>The history tab's newest change is this one, by this person; then back to the stage forms.</summary>
    private static async Task AssertLatestChangeAsync(IPage page, int reviewId, string what, string by, int backToStage)
    {
        await page.GetByTestId("review-tabs").GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var latest = page.GetByTestId("history").Locator("tbody[data-kind]").First;
        await Assertions.Expect(latest).ToContainTextAsync(what);
        await Assertions.Expect(latest).ToContainTextAsync(by);
        await page.GetByTestId("review-tabs").GetByRole(AriaRole.Link, new() { Name = "Record stages" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("stage-list")).ToBeVisibleAsync();
        await OpenStageAsync(page, reviewId, backToStage);
    }

    [Fact]
    public async Task ReviewIsWalkedFromNotificationToPublicationByCoordinatorChairAndLeadOfficer()
    {
        var notifiedOn = Today.AddDays(-200);
        var decidedOn = Today.AddDays(-190);

        // 1. The co-ordinator records the notified death; bad input is refused field by field.
        var coordinator = await fixture.SignInAsAsync(DemoData.Emails.Coordinator, "/reviews/new");
        await coordinator.GetByLabel("Date the CSP was notified").FillAsync(Iso(-200));
        await coordinator.GetByLabel("Date of death").FillAsync(Iso(-199));
        await coordinator.GetByLabel("Notifying agency").SelectOptionAsync(new SelectOptionValue { Label = "Eastshire Constabulary" });
        await coordinator.GetByLabel("Victim's age").FillAsync("130");
        await coordinator.GetByLabel("Circumstances (confidential)").FillAsync("Found at home by a neighbour; the ambulance service called the police.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record the notification" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".validation-message", new() { HasText = "The victim's pseudonym is required." })).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Locator(".validation-message", new() { HasText = "The victim's age must be between 0 and 120." })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(coordinator);
        await coordinator.GetByLabel("Victim's pseudonym").FillAsync("Adult T");
        await coordinator.GetByLabel("Victim's age").FillAsync("37");
        await coordinator.GetByLabel("Perpetrator's pseudonym (optional)").FillAsync("Adult U");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record the notification" }).ClickAsync();
        var deathMessage = coordinator.Locator("#n-death ~ .validation-message");
        await Assertions.Expect(deathMessage).ToHaveTextAsync("The date of death cannot be after the date the CSP was notified.");
        await BrowserFixture.ScreenshotAsync(coordinator, "lifecycle-01-notification-refused");
        Assert.EndsWith("/reviews/new", coordinator.Url);
        await coordinator.GetByLabel("Date of death").FillAsync(Iso(-203));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Record the notification" }).ClickAsync();
        await coordinator.WaitForURLAsync(new Regex(@"/reviews/\d+$"));
        var reviewId = int.Parse(coordinator.Url[(coordinator.Url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        await Assertions.Expect(coordinator.GetByTestId("timeline")).ToBeVisibleAsync();
        var reference = (await coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Split(' ')[0];
        Assert.Matches(@"^DHR-\d{4}-\d{2}$", reference);
        var timeline = coordinator.GetByTestId("timeline");
        await Assertions.Expect(timeline.Locator("tr[data-stage='1']")).ToContainTextAsync("Priya Raman");
        await Assertions.Expect(timeline.Locator("tr[data-stage='2'] .stage-state")).ToHaveTextAsync(Overdue(notifiedOn.AddMonths(1)));
        await BrowserFixture.ScreenshotAsync(coordinator, "lifecycle-02-notified");

        // The co-ordinator's home lists the overdue decision.
        await GotoAsync(coordinator, "/");
        var coordinatorDue = coordinator.GetByTestId("due-items").Locator($"tr[data-review='{reference}'][data-stage='2']");
        await Assertions.Expect(coordinatorDue).ToContainTextAsync(Overdue(notifiedOn.AddMonths(1)));

        // 2. The chair sees the decision due, records it and then corrects it.
        var chair = await fixture.SignInAsAsync(DemoData.Emails.Chair);
        await Assertions.Expect(chair.GetByTestId("decisions-due")).ToContainTextAsync(reference);
        await BrowserFixture.AssertAccessibleAsync(chair);
        await BrowserFixture.ScreenshotAsync(chair, "lifecycle-03-chair-home");
        await chair.GetByRole(AriaRole.Link, new() { Name = $"Record the decision for {reference}" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("decision-form")).ToBeVisibleAsync();
        await chair.GetByLabel("The person who died was aged 16 or over").CheckAsync();
        await chair.GetByLabel("They were related to, an intimate partner (current or former) of, or in the same household as the person responsible").CheckAsync();
        await chair.GetByLabel("Commission a review", new() { Exact = true }).CheckAsync();
        await chair.GetByLabel("Rationale").FillAsync("Adult T was 37 and lived with Adult U.");
        await chair.GetByLabel("Date of the decision").FillAsync(Iso(-190));
        await chair.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("decision-form").Locator(".validation-message")).ToContainTextAsync("every statutory criterion is met");
        await chair.GetByLabel("The death resulted (or appears to have resulted) from violence, abuse or neglect, or was a suicide where there was abuse").CheckAsync();
        await SaveAsync(chair, "Record the decision", "The decision was recorded.");
        await Assertions.Expect(StageBadge(chair, 2)).ToHaveTextAsync("Done");
        await Assertions.Expect(StageBadge(chair, 3)).ToHaveTextAsync(Overdue(decidedOn.AddMonths(1)));
        await chair.GetByLabel("Joint review with a SAR, CSPR or SUSR").CheckAsync();
        await chair.GetByLabel("Joint with").SelectOptionAsync(new SelectOptionValue { Label = "Safeguarding Adults Review (SAR)" });
        await chair.GetByLabel("The other review's reference").FillAsync("SAR-2026-07");
        await chair.GetByLabel("Rationale").FillAsync("All three criteria are met; the safeguarding adults board is reviewing the same death, so the reviews run jointly.");
        await SaveAsync(chair, "Record the corrected decision", "The corrected decision was recorded; the earlier one is kept.");
        await Assertions.Expect(chair.GetByTestId("decision")).ToHaveCountAsync(2);
        await Assertions.Expect(chair.Locator("[data-testid=decision][data-current=false]")).ToContainTextAsync("Superseded by a correction");
        await BrowserFixture.AssertAccessibleAsync(chair);
        await BrowserFixture.ScreenshotAsync(chair, "lifecycle-04-decision-corrected");
        await AssertLatestChangeAsync(chair, reviewId, "Chair's decision added", "Helen Marsh", 2);

        // 3–6. The co-ordinator may not decide, but carries the review on.
        await GotoAsync(coordinator, $"/reviews/{reviewId}/stages/2");
        await Assertions.Expect(coordinator.GetByTestId("chair-only")).ToBeVisibleAsync();
        Assert.Equal(0, await coordinator.GetByTestId("decision-form").CountAsync());
        await OpenStageAsync(coordinator, reviewId, 3);
        await coordinator.GetByLabel("Date the Home Office was told").FillAsync(Iso(-185));
        await SaveAsync(coordinator, "Save", "Recorded that the Home Office was told of the decision.");
        await Assertions.Expect(StageBadge(coordinator, 3)).ToHaveTextAsync("Done");
        await AssertLatestChangeAsync(coordinator, reviewId, "Review changed", "Priya Raman", 4);

        await coordinator.GetByLabel("Independent chair's name").FillAsync("Dr Ruth Adeyemi");
        await coordinator.GetByLabel("Date appointed").FillAsync(Iso(-180));
        await SaveAsync(coordinator, "Record the appointment", "The independent chair's appointment was recorded.");
        await Assertions.Expect(StageBadge(coordinator, 4)).ToHaveTextAsync("Done");

        await OpenStageAsync(coordinator, reviewId, 5);
        await coordinator.GetByLabel("Agency", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Eastshire Constabulary" });
        await coordinator.GetByLabel("Name", new() { Exact = true }).FillAsync("DI Sam Reeve");
        await coordinator.GetByLabel("Role on the panel").FillAsync("Police representative");
        await SaveAsync(coordinator, "Add to the panel", "DI Sam Reeve was added to the panel.");
        await Assertions.Expect(coordinator.GetByTestId("panel")).ToContainTextAsync("DI Sam Reeve");
        await coordinator.GetByLabel("Date agreed").FillAsync(Iso(-175));
        await coordinator.GetByLabel("Period under review from").FillAsync(Iso(-203 - 730));
        await SaveAsync(coordinator, "Record the terms of reference", "The terms of reference were recorded.");
        await Assertions.Expect(StageBadge(coordinator, 5)).ToHaveTextAsync("Done");
        await Assertions.Expect(coordinator.GetByTestId("stage")).ToHaveTextAsync("Under review");
        await AssertLatestChangeAsync(coordinator, reviewId, "Review changed", "Priya Raman", 6);

        await coordinator.GetByLabel("Agency", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Eastshire Constabulary" });
        await coordinator.GetByLabel("Date requested").FillAsync(Iso(-170));
        await SaveAsync(coordinator, "Request the report", "Individual management review (IMR) requested from Eastshire Constabulary.");
        var imrDue = Today.AddDays(-170 + 42);
        await Assertions.Expect(StageBadge(coordinator, 6)).ToHaveTextAsync(Overdue(imrDue));
        await Assertions.Expect(coordinator.GetByTestId("agency-reports")).ToContainTextAsync(Shown(imrDue));
        await BrowserFixture.ScreenshotAsync(coordinator, "lifecycle-05-imr-requested");

        // 6. The police lead officer sees the request by reference only, and records the submission.
        var officer = await fixture.SignInAsAsync(DemoData.Emails.PoliceOfficer, "/agency-reports");
        var request = officer.GetByTestId("outstanding-reports").Locator("tr", new() { HasText = reference });
        await Assertions.Expect(request.GetByTestId("due-text")).ToHaveTextAsync(Overdue(imrDue));
        await Assertions.Expect(officer.Locator("main")).Not.ToContainTextAsync("Adult T");
        await Assertions.Expect(officer.Locator("main")).Not.ToContainTextAsync("neighbour");
        await BrowserFixture.AssertAccessibleAsync(officer);
        await BrowserFixture.ScreenshotAsync(officer, "lifecycle-06-lead-officer-reports");
        await request.GetByLabel(new Regex("was submitted$")).FillAsync(Iso(-100));
        await request.GetByRole(AriaRole.Button, new() { Name = $"Record submission for {reference}" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("saved")).ToContainTextAsync(reference);
        await Assertions.Expect(officer.GetByTestId("submitted-reports")).ToContainTextAsync(reference);

        // 8. The co-ordinator sees the report in, pauses the review for the trial and ends the pause.
        await GotoAsync(coordinator, $"/reviews/{reviewId}/stages/6");
        await Assertions.Expect(StageBadge(coordinator, 6)).ToHaveTextAsync("Done");
        await Assertions.Expect(coordinator.GetByTestId("agency-reports")).ToContainTextAsync("Sarah Cole");
        await AssertLatestChangeAsync(coordinator, reviewId, "Agency report request changed", "Sarah Cole", 8);
        var completionBefore = decidedOn.AddMonths(6);
        await Assertions.Expect(StageBadge(coordinator, 9)).ToHaveTextAsync(Overdue(completionBefore));
        await coordinator.GetByLabel("Date the pause started").FillAsync(Iso(-150));
        await coordinator.GetByLabel("Date the Home Office was told (optional)").FillAsync(Iso(-149));
        await coordinator.GetByLabel("Notes").FillAsync("Trial of Adult U at the Crown Court.");
        await SaveAsync(coordinator, "Pause the review", "The review was paused for criminal trial.");
        await Assertions.Expect(StageBadge(coordinator, 8)).ToHaveTextAsync("In progress");
        await Assertions.Expect(coordinator.GetByText("Paused for parallel proceedings")).ToBeVisibleAsync();
        await coordinator.GetByLabel("Date the pause ended").FillAsync(Iso(-60));
        await SaveAsync(coordinator, "End the pause", "The pause was ended; its days are added to the completion date.");
        await Assertions.Expect(coordinator.GetByTestId("paused-days")).ToContainTextAsync("Paused days so far: 91.");
        await Assertions.Expect(coordinator.GetByTestId("completion-due")).ToContainTextAsync($"{Shown(completionBefore.AddDays(91))} (includes 91 paused days)");
        await Assertions.Expect(StageBadge(coordinator, 8)).ToHaveTextAsync("Done");
        await BrowserFixture.ScreenshotAsync(coordinator, "lifecycle-07-paused-and-resumed");
        await AssertLatestChangeAsync(coordinator, reviewId, "Pause changed", "Priya Raman", 9);

        // 9–10. Overview report signed off, submitted to the QA panel, "publish after changes".
        await coordinator.GetByLabel("Drafted on").FillAsync(Iso(-50));
        await coordinator.GetByLabel("Signed off by the panel on").FillAsync(Iso(-40));
        await coordinator.GetByLabel("Signed off by the CSP on").FillAsync(Iso(-35));
        await SaveAsync(coordinator, "Save", "The overview report's dates were recorded.");
        await Assertions.Expect(StageBadge(coordinator, 9)).ToHaveTextAsync("Done");
        await OpenStageAsync(coordinator, reviewId, 10);
        await coordinator.GetByLabel("Date submitted").FillAsync(Iso(-30));
        await SaveAsync(coordinator, "Record the submission", "The submission to the QA panel was recorded.");
        await Assertions.Expect(coordinator.GetByTestId("stage")).ToHaveTextAsync("Home Office QA");
        await coordinator.GetByLabel("Date the panel met").FillAsync(Iso(-20));
        await coordinator.GetByLabel("Date of the feedback letter").FillAsync(Iso(-15));
        await coordinator.GetByLabel("Outcome").SelectOptionAsync(new SelectOptionValue { Label = "Publish after changes" });
        await coordinator.GetByLabel("Areas for final development (from the letter, optional)").FillAsync("Strengthen the analysis of the police contact.");
        await SaveAsync(coordinator, "Save the panel's response", "The QA panel's outcome was recorded: publish after changes.");
        await Assertions.Expect(StageBadge(coordinator, 10)).ToHaveTextAsync("Done");
        await Assertions.Expect(coordinator.GetByTestId("stage")).ToHaveTextAsync("Awaiting publication");
        await AssertLatestChangeAsync(coordinator, reviewId, "QA submission changed", "Priya Raman", 11);

        // 11. Publication.
        await coordinator.GetByLabel("Date published").FillAsync(Iso(-5));
        await coordinator.GetByLabel("Where it was published").FillAsync("Eastshire CSP website");
        await coordinator.GetByLabel("Copy sent to the Domestic Abuse Commissioner on (optional)").FillAsync(Iso(-3));
        await SaveAsync(coordinator, "Record the publication", "The publication was recorded.");
        await Assertions.Expect(coordinator.GetByTestId("stage")).ToHaveTextAsync("Action plan delivery");
        await BrowserFixture.ScreenshotAsync(coordinator, "lifecycle-08-published");

        // The timeline: stages 1–11 done, each with who recorded it.
        await coordinator.GetByTestId("review-tabs").GetByRole(AriaRole.Link, new() { Name = "Overview and timeline" }).ClickAsync();
        timeline = coordinator.GetByTestId("timeline");
        for (var stage = 1; stage <= 11; stage++)
        {
            var row = timeline.Locator($"tr[data-stage='{stage}']");
            await Assertions.Expect(row.Locator(".stage-state")).ToHaveTextAsync(stage == 7 ? "Not started" : "Done");
            if (stage != 7)
            {
                await Assertions.Expect(row.Locator("td").Last).Not.ToBeEmptyAsync();
            }
        }

        await Assertions.Expect(timeline.Locator("tr[data-stage='2']")).ToContainTextAsync("Helen Marsh");
        await Assertions.Expect(timeline.Locator("tr[data-stage='6']")).ToContainTextAsync("Sarah Cole");
        await Assertions.Expect(timeline.Locator("tr[data-stage='10']")).ToContainTextAsync("Publish after changes");
        await BrowserFixture.ScreenshotAsync(coordinator, "lifecycle-09-timeline");

        // The history keeps every step, the superseded decision included.
        await coordinator.GetByTestId("review-tabs").GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var history = coordinator.GetByTestId("history");
        await Assertions.Expect(history.Locator("tbody[data-subject=\"Chair's decision\"][data-kind=Added]")).ToHaveCountAsync(2);
        await Assertions.Expect(history).ToContainTextAsync("Commission a review");
        await Assertions.Expect(history).ToContainTextAsync("Joint review");
        await Assertions.Expect(history.Locator("tbody[data-subject='Review'][data-kind=Added]")).ToContainTextAsync("Priya Raman");
        await BrowserFixture.AssertAccessibleAsync(coordinator);
        await BrowserFixture.ScreenshotAsync(coordinator, "lifecycle-10-history");
        await coordinator.SetViewportSizeAsync(1280, 800);
        await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "lifecycle-10-history-viewport.png") });
    }

    [Fact]
    public async Task EachRoleIsKeptToItsPartOfTheReview()
    {
        // Scrutiny: stages and dates on the review page, but no stage forms, no history, no case details.
        var scrutiny = await fixture.SignInAsAsync(DemoData.Emails.Scrutiny, "/reviews");
        await scrutiny.GetByRole(AriaRole.Link, new() { Name = DemoData.References.Paused, Exact = true }).ClickAsync();
        await Assertions.Expect(scrutiny.GetByTestId("timeline")).ToBeVisibleAsync();
        await Assertions.Expect(scrutiny.GetByTestId("review-tabs")).ToHaveCountAsync(0);
        var reviewUrl = scrutiny.Url;
        await GotoAsync(scrutiny, reviewUrl + "/stages");
        await Assertions.Expect(scrutiny.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this" })).ToBeVisibleAsync();
        await GotoAsync(scrutiny, reviewUrl + "/history");
        await Assertions.Expect(scrutiny.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this" })).ToBeVisibleAsync();
        await Assertions.Expect(scrutiny.GetByTestId("history")).ToHaveCountAsync(0);

        // A lead officer: no notification form, no review page, no stage forms.
        var officer = await fixture.SignInAsAsync(DemoData.Emails.IcbOfficer, "/reviews/new");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this" })).ToBeVisibleAsync();
        await GotoAsync(officer, reviewUrl + "/stages");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this" })).ToBeVisibleAsync();
        await GotoAsync(officer, "/");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Agency reports requested from") })).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Due and overdue" })).ToHaveCountAsync(0);

        // The co-ordinator may not change the settings; the administrator may, and bad values are refused by field.
        var coordinator = await fixture.SignInAsAsync(DemoData.Emails.Coordinator, "/settings");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this" })).ToBeVisibleAsync();
        var admin = await fixture.SignInAsAsync(DemoData.Emails.Administrator, "/settings");
        await Assertions.Expect(admin.GetByLabel("Chair's decision due within (months of notification)")).ToHaveValueAsync("1");
        await admin.GetByLabel("Agency reports (IMRs) due after (days from the request)").FillAsync("3");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save the settings" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#s-imr ~ .validation-message")).ToHaveTextAsync("Agency report due (days) must be between 7 and 365.");
        await Assertions.Expect(admin.GetByTestId("saved")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(admin);
        await BrowserFixture.ScreenshotAsync(admin, "lifecycle-11-settings-refused");
    }
}
