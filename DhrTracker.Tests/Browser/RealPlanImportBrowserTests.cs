using System.Globalization;
using System.Text.RegularExpressions;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Infrastructure.Import;
using DhrTracker.Tests.Import;
using DhrTracker.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DhrTracker.Tests.Browser;

/// <summary>
/// Issue 17's "done when": a Word plan with every shape real plans have (fourteen recommendations, one continued
/// across a table boundary, the template's guidance row, blank lead cells, a date in a lead cell, "a) … b) … c)"
/// lines) and then an Excel tracker (a title above the header, merged recommendation cells, text and real dates,
/// a key row under the data) are saved after corrections made in the preview alone; the review shows them; and
/// the Home Office action plan exported afterwards holds every word of the source's recommendation, action and
/// outcome cells under the right recommendation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RealPlanImportBrowserTests(BrowserFixture fixture)
{
    private const string WordFile = "Adult W action plan.docx";
    private const string ExcelFile = "Adult W tracker.xlsx";
    private const float ConfirmTimeout = 60_000;

    [Fact]
    public async Task A_real_plan_and_a_real_tracker_are_saved_as_they_are_after_corrections_in_the_preview_alone()
    {
        var reviewId = await ReviewIdAsync(DemoData.References.PanelAndTerms);
        var existing = await RecommendationCountAsync(reviewId);
        var page = await fixture.SignInAsAsync(DemoData.Emails.Coordinator, $"/reviews/{reviewId}/import");

        // ---- The Word plan ----
        await page.GetByLabel("Action plan file").SetInputFilesAsync(new FilePayload { Name = WordFile, MimeType = PlanFile.WordContentType, Buffer = ShapedPlans.WordPlan() });
        await Assertions.Expect(page.GetByText($"Chosen: {WordFile}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the plan" }).ClickAsync();
        var preview = page.GetByTestId("import-preview");
        await Assertions.Expect(preview).ToContainTextAsync($"From {WordFile}: 14 recommendations, 15 actions");
        await Assertions.Expect(page.Locator(".import-recommendation")).ToHaveCountAsync(14);

        // The guidance row is listed as not imported, and is nowhere in the plan.
        var notImported = page.GetByTestId("not-imported");
        await Assertions.Expect(notImported).ToContainTextAsync(ShapedPlans.GuidanceRow[0]);
        await Assertions.Expect(page.GetByTestId("import-recommendations")).Not.ToContainTextAsync("Head of Service");

        // Correction 1: the action whose lead cell held a date gets its lead, chosen in the preview.
        var datedLead = page.Locator("[data-action='4.1']");
        await Assertions.Expect(datedLead).ToContainTextAsync("Give the lead agency");
        await datedLead.GetByLabel("Lead agency", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Eastshire General Hospital NHS Trust" });
        await Assertions.Expect(datedLead).Not.ToContainTextAsync("Give the lead agency");

        // Correction 2: the a) b) c) lines are split into three actions.
        await page.Locator("[data-action='3.1']").GetByRole(AriaRole.Button, new() { Name = "Split into 3 actions" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-number='3'] .import-action")).ToHaveCountAsync(3);

        // Correction 3: every agency the partnership does not have is created, its kind guessed from its name.
        var westshirePolice = page.Locator("[data-agency='Westshire Police']");
        foreach (var row in await page.Locator("[data-agency]").AllAsync())
        {
            var select = row.GetByRole(AriaRole.Combobox).First;
            if (await select.InputValueAsync() == string.Empty)
            {
                await select.SelectOptionAsync(new SelectOptionValue { Label = "Create a new agency" });
            }
        }

        await Assertions.Expect(westshirePolice.GetByLabel("Kind of agency")).ToHaveValueAsync("Police");
        await Assertions.Expect(page.Locator("[data-agency='Westshire ICB']").GetByLabel("Kind of agency")).ToHaveValueAsync("IntegratedCareBoard");
        await Assertions.Expect(page.GetByTestId("import-status")).ToHaveTextAsync("Everything is ready to save. Check the plan, then confirm.");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "import-real-01-word-corrected");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and save the plan" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/reviews/{reviewId}$"), new() { Timeout = ConfirmTimeout });
        await Assertions.Expect(page.Locator(".recommendation")).ToHaveCountAsync(existing + 14);
        await Assertions.Expect(page.Locator("tr[data-action]")).ToHaveCountAsync(17);
        await Assertions.Expect(page.Locator("tr[data-action='4.1']")).ToContainTextAsync("Eastshire General Hospital NHS Trust");
        await Assertions.Expect(page.Locator("tr[data-action='2.2']")).ToContainTextAsync("Eastshire and Waveney Integrated Care Board");
        await Assertions.Expect(page.Locator("tr[data-action='3.3']")).ToContainTextAsync("Report attendance to the partnership every quarter.");
        await Assertions.Expect(page.Locator("tr[data-action='9.1']")).ToContainTextAsync(ShapedPlans.Rec9ActionEnd);
        await Assertions.Expect(page.Locator("tr[data-action='2.1'] [data-status]")).ToHaveAttributeAsync("data-status", "Blue");
        await Assertions.Expect(page.Locator("tr[data-action='12.1'] [data-status]")).ToHaveAttributeAsync("data-status", "Blue");
        await Assertions.Expect(page.Locator("tr[data-action='11.1']")).ToContainTextAsync("Westshire Police");
        await BrowserFixture.ScreenshotAsync(page, "import-real-02-word-on-review");

        var exported = Words(await DownloadActionPlanAsync(page, reviewId));
        var source = Words(ShapedPlans.WordPlan(), skipRow: cells => cells[0] == ShapedPlans.GuidanceRow[0]);
        Assert.Equal(Enumerable.Range(1, 14).Select(n => n.ToString(CultureInfo.InvariantCulture)), source.Keys);
        Each.Of(source, s => Assert.Empty(s.Value.Except(exported.GetValueOrDefault(s.Key) ?? [])));

        // ---- The Excel tracker: its numbers clash with the Word plan's, so they are renumbered in the preview ----
        await page.GotoAsync($"/reviews/{reviewId}/import");
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByLabel("Action plan file").SetInputFilesAsync(new FilePayload { Name = ExcelFile, MimeType = PlanFile.ExcelContentType, Buffer = ShapedPlans.ExcelTracker() });
        await Assertions.Expect(page.GetByText($"Chosen: {ExcelFile}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mapping-step")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Row with the column headings")).ToHaveValueAsync("3");
        var wanted = new Dictionary<PlanColumn, string>
        {
            [PlanColumn.RecommendationNumber] = "A",
            [PlanColumn.Recommendation] = "B",
            [PlanColumn.Action] = "C",
            [PlanColumn.LeadAgency] = "D",
            [PlanColumn.TargetDate] = "E",
            [PlanColumn.Rating] = "F",
            [PlanColumn.Progress] = "G",
        };
        foreach (var field in ColumnMapping.Fields.Where(f => !wanted.ContainsKey(f)))
        {
            await page.Locator($"#map-{field}").SelectOptionAsync(string.Empty);
        }

        foreach (var (field, letter) in wanted)
        {
            await page.Locator($"#map-{field}").SelectOptionAsync(letter);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Read the plan with these columns" }).ClickAsync();
        await Assertions.Expect(preview).ToContainTextAsync($"From {ExcelFile}: 3 recommendations, 4 actions");
        await Assertions.Expect(notImported).ToContainTextAsync("RAG key: Blue = complete");

        foreach (var (from, to) in new[] { ("1", "15"), ("2", "16"), ("3", "17") })
        {
            var number = page.Locator($"[data-number='{from}']").GetByLabel("Number", new() { Exact = true });
            await number.FillAsync(to);
            await number.PressAsync("Tab");
        }

        // Blue needs a completion date: the preview says so beside the action, and it is given there.
        var blue = page.Locator("[data-action='16.1']");
        await Assertions.Expect(blue).ToContainTextAsync("Blue (complete) but gives no completion date");
        var completed = blue.GetByLabel("Date of completion");
        await completed.FillAsync("1 December 2026");
        await completed.PressAsync("Tab");
        foreach (var row in await page.Locator("[data-agency]").AllAsync())
        {
            var select = row.GetByRole(AriaRole.Combobox).First;
            if (await select.InputValueAsync() == string.Empty)
            {
                await select.SelectOptionAsync(new SelectOptionValue { Label = "Create a new agency" });
            }
        }

        await Assertions.Expect(page.GetByTestId("import-status")).ToHaveTextAsync("Everything is ready to save. Check the plan, then confirm.");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "import-real-03-excel-corrected");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and save the plan" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/reviews/{reviewId}$"), new() { Timeout = ConfirmTimeout });
        await Assertions.Expect(page.Locator(".recommendation")).ToHaveCountAsync(existing + 17);
        await Assertions.Expect(page.Locator("tr[data-action='15.2']")).ToContainTextAsync("Audit recording of coercive control.");
        await Assertions.Expect(page.Locator("tr[data-action='16.1'] [data-status]")).ToHaveAttributeAsync("data-status", "Blue");
        await Assertions.Expect(page.Locator("tr[data-action='17.1']")).ToContainTextAsync("Westshire Homes");

        var exportedAgain = Words(await DownloadActionPlanAsync(page, reviewId));
        var tracker = TrackerWords(ShapedPlans.ExcelTracker(), new Dictionary<string, string> { ["1"] = "15", ["2"] = "16", ["3"] = "17" });
        Assert.Equal(["15", "16", "17"], tracker.Keys);
        Each.Of(tracker, s => Assert.Empty(s.Value.Except(exportedAgain.GetValueOrDefault(s.Key) ?? [])));
    }

    /// <summary>
    /// The words of the recommendation (first), action (third) and outcome (last) cells of every row of a plan in the
    /// Home Office layout, under the recommendation number the row belongs to (the last one a first cell started
    /// with). Dates written as 15/01/2015 count as the words the export writes them in ("15 January 2015").
    /// </summary>
    private static Dictionary<string, HashSet<string>> Words(byte[] docx, Func<string[], bool>? skipRow = null)
    {
        var byNumber = new Dictionary<string, HashSet<string>>();
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        string? current = null;
        foreach (var row in doc.MainDocumentPart!.Document!.Body!.Descendants<W.TableRow>())
        {
            var cells = row.Elements<W.TableCell>().Select(c => string.Join(" ", c.Descendants<W.Paragraph>().Select(p => p.InnerText))).ToArray();
            if (cells.Length < 7 || cells[0].StartsWith("Recommendation", StringComparison.Ordinal) || skipRow?.Invoke(cells) == true)
            {
                continue;
            }

            if (LeadingNumber().Match(cells[0]) is { Success: true } m)
            {
                current = m.Groups[1].Value;
            }

            if (current is null)
            {
                continue;
            }

            var words = byNumber.TryGetValue(current, out var w) ? w : byNumber[current] = [];
            words.UnionWith(Tokens(cells[0]).Concat(Tokens(cells[2])).Concat(Tokens(cells[6])));
        }

        return byNumber;
    }

    /// <summary>The words of the tracker's recommendation and action cells, by the number they are saved under.</summary>
    private static Dictionary<string, HashSet<string>> TrackerWords(byte[] xlsx, IReadOnlyDictionary<string, string> renumbered)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var shared = doc.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.InnerText;
        var byNumber = new Dictionary<string, HashSet<string>>();
        string? current = null;
        foreach (var row in doc.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().Where(r => r.RowIndex!.Value > 3))
        {
            var cells = row.Elements<Cell>().ToDictionary(c => Regex.Match(c.CellReference!.Value!, "^[A-Z]+").Value, Text);
            if (cells.GetValueOrDefault("A") is { } number && renumbered.TryGetValue(number, out var to))
            {
                current = to;
            }
            else if (cells.GetValueOrDefault("A") is not null)
            {
                continue; // the key row under the data
            }

            var words = byNumber.TryGetValue(current!, out var w) ? w : byNumber[current!] = [];
            words.UnionWith(Tokens(cells.GetValueOrDefault("B") ?? string.Empty).Concat(Tokens(cells.GetValueOrDefault("C") ?? string.Empty)));
        }

        return byNumber;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var dated = NumericDate().Replace(text, m => new DateOnly(int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        return Regex.Split(dated.ToLowerInvariant(), @"[^\p{L}\p{N}']+").Where(t => t.Length > 1);
    }

    [GeneratedRegex(@"^\s*(\d{1,3})\.")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")]
    private static partial Regex NumericDate();

    private async Task<byte[]> DownloadActionPlanAsync(IPage page, int reviewId)
    {
        var response = await page.Context.APIRequest.GetAsync(new Uri(fixture.App.RootUri, $"/downloads/reviews/{reviewId}/action-plan.docx").ToString());
        Assert.True(response.Ok, $"The download answered {response.Status}.");
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
}
