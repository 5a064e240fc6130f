using System.Diagnostics;
using DhrTracker.Benchmarks.Twins;
using DhrTracker.DataGenerator;

namespace DhrTracker.Benchmarks;

/// <summary>
/// A few runs of every app handler and its twin, timed and compared: the documents' text side by side, so a
/// twin that drifted from the app's content shows up before its figures are trusted.
/// </summary>
internal static class ContentCheck
{
    private static (string Name, Func<Task<object>> Run)[] Pairs(NationalBenchmarks benchmarks) =>
        [
            ("register app", async () => (await benchmarks.RegisterApp()).Rows.Count),
            ("register twin", async () => await benchmarks.RegisterTwin()),
            ("review app", async () => (await benchmarks.ReviewApp()).ActionPlan!.Recommendations.Count),
            ("review twin", async () => await benchmarks.ReviewTwin()),
            ("my actions app", async () => (await benchmarks.MyActionsApp()).Actions.Count),
            ("my actions twin", async () => await benchmarks.MyActionsTwin()),
            ("dashboard app", async () => (await benchmarks.DashboardApp()).ByLeadAgency.Sum(a => a.Counts.Total)),
            ("dashboard twin", async () => await benchmarks.DashboardTwin()),
            ("themes app", async () => (await benchmarks.ThemesApp()).RecommendationCount),
            ("themes twin", async () => await benchmarks.ThemesTwin()),
            ("close app", async () => (await benchmarks.CloseQuarterApp()).Snapshots),
            ("close twin", async () => await benchmarks.CloseQuarterTwin()),
            ("paper app", async () => (await benchmarks.PaperApp()).Content.Length),
            ("paper twin", async () => (await benchmarks.PaperTwin()).Length),
            ("action plan app", async () => (await benchmarks.ActionPlanApp()).Content.Length),
            ("action plan twin", async () => (await benchmarks.ActionPlanTwin()).Length),
        ];

    /// <summary>
    /// Each app handler and its twin run alternately, <paramref name="rounds"/> times each after a warm-up, and the
    /// ratio taken from the medians. On a shared machine whose speed drifts over minutes, BenchmarkDotNet (which runs
    /// all of one benchmark, then all of the next) can measure app and twin in different weather; alternating them
    /// puts both in the same. Writes docs/performance-interleaved.md.
    /// </summary>
    public static async Task<int> InterleavedAsync(GeneratorManifest manifest, int rounds)
    {
        var benchmarks = new NationalBenchmarks();
        benchmarks.SetupWritable();
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("# Interleaved ratios");
        sb.AppendLine();
        sb.AppendLine($"Written by `dotnet run --project DhrTracker.Benchmarks -c Release -- --interleaved {rounds}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: each app handler and its twin run alternately, {rounds} times each after 5 warm-up runs; medians per operation. How to read it: docs/performance.md.");
        sb.AppendLine();
        sb.AppendLine("| Work | App (median) | Twin (median) | Ratio of medians | Goal | Met |");
        sb.AppendLine("|---|---:|---:|---:|---:|:---:|");
        try
        {
            var pairs = Pairs(benchmarks);
            string[] titles = [NationalBenchmarks.Register, NationalBenchmarks.Review, NationalBenchmarks.MyActions, NationalBenchmarks.Dashboard, NationalBenchmarks.Themes, NationalBenchmarks.CloseQuarter, NationalBenchmarks.Paper, NationalBenchmarks.ActionPlan];
            for (var i = 0; i < pairs.Length; i += 2)
            {
                var (app, twin) = (pairs[i].Run, pairs[i + 1].Run);
                for (var w = 0; w < 5; w++)
                {
                    await app();
                    await twin();
                }

                var appTimes = new List<double>();
                var twinTimes = new List<double>();
                for (var r = 0; r < rounds; r++)
                {
                    // Alternate which goes first, so neither always follows the other's garbage.
                    foreach (var (run, times) in r % 2 == 0 ? [(app, appTimes), (twin, twinTimes)] : new[] { (twin, twinTimes), (app, appTimes) })
                    {
                        var clock = Stopwatch.StartNew();
                        await run();
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }

                var (a, t) = (Median(appTimes), Median(twinTimes));
                var title = titles[i / 2];
                var goal = title is NationalBenchmarks.Paper or NationalBenchmarks.ActionPlan ? 2.0 : 1.5;
                var line = $"| {title[2..]} | {a:N2} ms | {t:N2} ms | {a / t:0.00} | {goal:0.0}× | {(a / t <= goal ? "yes" : "**no**")} |";
                Console.WriteLine(line);
                sb.AppendLine(line);
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }

        var path = Path.Combine(NationalDatabase.RepositoryRoot, "docs", "performance-interleaved.md");
        await File.WriteAllTextAsync(path, sb.ToString());
        Console.WriteLine($"Written to {path}");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Runs one of the pairs in a loop for a profiler, then prints how many runs it made and their mean.</summary>
    public static async Task<int> ProfileAsync(string name, TimeSpan duration)
    {
        var benchmarks = new NationalBenchmarks();
        benchmarks.SetupWritable();
        try
        {
            var run = Pairs(benchmarks).FirstOrDefault(x => x.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Run;
            if (run is null)
            {
                Console.Error.WriteLine($"No pair called '{name}'. Names: {string.Join(", ", Pairs(benchmarks).Select(x => x.Name))}");
                return 2;
            }

            Console.WriteLine($"Process {Environment.ProcessId}: running '{name}' for {duration.TotalSeconds:N0} s");
            await run();
            var clock = Stopwatch.StartNew();
            var count = 0;
            while (clock.Elapsed < duration)
            {
                await run();
                count++;
            }

            Console.WriteLine($"{count} runs, mean {clock.Elapsed.TotalMilliseconds / count:N2} ms");
            return 0;
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    public static async Task<int> RunAsync(GeneratorManifest manifest, bool trace, string? only = null)
    {
        using var listener = SqlTrace.Start();
        var benchmarks = new NationalBenchmarks();
        benchmarks.SetupWritable();
        try
        {
            foreach (var (name, run) in Pairs(benchmarks))
            {
                if (only is not null && !name.StartsWith(only, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // The first call pays for JIT and model building; the best of the next two is what a warm server sees.
                object result = await run();
                var best = double.MaxValue;
                for (var i = 0; i < 2; i++)
                {
                    var clock = Stopwatch.StartNew();
                    result = await run();
                    best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"{name,-18} {best,9:N1} ms  {result}");
                if (trace && name.EndsWith(" app", StringComparison.Ordinal))
                {
                    SqlTrace.Enabled = true;
                    await run();
                    SqlTrace.Enabled = false;
                }
            }

            if (only is not null)
            {
                return 0;
            }

            Compare("quarterly paper", BareDocument.Text((await benchmarks.PaperApp()).Content), BareDocument.Text(await benchmarks.PaperTwin()));
            Compare("action plan", BareDocument.Text((await benchmarks.ActionPlanApp()).Content), BareDocument.Text(await benchmarks.ActionPlanTwin()));
        }
        finally
        {
            benchmarks.Cleanup();
        }

        return 0;
    }

    private static void Compare(string name, string app, string twin)
    {
        var appWords = app.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var twinWords = twin.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var common = appWords.GroupBy(w => w).Sum(g => Math.Min(g.Count(), twinWords.Count(w => w == g.Key)));
        Console.WriteLine($"{name}: app {app.Length:N0} chars / {appWords.Length:N0} words; twin {twin.Length:N0} chars / {twinWords.Length:N0} words; {common * 100.0 / Math.Max(appWords.Length, 1):0.0}% of the app's words in the twin");
    }
}
