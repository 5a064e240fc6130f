using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DhrTracker.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download is not possible here), and the app
/// on a loopback port, shared by the browser tests of one class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public TestApp App { get; private set; } = default!;

    /// <summary>Every page's console errors: any one fails the run (see <see cref="ConsoleErrors"/>).</summary>
    public ConsoleErrors Console { get; } = new();

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    static BrowserFixture() =>
        // Assertions wait for a state, never a fixed time: on a busy CI machine a render may take seconds, and the
        // five-second default turned a slow machine into a failing test. A real failure still fails, just later.
        Assertions.SetDefaultExpectTimeout(30_000);

    public async Task InitializeAsync()
    {
        App = new TestApp().Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        // The net under every browser test: a page that logs an error (a CSP violation, a failed script, an
        // unhandled exception in the page) fails the run even when the test's own assertions passed.
        AssertNoConsoleErrors();
    }

    /// <summary>A browser session on the test app whose console errors fail the run (see <see cref="AssertNoConsoleErrors"/>).</summary>
    public async Task<IBrowserContext> NewContextAsync(string? locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.RootUri.ToString(), Locale = locale });
        Console.Watch(context);
        return context;
    }

    /// <summary>Fails if any watched page has logged an error so far.</summary>
    public void AssertNoConsoleErrors() => Console.AssertNone();

    /// <summary>A fresh browser session signed in as the demo user with this e-mail.</summary>
    public async Task<IPage> SignInAsAsync(string email, string returnUrl = "/")
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"/account/demo?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByTestId($"signin-{email}").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Waits until the page is interactive: a click before the circuit connects does nothing.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("main[data-circuit='ready']").WaitForAsync();

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true, Timeout = 60_000 });

    /// <summary>axe-core on the page as it stands: no serious or critical WCAG 2.2 AA violation may remain.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// Browser tests that start their own app and many browser sessions: they run on their own, after the parallel
/// tests, so that fifty sessions never compete with the other browser tests for the machine's cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloBrowserCollection
{
    public const string Name = "browser-solo";
}
