using System.Diagnostics;
using Microsoft.Playwright;

namespace DhrTracker.LoadTest;

/// <summary>
/// Interactive circuits, each a headless Chromium page signed in as the lead officer: it opens "My actions",
/// waits for its circuit, then in each round opens one of its actions (navigation inside the circuit), posts a
/// progress update and goes back. Reports the server's memory per circuit and the interaction latencies.
/// </summary>
internal static class ChromiumCircuits
{
    public static async Task RunAsync(Uri baseUri, string cookie, int serverPid, LoadOptions options, Action<string> say)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--renderer-process-limit=8", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });

        var split = cookie.Split('=', 2);
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < Math.Max(1, options.Circuits / 25); i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUri.ToString(), Locale = "en-GB" });
            await context.AddCookiesAsync([new Cookie { Name = split[0], Value = split[1], Domain = baseUri.Host, Path = "/" }]);
            // Images, fonts and styles are not what is measured; leave them out so the 2 cores serve circuits.
            await context.RouteAsync("**/*.{png,jpg,svg,woff,woff2}", r => r.AbortAsync());
            contexts.Add(context);
        }

        await Task.Delay(2000);
        var before = Memory.Rss(serverPid);
        var pages = new List<IPage>();
        var openErrors = 0;
        var opening = Stopwatch.StartNew();
        var gate = new SemaphoreSlim(8);
        var openTasks = Enumerable.Range(0, options.Circuits).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var page = await contexts[i % contexts.Count].NewPageAsync();
                page.SetDefaultTimeout(60_000);
                // Opening waits longer than an interaction: with a couple of hundred renderers on two cores, a page can
                // take over a minute to load its script and connect even when the server answers at once.
                await page.GotoAsync("/actions/mine", new PageGotoOptions { Timeout = 180_000 });
                await page.Locator("main[data-circuit='ready']").WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
                lock (pages)
                {
                    pages.Add(page);
                }
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                Interlocked.Increment(ref openErrors);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(openTasks);
        opening.Stop();
        await Task.Delay(3000);
        var after = Memory.Rss(serverPid);

        var navigate = new List<double>();
        var post = new List<double>();
        var back = new List<double>();
        var errors = 0;
        var interacting = Stopwatch.StartNew();
        var active = pages.Take(options.Active).ToList();
        await Task.WhenAll(active.Select(async (page, index) =>
        {
            var random = new Random(index);
            for (var round = 0; round < options.Rounds; round++)
            {
                try
                {
                    await Task.Delay(random.Next(0, options.Spread * 1000 + 1));
                    var links = page.Locator("[data-testid='my-actions-list'] a[href^='/actions/']");
                    var count = await links.CountAsync();
                    var link = links.Nth((index * 7 + round) % Math.Max(1, count));
                    var clock = Stopwatch.StartNew();
                    await link.ClickAsync();
                    await page.Locator("[data-testid='action-description']").WaitForAsync();
                    await page.Locator("main[data-circuit='ready']").WaitForAsync();
                    Record(navigate, clock);

                    var form = page.Locator("[data-testid='post-update']");
                    if (await form.CountAsync() > 0)
                    {
                        await page.Locator("#narrative").FillAsync($"Load test update {round + 1} from circuit {index}: the briefing went ahead as planned.");
                        clock.Restart();
                        await form.Locator("button[type='submit']").ClickAsync();
                        await page.Locator("[data-testid='saved-message'] .alert").WaitForAsync();
                        Record(post, clock);
                    }

                    clock.Restart();
                    await page.GoBackAsync();
                    await page.Locator("[data-testid='my-actions-list']").WaitForAsync();
                    Record(back, clock);
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        interacting.Stop();
        var afterInteracting = Memory.Rss(serverPid);
        var all = navigate.Concat(post).Concat(back).ToList();

        say($"## Interactive circuits: headless Chromium, lead officer, {options.Rounds} rounds of open action → post update → back, each round's starts spread over {options.Spread} s; {Math.Min(options.Active, options.Circuits)} of the circuits interact, the rest stay open");
        say(string.Empty);
        say($"- Circuits asked for: {options.Circuits}; connected: {pages.Count} in {opening.Elapsed.TotalSeconds:N0} s; failed to connect: {openErrors}.");
        say($"- Server memory (RSS): {before / 1024.0:N0} MB before, {after / 1024.0:N0} MB with {pages.Count} circuits open, {afterInteracting / 1024.0:N0} MB after the interactions: {(after - before) / (double)Math.Max(1, pages.Count):N0} KB per circuit.");
        say($"- Interactions: {all.Count} in {interacting.Elapsed.TotalSeconds:N0} s, {errors} errors.");
        say(string.Empty);
        say("| Interaction | Count | p50 | p95 | p99 | max |");
        say("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, list) in new[] { ("Open an action (navigation in the circuit)", navigate), ("Post a progress update", post), ("Back to My actions", back), ("All interactions", all) })
        {
            say($"| {name} | {list.Count} | {ProtocolCircuits.Percentile(list, 50):N0} ms | {ProtocolCircuits.Percentile(list, 95):N0} ms | {ProtocolCircuits.Percentile(list, 99):N0} ms | {(list.Count == 0 ? 0 : list.Max()):N0} ms |");
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    private static void Record(List<double> list, Stopwatch clock)
    {
        lock (list)
        {
            list.Add(clock.Elapsed.TotalMilliseconds);
        }
    }
}
