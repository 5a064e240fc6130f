using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DhrTracker.Benchmarks;

// dotnet run --project DhrTracker.Benchmarks -c Release            every benchmark, then docs/performance-results.md
// dotnet run --project DhrTracker.Benchmarks -c Release -- --check  a few runs of each app handler and twin, compared (--sql: EF's commands;
//                                                                  --only NAME: just the pairs whose name starts with NAME, e.g. "register")
// dotnet run --project DhrTracker.Benchmarks -c Release -- --profile NAME [SECONDS]
//                                                                  runs one app handler or twin (e.g. "review app") in a loop, for
//                                                                  dotnet-trace to attach to (its process id is printed first)
// dotnet run --project DhrTracker.Benchmarks -c Release -- --interleaved [ROUNDS]
//                                                                  each app handler and its twin alternately (default 40 rounds), ratio of
//                                                                  the medians, to docs/performance-interleaved.md
// Other arguments go to BenchmarkDotNet (e.g. --filter *Register*).
var manifest = await NationalDatabase.EnsureAsync(NationalDatabase.Scale, Console.Out);
if (Array.IndexOf(args, "--interleaved") is var il and >= 0)
{
    return await ContentCheck.InterleavedAsync(manifest, il + 1 < args.Length && int.TryParse(args[il + 1], out var r) ? r : 40);
}

if (Array.IndexOf(args, "--profile") is var p and >= 0 && p + 1 < args.Length)
{
    var seconds = p + 2 < args.Length && int.TryParse(args[p + 2], out var s) ? s : 30;
    return await ContentCheck.ProfileAsync(args[p + 1], TimeSpan.FromSeconds(seconds));
}

if (args.Contains("--check"))
{
    var only = Array.IndexOf(args, "--only") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    return await ContentCheck.RunAsync(manifest, args.Contains("--sql"), only);
}

// In process: one build, no generated project, and the national database opened once per benchmark.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithWarmupCount(3)
    .WithIterationCount(8)
    .WithId("Short");
var config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddLogger(ConsoleLogger.Default)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(MarkdownExporter.GitHub)
    .WithArtifactsPath(Path.Combine(NationalDatabase.Folder, "BenchmarkDotNet.Artifacts"))
    .WithOption(ConfigOptions.JoinSummary, true);
// RunAllJoined ignores --filter (it runs every benchmark whatever the arguments), so arguments go through Run, which
// honours them and joins the summaries (ConfigOptions.JoinSummary); without arguments Run would ask which to run.
var switcher = BenchmarkSwitcher.FromTypes([typeof(NationalBenchmarks)]);
var summary = args.Length > 0 ? switcher.Run(args, config).SingleOrDefault() : switcher.RunAllJoined(config);
if (summary is null || summary.Reports.Length == 0)
{
    return 1;
}

var path = ResultsReport.Write(summary, manifest);
Console.WriteLine($"Figures written to {path}");
return summary.Reports.All(r => r.Success) ? 0 : 1;

/// <summary>The one table the issue asks for: each piece of work beside its twin, as a ratio.</summary>
internal static class ResultsReport
{
    private static readonly string[] Documents = [NationalBenchmarks.Paper, NationalBenchmarks.ActionPlan];

    public static string Write(Summary summary, DhrTracker.DataGenerator.GeneratorManifest manifest)
    {
        var rows = summary.Reports
            .Where(r => r.Success && r.ResultStatistics is not null)
            .Select(r => (
                Category: r.BenchmarkCase.Descriptor.Categories.FirstOrDefault() ?? "?",
                Twin: r.BenchmarkCase.Descriptor.Baseline,
                Mean: r.ResultStatistics!.Mean,
                Error: r.ResultStatistics.StandardError,
                Allocated: r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0))
            .ToList();
        var env = summary.HostEnvironmentInfo;
        var sb = new StringBuilder();
        sb.AppendLine("# Benchmark results");
        sb.AppendLine();
        sb.AppendLine($"Written by `dotnet run --project DhrTracker.Benchmarks -c Release` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. How to read it: docs/performance.md.");
        sb.AppendLine();
        sb.AppendLine($"- Machine: {env.Cpu.Value?.ProcessorName ?? "unknown CPU"}, {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; .NET {Environment.Version}; BenchmarkDotNet {env.BenchmarkDotNetVersion}, in process, {summary.BenchmarksCases.FirstOrDefault()?.Job.Run.WarmupCount} warm-up and {summary.BenchmarksCases.FirstOrDefault()?.Job.Run.IterationCount} measured iterations.");
        sb.AppendLine($"- Data: seed {manifest.Seed}, scale {manifest.Scale.ToString(CultureInfo.InvariantCulture)}, today {manifest.Today:yyyy-MM-dd}: {Count(manifest, "Partnerships")} partnerships, {Count(manifest, "Reviews")} reviews, {Count(manifest, "Recommendations")} recommendations, {Count(manifest, "Actions")} actions, {Count(manifest, "Milestone")} milestones, {Count(manifest, "ProgressUpdate")} progress updates, {Count(manifest, "ActionSnapshot")} quarter snapshots ({manifest.Counts.Values.Sum():N0} rows).");
        sb.AppendLine($"- Subjects: partnership #{manifest.PartnershipId} ({manifest.PartnershipReviews} reviews, {manifest.PartnershipActions:N0} actions); review {manifest.Review31Reference} (31 recommendations, {manifest.Review31Actions} actions); lead officer {manifest.LeadOfficer.Email} ({manifest.LeadOfficerActions} actions); quarter Q{manifest.LatestClosureQuarter} {manifest.LatestClosureStartYear}/{(manifest.LatestClosureStartYear + 1) % 100:00} ({manifest.LatestClosureSnapshots:N0} snapshots).");
        sb.AppendLine();
        sb.AppendLine("| Work | App (mean) | Twin (mean) | Ratio app ÷ twin | Goal | Met | App allocated | Twin allocated |");
        sb.AppendLine("|---|---:|---:|---:|---:|:---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => r.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var app = group.FirstOrDefault(r => !r.Twin);
            var twin = group.FirstOrDefault(r => r.Twin);
            var goal = Documents.Contains(group.Key) ? 2.0 : 1.5;
            var ratio = twin.Mean > 0 && app.Mean > 0 ? app.Mean / twin.Mean : double.NaN;
            sb.AppendLine($"| {group.Key[2..]} | {Ms(app.Mean)} | {Ms(twin.Mean)} | {ratio:0.00} | {goal:0.0}× | {(ratio <= goal ? "yes" : "**no**")} | {Kb(app.Allocated)} | {Kb(twin.Allocated)} |");
        }

        sb.AppendLine();
        sb.AppendLine("Means are per operation, ± standard error in BenchmarkDotNet's own table (artifacts/BenchmarkDotNet.Artifacts/results).");
        var path = Path.Combine(NationalDatabase.RepositoryRoot, "docs", "performance-results.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sb.ToString());
        Console.WriteLine(sb.ToString());
        return path;
    }

    private static string Count(DhrTracker.DataGenerator.GeneratorManifest m, string table) => m.Counts.GetValueOrDefault(table).ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double nanoseconds) => double.IsNaN(nanoseconds) || nanoseconds == 0 ? "—" : $"{nanoseconds / 1_000_000:0.00} ms";

    private static string Kb(long bytes) => $"{bytes / 1024.0:N0} KB";
}
