using System.Collections.Concurrent;
using System.Diagnostics;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Tests.Integration.Matrix;
using DhrTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DhrTracker.Tests.Load;

/// <summary>
/// Under load: 50 signed-in browser sessions (one Chromium, a context and an interactive circuit each) post
/// progress updates for a bounded time on the app's loopback port. Thirty sessions each have an action to
/// themselves; twenty share four actions, five to an action, so that people save from the same version. Every
/// save must end as accepted or as a conflict the person is shown; no server error, no lost update: every
/// accepted update is in the database exactly once and nothing else is. Figures are written to the test output
/// and to load-and-concurrency-results.md beside the test assembly (see docs/load-and-concurrency.md).
/// This is a load test: it is not in the suite CI runs (fifty Chromium renderers on two busy cores measure the machine,
/// not the app). Run it with <c>dotnet test DhrTracker.Tests -c Release --filter Lane=Load</c>. CI keeps the same
/// rules at handler level: Features/Pipeline/ConcurrentWritersTests.
/// </summary>
[Collection(SoloBrowserCollection.Name)]
[Trait(Lane.Name, Lane.Load)]
public sealed class ConcurrentSessionsTests(ITestOutputHelper output)
{
    private const int Sessions = 50;
    private const int SharedActions = 4;
    private const int SessionsPerSharedAction = 5;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(25);

    private sealed record Session(int Number, string Email, int ActionId, bool Shared);

    private sealed class Tally
    {
        public ConcurrentBag<string> Accepted { get; } = [];
        public ConcurrentBag<string> ConflictedAttempts { get; } = [];
        public ConcurrentBag<string> Errors { get; } = [];
        public ConcurrentBag<double> SaveMilliseconds { get; } = [];
        public int ServerErrors;
    }

    [Fact]
    public async Task Fifty_sessions_updating_different_and_the_same_actions_lose_nothing_and_see_every_conflict()
    {
        using var app = new TestApp().Start();
        var serverLog = new ServerErrorLog();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(serverLog);
        var factory = app.Services.GetRequiredService<DhrDbContextFactory>();
        var sessions = await PlanSessionsAsync(factory);
        var before = await UpdateCountAsync(factory);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--renderer-process-limit=6", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });

        var tally = new Tally();
        var opening = Stopwatch.StartNew();
        var gate = new SemaphoreSlim(6);
        var pages = await Task.WhenAll(sessions.Select(async s =>
        {
            await gate.WaitAsync();
            try
            {
                return await OpenAsync(app, browser, s, tally);
            }
            finally
            {
                gate.Release();
            }
        }));
        opening.Stop();

        // A conflict on purpose first, so that one is always seen: two sessions of one shared action, both on the
        // same version; the first saves, the second is told.
        var pair = sessions.Where(s => s.Shared).GroupBy(s => s.ActionId).First().Take(2).Select(s => pages[s.Number]).ToList();
        Assert.Equal(Outcome.Accepted, await SaveAsync(pair[0], "Deliberate first save from a shared version.", tally));
        Assert.Equal(Outcome.Conflict, await SaveAsync(pair[1], "Deliberate second save from the same version.", tally, retryAfterConflict: false));
        await ReloadAsync(pair[1]);

        var running = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + Duration;
        await Task.WhenAll(sessions.Select(async s =>
        {
            var page = pages[s.Number];
            for (var round = 1; DateTime.UtcNow < deadline; round++)
            {
                await SaveAsync(page, $"Session {s.Number} round {round}: progress recorded under load.", tally);
            }
        }));
        running.Stop();

        using var health = await new HttpClient { BaseAddress = app.RootUri }.GetAsync("/health");
        var after = await UpdateCountAsync(factory);
        var narratives = await NarrativesAsync(factory);

        var latencies = tally.SaveMilliseconds.Order().ToList();
        var p95 = latencies.Count == 0 ? 0 : latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1];
        var report = string.Join("\n",
            $"sessions: {Sessions} ({Sessions - SharedActions * SessionsPerSharedAction} on an action each, {SharedActions * SessionsPerSharedAction} sharing {SharedActions} actions)",
            $"circuits opened in: {opening.Elapsed.TotalSeconds:0.0} s",
            $"load phase: {running.Elapsed.TotalSeconds:0.0} s (bounded at {Duration.TotalSeconds:0} s plus saves in flight)",
            $"save attempts: {latencies.Count}",
            $"updates accepted: {tally.Accepted.Count}",
            $"conflicts reported to the person: {tally.ConflictedAttempts.Count}",
            $"errors: {tally.Errors.Count} ({string.Join("; ", tally.Errors.Take(5))})",
            $"HTTP 5xx responses seen by the browsers: {tally.ServerErrors}",
            $"errors in the server log: {serverLog.Errors.Count} {string.Join("; ", serverLog.Errors.Take(3))}",
            $"save latency: median {Percentile(latencies, 0.5):0} ms, p95 {p95:0} ms, max {(latencies.Count == 0 ? 0 : latencies[^1]):0} ms",
            $"progress updates in the database: {before} before, {after} after");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "load-and-concurrency-results.md"), report + "\n");

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.True(tally.Errors.IsEmpty, "Errors: " + string.Join("\n", tally.Errors));
        Assert.Equal(0, tally.ServerErrors);
        Assert.True(serverLog.Errors.IsEmpty, "Server log errors:\n" + string.Join("\n", serverLog.Errors));
        Assert.NotEmpty(tally.ConflictedAttempts);
        // Every accepted update is there exactly once, and nothing was saved that the person was not told was saved.
        Assert.Equal(before + tally.Accepted.Count, after);
        foreach (var accepted in tally.Accepted)
        {
            Assert.Equal(1, narratives.GetValueOrDefault(accepted));
        }

        foreach (var conflicted in tally.ConflictedAttempts.Except(tally.Accepted))
        {
            Assert.False(narratives.ContainsKey(conflicted), $"'{conflicted}' was reported as a conflict but saved.");
        }
    }

    /// <summary>Every error or critical entry the server logs while the sessions run.</summary>
    private sealed class ServerErrorLog : ILoggerProvider
    {
        public ConcurrentBag<string> Errors { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ServerErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Errors.Add($"{category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
                }
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Ceiling(sorted.Count * p) - 1];

    private enum Outcome
    {
        Accepted,
        Conflict,
        Error,
    }

    /// <summary>Types an update and posts it; after a conflict, loads the latest (the text stays) and posts again.</summary>
    private static async Task<Outcome> SaveAsync(IPage page, string narrative, Tally tally, bool retryAfterConflict = true)
    {
        await page.Locator("#narrative").FillAsync(narrative);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var clock = Stopwatch.StartNew();
            Outcome outcome;
            try
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
                await page.WaitForFunctionAsync(
                    "() => document.querySelector('#narrative')?.value === '' || document.querySelector('[data-testid=form-problem]') !== null || (() => { const e = document.querySelector('#blazor-error-ui'); return e && getComputedStyle(e).display !== 'none'; })()",
                    null, new PageWaitForFunctionOptions { Timeout = 90_000, PollingInterval = 50 });
                clock.Stop();
                tally.SaveMilliseconds.Add(clock.Elapsed.TotalMilliseconds);
                if (await page.Locator("#narrative").InputValueAsync() == string.Empty)
                {
                    tally.Accepted.Add(narrative);
                    return Outcome.Accepted;
                }

                var problem = await page.GetByTestId("form-problem").CountAsync() > 0
                    ? await page.GetByTestId("form-problem").InnerTextAsync()
                    : "the app's error bar: " + await page.Locator("#blazor-error-ui").InnerTextAsync();
                outcome = problem.Contains("Someone else changed this", StringComparison.Ordinal) ? Outcome.Conflict : Outcome.Error;
                if (outcome == Outcome.Error)
                {
                    tally.Errors.Add($"{page.Url}: {problem}");
                    return Outcome.Error;
                }

                Assert.Equal(narrative, await page.Locator("#narrative").InputValueAsync());
            }
            catch (TimeoutException ex)
            {
                tally.Errors.Add($"{page.Url}: no answer to a save ({ex.Message.Split('\n')[0]})");
                return Outcome.Error;
            }

            tally.ConflictedAttempts.Add(narrative);
            if (!retryAfterConflict)
            {
                return Outcome.Conflict;
            }

            await ReloadAsync(page);
        }

        return Outcome.Conflict;
    }

    private static async Task ReloadAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Load the latest (what you typed stays)" }).ClickAsync();
        await page.GetByTestId("form-problem").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 60_000 });
    }

    private static async Task<IPage> OpenAsync(TestApp app, IBrowser browser, Session session, Tally tally)
    {
        var cookie = await HttpSignIn.CookieAsync(app, session.Email);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.RootUri.ToString(), Locale = "en-GB" });
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = cookie.Name, Value = cookie.Value, Domain = app.RootUri.Host, Path = "/" }]);
        // Images and fonts are not what is tried here; leaving them out keeps the 2 cores for the circuits.
        await context.RouteAsync("**/*.{png,jpg,svg,woff,woff2}", r => r.AbortAsync());
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        page.Response += (_, r) =>
        {
            if (r.Status >= 500)
            {
                Interlocked.Increment(ref tally.ServerErrors);
            }
        };
        await page.GotoAsync($"/actions/{session.ActionId}");
        await BrowserFixture.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Lead officers' open actions: 30 sessions get one each (as far as there are enough), 20 share four.</summary>
    private static async Task<List<Session>> PlanSessionsAsync(DhrDbContextFactory factory)
    {
        await using var db = factory.Create(DataScope.System);
        var officers = await db.Users.Where(u => u.Role == Role.LeadOfficer && u.AgencyId != null && u.PartnershipId == 1).ToListAsync();
        var openReviews = await db.Reviews.Where(r => r.ClosedOn == null).Select(r => r.Id).ToListAsync();
        var actions = (await db.Actions.AsNoTracking()
                .Where(a => a.CompletedOn == null && a.ProposedCompletionOn == null && openReviews.Contains(a.ReviewId))
                .Select(a => new { a.Id, a.LeadAgencyId })
                .ToListAsync())
            .Where(a => officers.Any(o => o.AgencyId == a.LeadAgencyId))
            .OrderBy(a => a.Id)
            .Select(a => (a.Id, Email: officers.First(o => o.AgencyId == a.LeadAgencyId).Email))
            .ToList();
        Assert.True(actions.Count > SharedActions, "The demo data should give lead officers open actions.");

        var sessions = new List<Session>();
        var shared = actions.Take(SharedActions).ToList();
        var own = actions.Skip(SharedActions).ToList();
        foreach (var (id, email) in shared)
        {
            for (var i = 0; i < SessionsPerSharedAction; i++)
            {
                sessions.Add(new Session(sessions.Count, email, id, Shared: true));
            }
        }

        for (var i = 0; sessions.Count < Sessions; i++)
        {
            var (id, email) = own[i % own.Count];
            sessions.Add(new Session(sessions.Count, email, id, Shared: i >= own.Count));
        }

        return sessions;
    }

    private static async Task<int> UpdateCountAsync(DhrDbContextFactory factory)
    {
        await using var db = factory.Create(DataScope.System);
        return await db.Actions.SelectMany(a => a.Updates).CountAsync();
    }

    private static async Task<Dictionary<string, int>> NarrativesAsync(DhrDbContextFactory factory)
    {
        await using var db = factory.Create(DataScope.System);
        return (await db.Actions.SelectMany(a => a.Updates).Select(u => u.Narrative).ToListAsync())
            .GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }
}
