using System.IO.Compression;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Integration.Matrix;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Endpoints;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DhrTracker.Tests.Browser;

/// <summary>
/// Markup and script typed into a field stay text: in the page that shows them (live and prerendered), and in the
/// Word document made from them. Download file names are safe whatever a record is called.
/// </summary>
[Collection(SoloBrowserCollection.Name)]
public sealed class HostileInputBrowserTests(LockableAppFixture fixture) : IClassFixture<LockableAppFixture>
{
    private const string Payload = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> & \"quoted\" </p><b>bold?</b>";

    [Fact]
    public async Task Script_and_markup_typed_into_an_update_are_shown_as_text_in_the_page_and_in_the_word_document()
    {
        var factory = fixture.App.Services.GetRequiredService<DhrDbContextFactory>();
        var targets = await MatrixTargets.LoadAsync(factory);
        var action = targets.UnpublishedPoliceAction;

        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var dialogs = 0;
        page.Dialog += (_, d) =>
        {
            dialogs++;
            _ = d.DismissAsync();
        };
        await page.GotoAsync($"/account/demo?returnUrl={Uri.EscapeDataString($"/actions/{action.Id}")}");
        await page.GetByTestId($"signin-{DemoData.Emails.PoliceOfficer}").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/actions/{action.Id}", StringComparison.Ordinal));
        await BrowserFixture.WaitForCircuitAsync(page);

        await page.Locator("#narrative").FillAsync(Payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("updates")).ToContainTextAsync(Payload);
        await AssertInertAsync(page);

        // Again from the server's first (prerendered) HTML and a fresh circuit.
        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("updates")).ToContainTextAsync(Payload);
        await AssertInertAsync(page);
        Assert.Equal(0, dialogs);
        await context.CloseAsync();

        // The co-ordinator's action plan for the review carries the text as text.
        using var coordinator = await HttpSignIn.ClientAsync(fixture.App, DemoData.Emails.Coordinator);
        using var download = await coordinator.GetAsync($"/downloads/reviews/{action.ReviewId}/action-plan.docx");
        download.EnsureSuccessStatusCode();
        var fileName = (download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!).Trim('"');
        Assert.Equal(FileNames.Safe(fileName), fileName);
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", xml, StringComparison.Ordinal);
    }

    private static async Task AssertInertAsync(IPage page)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), "The typed script ran.");
        var updates = page.GetByTestId("updates");
        Assert.Equal(0, await updates.Locator("script").CountAsync());
        Assert.Equal(0, await updates.Locator("img").CountAsync());
        Assert.Equal(0, await updates.Locator("b").CountAsync());
    }

    [Theory]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("DHR-2026-01\r\nSet-Cookie: stolen=1.csv", "DHR-2026-01--Set-Cookie--stolen-1.csv")]
    [InlineData("<script>alert(1)</script>.docx", "script-alert-1---script-.docx")]
    [InlineData("Adult \"A\"; filename=evil.exe", "Adult--A---filename-evil.exe")]
    [InlineData("Überprüfung – Ortsname.docx", "berpr-fung---Ortsname.docx")]
    [InlineData("...", "download")]
    public void Download_file_names_keep_only_safe_characters(string name, string expected)
    {
        var safe = FileNames.Safe(name);
        Assert.Equal(expected, safe);
        Each.Of(safe, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'));
        Assert.False(safe.StartsWith('.'));
        Assert.True(safe.Length <= 120);
    }
}
