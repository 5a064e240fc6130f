using System.Collections.Concurrent;
using System.Diagnostics;
using DhrTracker.DataGenerator;
using DhrTracker.LoadTest.Protocol;
using Microsoft.Data.Sqlite;

namespace DhrTracker.LoadTest;

/// <summary>
/// Interactive circuits over Blazor's own protocol (<see cref="BlazorCircuit"/>), no browser: opens
/// <see cref="LoadOptions.Circuits"/> circuits on a mix of pages, then <see cref="LoadOptions.Active"/> of them interact
/// while the rest stay open. Half the active ones are the co-ordinator (open a review from the register, switch between
/// the dashboards, back to the register), half the lead officer (open one of their actions, post a progress update,
/// back to My actions). Each interaction is timed from the event or navigation leaving the client to the render batch
/// that shows its outcome. Afterwards every update posted is looked for in the database: it must be there exactly once.
/// </summary>
internal static class ProtocolCircuits
{
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan InteractionTimeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(Uri baseUri, string coordinatorCookie, string officerCookie, GeneratorManifest manifest, string database, int serverPid, LoadOptions options, Action<string> say)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = OpenTimeout };
        // The idle circuits sit on the pages people leave open; the active ones start where their interactions start.
        var idlePages = new (string Name, string Path, string Cookie)[]
        {
            ("register", "/reviews", coordinatorCookie),
            ("review", $"/reviews/{manifest.Review31Id}", coordinatorCookie),
            ("delivery dashboard", "/dashboards/delivery", coordinatorCookie),
            ("my actions", "/actions/mine", officerCookie),
            ("home", "/", coordinatorCookie),
        };
        var active = Math.Min(options.Active, options.Circuits);
        var plan = Enumerable.Range(0, options.Circuits).Select(i => i < active
            ? i % 2 == 0 ? ("register (active co-ordinator)", "/reviews", coordinatorCookie) : ("my actions (active lead officer)", "/actions/mine", officerCookie)
            : idlePages[i % idlePages.Length]).ToList();

        var before = Memory.Rss(serverPid);
        var circuits = new BlazorCircuit?[options.Circuits];
        var openFailures = new ConcurrentBag<string>();
        var openTimes = new ConcurrentBag<double>();
        var opening = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(options.OpenConcurrency))
        {
            await Task.WhenAll(plan.Select(async (page, i) =>
            {
                await gate.WaitAsync();
                try
                {
                    var clock = Stopwatch.StartNew();
                    circuits[i] = await BlazorCircuit.OpenAsync(http, baseUri, page.Item2, page.Item3, OpenTimeout);
                    openTimes.Add(clock.Elapsed.TotalMilliseconds);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    openFailures.Add($"{page.Item1}: {ex.GetType().Name}: {ex.Message}");
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        opening.Stop();
        var connected = circuits.Count(c => c is not null);
        var withCircuits = Memory.Rss(serverPid);

        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var results = new Results();

        // The lead officer's open actions (not "Blue – complete": those take no more updates), as listed when the circuits
        // opened: the same in every officer's circuit, and most urgent first.
        var myActions = active > 1 && circuits[1] is { } officer
            ? officer.Read(dom => dom.ByAttribute("data-testid", "my-actions-list")?.Descendants()
                .Where(row => row.Name == "tr" && row["data-action-id"] is not null && !row.InnerText().Contains("Blue – complete", StringComparison.Ordinal))
                .Select(row => row.Descendants().First(a => a.Name == "a")["href"]!)
                .ToList() ?? [])
            : [];

        // One unmeasured round by one circuit of each kind first, so that the figures are the server's steady state
        // rather than the first compilation of each page and handler (its update is checked in the database too).
        var warmUp = new Results();
        for (var i = 0; i < Math.Min(2, active); i++)
        {
            if (circuits[i] is { } circuit)
            {
                await (i % 2 == 0
                    ? CoordinatorRoundAsync(circuit, i, options.Rounds, warmUp)
                    : OfficerRoundAsync(circuit, myActions, i, Math.Min(options.Rounds, 2), $"Load test {runId}: warm-up update from circuit {i}.", warmUp));
            }
        }

        foreach (var narrative in warmUp.Posted)
        {
            results.Posted.Add(narrative);
        }

        foreach (var narrative in warmUp.Confirmed)
        {
            results.Confirmed.Add(narrative);
        }

        // For a profiler to attach to the measured part only (docs/performance.md, "where the time goes").
        Console.WriteLine($"Interactions starting: server process {serverPid}.");
        var interacting = Stopwatch.StartNew();
        var cpuBefore = Memory.CpuTime(serverPid);
        var clientCpuBefore = Memory.CpuTime(Environment.ProcessId);
        var schedulingBefore = Memory.Scheduling(serverPid);
        var applyingBefore = circuits.Sum(c => c?.ApplyingTime.Ticks ?? 0);
        var loadBefore = Memory.LoadAverage();
        await Task.WhenAll(Enumerable.Range(0, active).Where(i => circuits[i] is not null).Select(async i =>
        {
            var circuit = circuits[i]!;
            var random = new Random(i);
            for (var round = 0; round < options.Rounds; round++)
            {
                await Task.Delay(random.Next(0, (options.Spread * 1000) + 1));
                try
                {
                    if (i % 2 == 0)
                    {
                        await CoordinatorRoundAsync(circuit, i, round, results);
                    }
                    else
                    {
                        await OfficerRoundAsync(circuit, myActions, i, round, $"Load test {runId}: update {round + 1} from circuit {i}; the briefing went ahead as planned.", results);
                    }
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
                {
                    results.Error($"circuit {i}, round {round + 1}: {ex.Message}");
                }
            }
        }));
        interacting.Stop();
        Console.WriteLine("Interactions finished.");
        var cpuDuring = Memory.CpuTime(serverPid) - cpuBefore;
        var clientCpuDuring = Memory.CpuTime(Environment.ProcessId) - clientCpuBefore;
        var scheduling = Memory.Between(schedulingBefore, Memory.Scheduling(serverPid));
        var applying = TimeSpan.FromTicks(circuits.Sum(c => c?.ApplyingTime.Ticks ?? 0) - applyingBefore);
        var loadAfter = Memory.LoadAverage();
        var circuitErrors = circuits.Where(c => c is not null).SelectMany(c => c!.Errors).ToList();
        var afterInteracting = Memory.Rss(serverPid);

        // Every update the officers posted, looked for in the database by its unique text.
        var (found, missing, duplicated) = await CountUpdatesAsync(database, results.Posted);

        say($"## Interactive circuits over Blazor's own protocol (no browser): {options.Circuits} circuits, {active} interacting");
        say(string.Empty);
        say($"Each circuit GETs its prerendered page, starts its circuit from the page's component markers, applies and acknowledges every render batch and dispatches events to the handler ids in them (DhrTracker.LoadTest/Protocol). " +
            $"Idle circuits are spread over {string.Join(", ", idlePages.Select(p => p.Name))}; of the {active} active ones, half are the co-ordinator (open a review from the register, switch to the delivery dashboard and then to the reviews overview, back to the register) and half the lead officer (open one of their actions, post a progress update, back to My actions), {options.Rounds} rounds each, every round starting at random within {options.Spread} s.");
        say(string.Empty);
        say($"- Circuits asked for: {options.Circuits}; connected: {connected} in {opening.Elapsed.TotalSeconds:N0} s ({options.OpenConcurrency} opening at a time; p50 {Percentile(openTimes, 50):N0} ms, p95 {Percentile(openTimes, 95):N0} ms each); failed to connect: {openFailures.Count}.");
        foreach (var failure in openFailures.Take(5))
        {
            say($"  - {failure}");
        }

        say($"- Server memory (RSS): {before / 1024.0:N0} MB before, {withCircuits / 1024.0:N0} MB with {connected} circuits open: **{(withCircuits - before) / (double)Math.Max(1, connected) / 1024.0:N2} MB per circuit**; {afterInteracting / 1024.0:N0} MB after the interactions.");
        say($"- Interactions (after one unmeasured warm-up round by one circuit of each kind): {results.All.Count} in {interacting.Elapsed.TotalSeconds:N0} s; server CPU {cpuDuring.TotalSeconds:N1} s in that time ({cpuDuring.TotalSeconds / interacting.Elapsed.TotalSeconds / Environment.ProcessorCount * 100:N0}% of {Environment.ProcessorCount} cores), this client {clientCpuDuring.TotalSeconds:N1} s; the machine's load average {loadBefore} at the start, {loadAfter} at the end; **{results.Errors.Count} interaction errors, {circuitErrors.Count} circuit errors**.");
        say($"- Where the server's threads were meanwhile: running {scheduling.Running.TotalSeconds:N1} s, **runnable but waiting for a core {scheduling.WaitingForCpu.TotalSeconds:N1} s** (summed over its threads: other processes had the cores; from /proc/PID/task/*/schedstat). This client spent {applying.TotalSeconds:N1} s parsing and applying render batches.");
        // The distinct errors, most frequent first (numbers and ids folded, so that the same failure counts once).
        foreach (var group in results.Errors.Concat(circuitErrors)
                     .GroupBy(e => System.Text.RegularExpressions.Regex.Replace(e.Length > 160 ? e[..160] : e, @"\d+", "N"))
                     .OrderByDescending(g => g.Count())
                     .Take(10))
        {
            say($"  - {group.Count()} × {group.First()}");
        }

        var (confirmedFound, confirmedMissing, confirmedDuplicated) = await CountUpdatesAsync(database, results.Confirmed);
        say($"- Updates submitted: {results.Posted.Count}; in the database exactly once: {found}; missing: {missing}; more than once: {duplicated}. " +
            $"Of them confirmed on the page (\"Update posted.\"): {results.Confirmed.Count}; in the database exactly once: {confirmedFound}; missing: **{confirmedMissing}**; more than once: **{confirmedDuplicated}**.");
        say(string.Empty);
        say("Round trip: from the event (or navigation) leaving the client to the render batch that shows its outcome (the first batch after it, usually \"Loading…\", in brackets).");
        say(string.Empty);
        say("| Interaction | Count | p50 | p95 | p99 | max |");
        say("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, list) in results.ByName().Append(("All interactions", results.All.ToList())))
        {
            var outcome = list.Select(r => r.Outcome.TotalMilliseconds).ToList();
            var first = list.Select(r => r.FirstBatch.TotalMilliseconds).ToList();
            say($"| {name} | {list.Count} | {Percentile(outcome, 50):N0} ms ({Percentile(first, 50):N0}) | **{Percentile(outcome, 95):N0} ms** ({Percentile(first, 95):N0}) | {Percentile(outcome, 99):N0} ms ({Percentile(first, 99):N0}) | {(outcome.Count == 0 ? 0 : outcome.Max()):N0} ms |");
        }

        say(string.Empty);
        await Task.WhenAll(circuits.Where(c => c is not null).Select(c => c!.DisposeAsync().AsTask()));
    }

    /// <summary>Open a review from the register, switch dashboards twice, back to the register.</summary>
    private static async Task CoordinatorRoundAsync(BlazorCircuit circuit, int index, int round, Results results)
    {
        var links = circuit.Read(dom => dom.Elements()
            .Where(e => e.Name == "a" && e["href"] is { } h && h.StartsWith("/reviews/", StringComparison.Ordinal) && int.TryParse(h["/reviews/".Length..], out _))
            .Select(e => e["href"]!)
            .Distinct()
            .ToList());
        if (links.Count == 0)
        {
            throw new InvalidOperationException("The register shows no review to open.");
        }

        var review = links[((index * 7) + round) % links.Count];
        results.Add("Open a review (register → review page)", await circuit.InteractAsync(
            () => circuit.NavigateAsync(review),
            dom => dom.ByAttribute("data-testid", "timeline") is not null, InteractionTimeout));

        var dashboard = circuit.Read(dom => dom.Find(e => e.Name == "a" && e.InnerText() == "Dashboard")?["href"])
            ?? throw new InvalidOperationException("The menu has no Dashboard link.");
        results.Add("Switch to the dashboard (menu)", await circuit.InteractAsync(
            () => circuit.NavigateAsync(dashboard),
            dom => dom.ByAttribute("data-testid", "delivery-counts") is not null, InteractionTimeout));

        var tab = circuit.Read(dom => dom.ByAttribute("data-testid", "dashboard-nav")?.Descendants()
                .FirstOrDefault(e => e.Name == "a" && e["href"] == "/dashboards/chair")?["href"])
            ?? throw new InvalidOperationException("The dashboard has no Reviews overview tab.");
        results.Add("Switch dashboard tab (delivery → reviews overview)", await circuit.InteractAsync(
            () => circuit.NavigateAsync(tab),
            dom => dom.ByAttribute("data-testid", "chair-reviews") is not null, InteractionTimeout));

        results.Add("Back to the register (menu)", await circuit.InteractAsync(
            () => circuit.NavigateAsync("/reviews"),
            dom => dom.ByAttribute("data-testid", "register") is not null, InteractionTimeout));
    }

    /// <summary>Open one of the officer's actions (a different one for every circuit and round), post an update, back.</summary>
    private static async Task OfficerRoundAsync(BlazorCircuit circuit, IReadOnlyList<string> actions, int index, int round, string narrative, Results results)
    {
        if (actions.Count == 0)
        {
            throw new InvalidOperationException("My actions shows no action to open.");
        }

        // Circuits 1, 3, 5, … each take their own five actions of the list as it stood before anyone posted (posting
        // reorders it): one a round, the warm-up's, and two spare. So no two circuits post to the same action at once.
        // Should an action take no update after all, the officer goes back and opens a spare one, as a person would.
        var block = (index / 2) * 5;
        string? action = null;
        foreach (var position in new[] { block + round, block + 3 + (round % 2) })
        {
            var candidate = actions[position % actions.Count];
            results.Add("Open an action (my actions → action page)", await circuit.InteractAsync(
                () => circuit.NavigateAsync(candidate),
                dom => dom.ByAttribute("data-testid", "action-description") is not null, InteractionTimeout));
            if (circuit.Read(dom => dom.ByAttribute("data-testid", "post-update")) is not null)
            {
                action = candidate;
                break;
            }

            await BackToMyActionsAsync(circuit, results);
        }

        if (action is null)
        {
            throw new InvalidOperationException($"Neither {actions[(block + round) % actions.Count]} nor its spare takes an update.");
        }

        var (form, field) = circuit.Read(dom =>
        {
            var f = dom.ByAttribute("data-testid", "post-update");
            return (f, f?.Descendants().FirstOrDefault(e => e["id"] == "narrative"));
        });
        if (form is null || field is null)
        {
            throw new InvalidOperationException($"{action} has no progress update form.");
        }

        // Typing, then leaving the field: @bind's change event, as the browser sends it before the submit.
        await circuit.InteractAsync(() => circuit.ChangeAsync(field, narrative), _ => true, InteractionTimeout);
        results.Posted.Add(narrative);
        var saved = await circuit.InteractAsync(
            () => circuit.SubmitAsync(form),
            dom => dom.ByAttribute("data-testid", "saved-message")?.InnerText().Contains("Update posted.", StringComparison.Ordinal) == true
                || dom.Find(e => e["class"]?.Contains("alert-danger", StringComparison.Ordinal) == true) is not null,
            InteractionTimeout);
        var problem = circuit.Read(dom => dom.Find(e => e["class"]?.Contains("alert-danger", StringComparison.Ordinal) == true)?.InnerText());
        if (problem is not null)
        {
            results.Error($"posting an update on {action}: {problem.Trim()}");
        }
        else
        {
            results.Confirmed.Add(narrative);
            results.Add("Post a progress update (submit → \"Update posted.\")", saved);
        }

        await BackToMyActionsAsync(circuit, results);
    }

    private static async Task BackToMyActionsAsync(BlazorCircuit circuit, Results results) =>
        results.Add("Back to My actions (breadcrumb)", await circuit.InteractAsync(
            () => circuit.NavigateAsync("/actions/mine"),
            dom => dom.ByAttribute("data-testid", "my-actions-list") is not null, InteractionTimeout));

    private static async Task<(int Found, int Missing, int Duplicated)> CountUpdatesAsync(string database, IReadOnlyCollection<string> posted)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        int found = 0, missing = 0, duplicated = 0;
        foreach (var narrative in posted)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM ProgressUpdate WHERE Narrative = $n";
            command.Parameters.AddWithValue("$n", narrative);
            var count = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            switch (count)
            {
                case 0: missing++; break;
                case 1: found++; break;
                default: duplicated++; break;
            }
        }

        return (found, missing, duplicated);
    }

    internal static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private sealed class Results
    {
        private readonly ConcurrentQueue<(string Name, RoundTrip Trip)> _trips = new();

        public ConcurrentBag<string> Posted { get; } = [];

        /// <summary>The updates whose page said "Update posted.": a person would take these as saved.</summary>
        public ConcurrentBag<string> Confirmed { get; } = [];

        public ConcurrentQueue<string> Errors { get; } = new();

        public IReadOnlyCollection<RoundTrip> All => _trips.Select(t => t.Trip).ToList();

        public void Add(string name, RoundTrip trip) => _trips.Enqueue((name, trip));

        public void Error(string error) => Errors.Enqueue(error);

        public IEnumerable<(string Name, List<RoundTrip> Trips)> ByName() =>
            _trips.GroupBy(t => t.Name).Select(g => (g.Key, g.Select(t => t.Trip).ToList()));
    }
}
