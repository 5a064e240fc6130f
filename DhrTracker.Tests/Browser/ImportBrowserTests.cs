using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Infrastructure.Import;
using DhrTracker.Tests.Features.Import;
using DhrTracker.Tests.Import;
using DhrTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DhrTracker.Tests.Browser;

/// <summary>
/// The journey of issue 7: a co-ordinator brings in a Home Office-layout Word plan and an Excel tracker, checks each
/// preview, corrects a date the importer could not read, confirms, sees the plans on the review pages with their
/// statuses, and downloads the Home Office action plan, which reads back as the same plan.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportBrowserTests(BrowserFixture fixture)
{
    private const string WordFile = "Adult T action plan.docx";
    private const string ExcelFile = "Jenny action tracker.xlsx";
    private const string FaithForum = "Eastshire Faith Forum";
    private const float ConfirmTimeout = 60_000;

    [Fact]
    public async Task CoordinatorImportsAWordPlanAndAnExcelTrackerAndTheExportGivesThemBack()
    {
        var wordReview = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var page = await fixture.SignInAsAsync(DemoData.Emails.Coordinator, $"/reviews/{wordReview}");

        // ---- The Word plan ----
        await page.GetByTestId("import-plan").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/reviews/{wordReview}/import$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Import an action plan");
        await page.GetByLabel("Action plan file").SetInputFilesAsync(new FilePayload { Name = WordFile, MimeType = PlanFile.WordContentType, Buffer = SamplePlans.HomeOfficeWordPlan() });
        await Assertions.Expect(page.GetByText($"Chosen: {WordFile}")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "import-01-upload");

        await page.GetByRole(AriaRole.Button, new() { Name = "Read the plan" }).ClickAsync();
        var preview = page.GetByTestId("import-preview");
        await Assertions.Expect(preview).ToContainTextAsync($"From {WordFile}: 14 recommendations, 25 actions and 14 milestones. Nothing has been saved yet.");
        await Assertions.Expect(page.Locator(".import-recommendation")).ToHaveCountAsync(14);
        var status = page.GetByTestId("import-status");
        await Assertions.Expect(status).ToContainTextAsync("2 things need putting right before the plan can be saved.");

        // The date the importer could not read: highlighted in words, with the original beside it.
        var faithAction = page.Locator("[data-action='13.1']");
        await Assertions.Expect(faithAction).ToContainTextAsync("Could not read this date.");
        await Assertions.Expect(faithAction).ToContainTextAsync("In the plan: “After the trial”");
        await Assertions.Expect(page.Locator("[data-action='6.1']")).ToContainTextAsync("Ongoing from 1 October 2013: no target date.");
        await Assertions.Expect(page.Locator("[data-action='2.1']")).ToContainTextAsync("Read as 31 January 2014");
        await Assertions.Expect(page.Locator("[data-agency='Eastshire CCG']").GetByRole(AriaRole.Combobox)).ToHaveValueAsync((await AgencyIdAsync("Eastshire and Waveney Integrated Care Board")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator($"[data-agency='{FaithForum}']")).ToContainTextAsync("No agency of your partnership matches this name.");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "import-02-word-preview");

        // Confirming with something still to put right saves nothing and says what.
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and save the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-error")).ToContainTextAsync("Recommendation 13, action 1, target date");
        Assert.Equal(0, await RecommendationCountAsync(wordReview));

        var targetDate = faithAction.GetByLabel("Target date");
        await targetDate.FillAsync("30 September 2027");
        await targetDate.PressAsync("Tab");
        await Assertions.Expect(faithAction).ToContainTextAsync("Read as 30 September 2027.");
        await Assertions.Expect(faithAction).Not.ToContainTextAsync("Could not read this date");
        await page.GetByLabel($"Agency for “{FaithForum}”").SelectOptionAsync(new SelectOptionValue { Label = "Create a new agency" });
        await Assertions.Expect(page.GetByLabel("New agency's name")).ToHaveValueAsync(FaithForum);
        await Assertions.Expect(status).ToHaveTextAsync("Everything is ready to save. Check the plan, then confirm.");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "import-03-word-corrected");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and save the plan" }).ClickAsync();
        // Saving a whole plan in one transaction and opening the review can take longer than the default 15 s wait
        // while the other browser tests share the two cores (a clean-clone CI run once timed out here).
        await page.WaitForURLAsync(new Regex($"/reviews/{wordReview}$"), new() { Timeout = ConfirmTimeout });
        await Assertions.Expect(page.Locator(".recommendation")).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator("tr[data-action]")).ToHaveCountAsync(25);
        await ExpectStatusAsync(page, "1.1", "Blue");
        await ExpectStatusAsync(page, "7.1", "Blue");
        await ExpectStatusAsync(page, "11.1", "Blue");
        await ExpectStatusAsync(page, "2.1", "Red");
        await ExpectStatusAsync(page, "6.1", "Red");
        await ExpectStatusAsync(page, "13.1", "Green");
        await ExpectStatusAsync(page, "3.3", "Green");
        await Assertions.Expect(page.Locator("tr[data-action='13.1']")).ToContainTextAsync(FaithForum);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "import-04-word-plan-on-review");

        var faithForumId = await AgencyIdAsync(FaithForum);
        var agencies = await AgenciesAsync();
        var expectedWord = new WordPlanReader(new AgencyMatcher(agencies.Where(a => a.Id != faithForumId))).Read(SamplePlans.HomeOfficeWordPlan(), WordFile);
        expectedWord.Recommendations.Single(r => r.Number == "13").Actions[0].TargetDate = PlanDateParser.Parse("30 September 2027");
        PlanRoundTrip.AssertSame(
            expectedWord,
            name => name == FaithForum ? faithForumId : expectedWord.AgencyMatches[name].AgencyId!.Value,
            new WordPlanReader(new AgencyMatcher(agencies)).Read(await DownloadActionPlanAsync(page, wordReview), "export.docx"));

        // ---- The Excel tracker ----
        var excelReview = await ReviewIdAsync(DemoData.References.Paused);
        await page.GotoAsync($"/reviews/{excelReview}/import");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByLabel("Action plan file").SetInputFilesAsync(new FilePayload { Name = ExcelFile, MimeType = PlanFile.ExcelContentType, Buffer = SamplePlans.ExcelTracker() });
        await Assertions.Expect(page.GetByText($"Chosen: {ExcelFile}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the plan" }).ClickAsync();

        var mapping = page.GetByTestId("mapping-step");
        await Assertions.Expect(mapping).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Sheet")).ToHaveValueAsync("Tracker");
        await Assertions.Expect(page.GetByLabel("Row with the column headings")).ToHaveValueAsync("3");
        await Assertions.Expect(page.GetByLabel("Action to take (needed)")).ToHaveValueAsync("D");
        await Assertions.Expect(page.GetByLabel("Lead agency")).ToHaveValueAsync("E");
        await Assertions.Expect(page.GetByLabel("Target date")).ToHaveValueAsync("I");
        await Assertions.Expect(page.GetByLabel("Date of completion", new() { Exact = true })).ToHaveValueAsync("J");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "import-05-excel-mapping");

        await page.GetByRole(AriaRole.Button, new() { Name = "Read the plan with these columns" }).ClickAsync();
        await Assertions.Expect(preview).ToContainTextAsync($"From {ExcelFile}: 4 recommendations, 7 actions and 3 milestones.");
        await Assertions.Expect(status).ToContainTextAsync("1 thing needs putting right");
        var checklist = page.Locator("[data-action='3(a).2']");
        await Assertions.Expect(checklist).ToContainTextAsync("In the plan: “After the trial”");
        var checklistDate = checklist.GetByLabel("Target date");
        await checklistDate.FillAsync("March 2027");
        await checklistDate.PressAsync("Tab");
        await Assertions.Expect(checklist).ToContainTextAsync("Read as 31 March 2027");
        await Assertions.Expect(status).ToHaveTextAsync("Everything is ready to save. Check the plan, then confirm.");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "import-06-excel-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and save the plan" }).ClickAsync();
        // Saving a whole plan in one transaction and opening the review can take longer than the default 15 s wait
        // while the other browser tests share the two cores (a clean-clone CI run once timed out here).
        await page.WaitForURLAsync(new Regex($"/reviews/{excelReview}$"), new() { Timeout = ConfirmTimeout });
        await Assertions.Expect(page.Locator(".recommendation")).ToHaveCountAsync(4);
        await ExpectStatusAsync(page, "1.1", "Blue");
        await ExpectStatusAsync(page, "1.2", "Red");
        await ExpectStatusAsync(page, "3(a).1", "Blue");
        await ExpectStatusAsync(page, "3(a).2", "Green");
        await ExpectStatusAsync(page, "3.1", "Green");
        await BrowserFixture.ScreenshotAsync(page, "import-07-excel-plan-on-review");

        var expectedExcel = new ExcelPlanReader(new AgencyMatcher(agencies)).Read(SamplePlans.ExcelTracker(), ExcelFile, new ExcelPlanReader().Inspect(SamplePlans.ExcelTracker(), ExcelFile)[1].Suggested);
        expectedExcel.Recommendations.Single(r => r.Number == "3(a)").Actions[1].TargetDate = PlanDateParser.Parse("March 2027");
        PlanRoundTrip.AssertSame(
            expectedExcel,
            name => expectedExcel.AgencyMatches[name].AgencyId!.Value,
            new WordPlanReader(new AgencyMatcher(agencies)).Read(await DownloadActionPlanAsync(page, excelReview), "export.docx"));

        // The import and its file are in the review's history.
        await page.GotoAsync($"/reviews/{wordReview}/history");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Action plan import added");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(WordFile);
    }

    [Fact]
    public async Task AFileThatIsNotAPlanIsRefusedBesideTheFileField()
    {
        var reviewId = await ReviewIdAsync(DemoData.References.Resubmitting);
        var page = await fixture.SignInAsAsync(DemoData.Emails.Coordinator, $"/reviews/{reviewId}/import");
        await page.GetByLabel("Action plan file").SetInputFilesAsync(new FilePayload { Name = "minutes.docx", MimeType = PlanFile.WordContentType, Buffer = "Panel minutes, not a plan."u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the plan" }).ClickAsync();

        await Assertions.Expect(page.Locator("#plan-file-error")).ToContainTextAsync("This file is not a Word document, although its name ends .docx.");
        await Assertions.Expect(page.GetByLabel("Action plan file")).ToHaveAttributeAsync("aria-describedby", "plan-file-hint plan-file-error");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "import-08-bad-file");
        Assert.Equal(0, await RecommendationCountAsync(reviewId));
    }

    [Fact]
    public async Task TheChairHasNoImportLinkAndTheImportPageRefusesThem()
    {
        var reviewId = await ReviewIdAsync(DemoData.References.PanelAndTerms);
        var page = await fixture.SignInAsAsync(DemoData.Emails.Chair, $"/reviews/{reviewId}");
        await Assertions.Expect(page.GetByTestId("documents")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-plan")).ToHaveCountAsync(0);

        await page.GotoAsync($"/reviews/{reviewId}/import");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have access to this" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByLabel("Action plan file").CountAsync());
    }

    private static async Task ExpectStatusAsync(IPage page, string action, string status) =>
        await Assertions.Expect(page.Locator($"tr[data-action='{action}'] [data-status]")).ToHaveAttributeAsync("data-status", status);

    /// <summary>The Home Office action plan, downloaded with the signed-in person's cookies as the button on the review page does.</summary>
    private async Task<byte[]> DownloadActionPlanAsync(IPage page, int reviewId)
    {
        var response = await page.Context.APIRequest.GetAsync(new Uri(fixture.App.RootUri, $"/downloads/reviews/{reviewId}/action-plan.docx").ToString());
        Assert.True(response.Ok, $"The download answered {response.Status}.");
        Assert.Equal(PlanFile.WordContentType, response.Headers["content-type"]);
        return await response.BodyAsync();
    }

    private DhrDbContext OpenDb() =>
        new DhrDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={fixture.App.DatabasePath}", DhrTracker.Infrastructure.Time.UkClock.System).Create(DataScope.System);

    private async Task<int> ReviewIdAsync(string reference)
    {
        await using var db = OpenDb();
        return await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
    }

    private async Task<int> RecommendationCountAsync(int reviewId)
    {
        await using var db = OpenDb();
        return await db.Recommendations.CountAsync(r => r.ReviewId == reviewId);
    }

    private async Task<int> AgencyIdAsync(string name)
    {
        await using var db = OpenDb();
        var partnershipId = await db.Partnerships.Where(p => p.ShortCode == DemoData.FirstPartnershipCode).Select(p => p.Id).SingleAsync();
        return await db.Agencies.Where(a => a.Name == name && a.PartnershipId == partnershipId).Select(a => a.Id).SingleAsync();
    }

    /// <summary>The first partnership's active agencies, as the importer matches against them.</summary>
    private async Task<List<AgencyCandidate>> AgenciesAsync()
    {
        await using var db = OpenDb();
        var partnershipId = await db.Partnerships.Where(p => p.ShortCode == DemoData.FirstPartnershipCode).Select(p => p.Id).SingleAsync();
        return await db.Agencies.Where(a => a.PartnershipId == partnershipId && a.IsActive)
            .Select(a => new AgencyCandidate(a.Id, a.Name, a.Kind))
            .ToListAsync();
    }
}

/// <summary>
/// Keeps the column mappings the app remembers during tests in a temporary folder, never in DhrTracker.Web's
/// App_Data in the working tree (the test app's content root). Set as the assembly loads, before any app starts.
/// </summary>
internal static class ImportTestSettings
{
#pragma warning disable CA2255 // A test assembly, not a library: this must run before the shared browser fixture builds the app.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void KeepImportMappingsOutOfTheWorkingTree()
    {
        if (Environment.GetEnvironmentVariable("Import__MappingFolder") is null)
        {
            Environment.SetEnvironmentVariable("Import__MappingFolder", Path.Combine(Path.GetTempPath(), "dhr-tests", "import-mappings-" + Environment.ProcessId));
        }
    }
}
