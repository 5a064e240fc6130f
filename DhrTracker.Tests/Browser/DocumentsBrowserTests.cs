using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Documents;
using DhrTracker.Tests.Support;
using Microsoft.Playwright;

namespace DhrTracker.Tests.Browser;

/// <summary>A co-ordinator closes a quarter and downloads the papers and a review's documents, as a person would.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentsBrowserTests(BrowserFixture fixture)
{
    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(path);
        try
        {
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task CoordinatorDownloadsTheReviewDocumentsAndTheyAreValidWord()
    {
        var page = await fixture.SignInAsAsync(DemoData.Emails.Coordinator, "/reviews");
        await page.GetByRole(AriaRole.Link, new() { Name = DemoData.References.PublishedRecent, Exact = true }).ClickAsync();
        var documents = page.GetByTestId("documents");
        await Assertions.Expect(documents).ToBeVisibleAsync();

        foreach (var name in new[] { "Home Office action plan (Word)", "Notification to the Home Office (Word)", "Overview report scaffold (Word)" })
        {
            var bytes = await DownloadAsync(page, documents.GetByRole(AriaRole.Link, new() { Name = name }));
            DocumentTestKit.AssertValid(bytes);
            using var doc = DocumentTestKit.Open(bytes);
            Assert.Contains(DemoData.References.PublishedRecent, DocumentTestKit.BodyText(doc) + DocumentTestKit.HeaderText(doc));
        }
    }

    [Fact]
    public async Task CoordinatorIsNotOfferedToCloseAClosedQuarterAgainAndDownloadsThePapersAndTheDraft()
    {
        var page = await fixture.SignInAsAsync(DemoData.Emails.Coordinator, "/quarters");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quarters and progress papers" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        // The demo data closes the two quarters before today's: neither is offered again, and today's is not yet in its last fortnight.
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Close quarter" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Close it again" }).CountAsync());
        await Assertions.Expect(page.GetByTestId("open-quarters")).ToBeVisibleAsync();

        await BrowserFixture.ScreenshotAsync(page, "20-quarters");
        var table = page.GetByTestId("quarters");
        var board = await DownloadAsync(page, table.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Board paper") }).First);
        DocumentTestKit.AssertValid(board);
        var scrutiny = await DownloadAsync(page, table.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Scrutiny edition") }).First);
        DocumentTestKit.AssertValid(scrutiny);
        using (var doc = DocumentTestKit.Open(scrutiny))
        {
            Assert.Contains("Scrutiny edition", DocumentTestKit.BodyText(doc));
        }

        var draft = await DownloadAsync(page, page.GetByTestId("open-quarters").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Draft board paper") }).First);
        DocumentTestKit.AssertValid(draft);
        using var draftDoc = DocumentTestKit.Open(draft);
        Assert.Contains("Draft — as at", DocumentTestKit.BodyText(draftDoc));
    }

    [Fact]
    public async Task ScrutinyCannotDownloadTheBoardPaper()
    {
        var page = await fixture.SignInAsAsync(DemoData.Emails.Scrutiny, "/quarters");
        var table = page.GetByTestId("quarters");
        await Assertions.Expect(table).ToBeVisibleAsync();
        Assert.Equal(0, await table.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Board paper") }).CountAsync());

        // Hiding the link is not the protection: the endpoint itself refuses.
        var scrutinyHref = await table.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Scrutiny edition") }).First.GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(scrutinyHref!.Replace("scrutiny-paper", "board-paper", StringComparison.Ordinal));
        Assert.Equal(403, response.Status);
        var allowed = await page.APIRequest.GetAsync(scrutinyHref);
        Assert.Equal(200, allowed.Status);
    }
}
