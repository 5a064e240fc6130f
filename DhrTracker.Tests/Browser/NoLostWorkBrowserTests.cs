using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Integration.Matrix;
using DhrTracker.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DhrTracker.Tests.Browser;

/// <summary>
/// The app's own loopback instance with a short busy timeout (Database:BusyTimeoutSeconds = 2), so that a locked
/// database gives up in seconds rather than the production ten.
/// </summary>
public sealed class LockableAppFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public TestApp App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = new TestApp(new Dictionary<string, string?> { ["Database:BusyTimeoutSeconds"] = "2" }).Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        Console.AssertNone();
    }

    public ConsoleErrors Console { get; } = new();

    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.RootUri.ToString(), Locale = "en-GB" });
        Console.Watch(context);
        return context;
    }
}

/// <summary>
/// No lost work, in the browser: the lead officer types a progress update, the database is locked by another
/// connection while they save, and they are told plainly that nothing was saved, with what they typed still in
/// the form. Once the lock is gone the same button saves it, exactly once.
/// </summary>
[Collection(SoloBrowserCollection.Name)]
public sealed class NoLostWorkBrowserTests(LockableAppFixture fixture) : IClassFixture<LockableAppFixture>
{
    private const string Narrative = "Typed while the database was locked: briefings delivered to two of four teams.";

    [Fact]
    public async Task A_save_into_a_locked_database_keeps_what_was_typed_says_so_plainly_and_the_retry_lands_once()
    {
        var factory = fixture.App.Services.GetRequiredService<DhrDbContextFactory>();
        var action = (await MatrixTargets.LoadAsync(factory)).PublishedPoliceAction;

        var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync($"/account/demo?returnUrl={Uri.EscapeDataString($"/actions/{action.Id}")}");
        await page.GetByTestId($"signin-{DemoData.Emails.PoliceOfficer}").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/actions/{action.Id}", StringComparison.Ordinal));
        await BrowserFixture.WaitForCircuitAsync(page);

        var before = await StateAsync(factory, action.Id);
        await page.Locator("#narrative").FillAsync(Narrative);

        await using (var locker = new SqliteConnection($"Data Source={fixture.App.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE;";
                await begin.ExecuteNonQueryAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
            var problem = page.GetByTestId("form-problem");
            await problem.WaitForAsync();
            var message = await problem.InnerTextAsync();
            Assert.Contains("nothing was saved", message, StringComparison.Ordinal);
            Assert.Contains("What you typed is still here", message, StringComparison.Ordinal);
            foreach (var internals in new[] { "sqlite", "exception", "database is locked", "stack", "   at " })
            {
                Assert.DoesNotContain(internals, message, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Equal(Narrative, await page.Locator("#narrative").InputValueAsync());
            // Readers are not blocked by the writer's lock (WAL): nothing of the save is in the database.
            Assert.Equal(before, await StateAsync(factory, action.Id));
            await BrowserFixture.ScreenshotAsync(page, "no-lost-work-locked");

            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-message")).ToContainTextAsync("Update posted.");
        await Assertions.Expect(page.GetByTestId("updates")).ToContainTextAsync(Narrative);
        Assert.Equal(string.Empty, await page.Locator("#narrative").InputValueAsync());

        var after = await StateAsync(factory, action.Id);
        Assert.Equal(1, after.Matching);
        Assert.Equal(before.Updates + 1, after.Updates);
        Assert.Equal(before.Version + 1, after.Version);
        await context.CloseAsync();
    }

    private static async Task<(int Updates, int Matching, int Version)> StateAsync(DhrDbContextFactory factory, int actionId)
    {
        await using var db = factory.Create(DataScope.System);
        var action = await db.Actions.AsNoTracking().Include(a => a.Updates).SingleAsync(a => a.Id == actionId);
        return (action.Updates.Count, action.Updates.Count(u => u.Narrative == Narrative), action.Version);
    }
}
