using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DhrTracker.Benchmarks.Twins;
using DhrTracker.Domain.Reporting;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Web.Features.Actions.GetMyActions;
using DhrTracker.Web.Features.Dashboards.GetDeliveryDashboard;
using DhrTracker.Web.Features.Documents;
using DhrTracker.Web.Features.Quarters.CloseQuarter;
using DhrTracker.Web.Features.Reviews.GetRegister;
using DhrTracker.Web.Features.Reviews.GetReview;
using DhrTracker.Web.Features.Themes.GetThemes;
using Microsoft.Data.Sqlite;

namespace DhrTracker.Benchmarks;

/// <summary>
/// The work people wait for, through the app's real handlers on the national database, each beside its twin
/// (the baseline of its category): hand-written SQL over a plain SqliteDataReader for a query, the bare Open
/// XML SDK for a document. BenchmarkDotNet's Ratio column is app ÷ twin.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MemoryDiagnoser]
public class NationalBenchmarks
{
    public const string Register = "1 Register (40 reviews)";
    public const string Review = "2 Review page (31 recommendations)";
    public const string MyActions = "3 My actions (lead officer)";
    public const string Dashboard = "4 Co-ordinator's dashboard";
    public const string Themes = "5 Themes";
    public const string CloseQuarter = "6 Close a quarter (40 reviews)";
    public const string Paper = "7 Quarterly paper (40 reviews)";
    public const string ActionPlan = "8 Action plan document (31 recommendations)";

    private BenchEnvironment _env = null!;
    private BenchEnvironment _writable = null!;
    private FinancialQuarter _quarter;

    [GlobalSetup]
    public void Setup()
    {
        var manifest = NationalDatabase.EnsureAsync(NationalDatabase.Scale, Console.Out).GetAwaiter().GetResult();
        _env = new BenchEnvironment(NationalDatabase.PathFor(NationalDatabase.Scale), manifest);
        _quarter = new FinancialQuarter(manifest.LatestClosureStartYear, manifest.LatestClosureQuarter);
    }

    [GlobalSetup(Targets = [nameof(CloseQuarterApp), nameof(CloseQuarterTwin)])]
    public void SetupWritable()
    {
        Setup();
        _writable = new BenchEnvironment(WritableCopy.Make(_env.DatabasePath), _env.Manifest);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _env.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_writable is not null)
        {
            _writable.DisposeAsync().AsTask().GetAwaiter().GetResult();
            SqliteConnection.ClearAllPools();
            WritableCopy.Delete(_writable.DatabasePath);
        }
    }

    private int P => _env.Manifest.PartnershipId;

    [Benchmark(Baseline = true), BenchmarkCategory(Register)]
    public Task<int> RegisterTwin() => QueryTwins.RegisterAsync(_env.ConnectionString, P);

    [Benchmark, BenchmarkCategory(Register)]
    public Task<RegisterView> RegisterApp() => _env.SendAsync(_env.Coordinator, new GetRegisterQuery(new RegisterFilter()));

    [Benchmark(Baseline = true), BenchmarkCategory(Review)]
    public Task<int> ReviewTwin() => QueryTwins.ReviewAsync(_env.ConnectionString, P, _env.Manifest.Review31Id);

    [Benchmark, BenchmarkCategory(Review)]
    public Task<ReviewView> ReviewApp() => _env.SendAsync(_env.Coordinator, new GetReviewQuery(_env.Manifest.Review31Id));

    [Benchmark(Baseline = true), BenchmarkCategory(MyActions)]
    public Task<int> MyActionsTwin() => QueryTwins.MyActionsAsync(_env.ConnectionString, P, _env.Manifest.LeadOfficer.AgencyId!.Value);

    [Benchmark, BenchmarkCategory(MyActions)]
    public Task<MyActionsView> MyActionsApp() => _env.SendAsync(_env.LeadOfficer, new GetMyActionsQuery());

    [Benchmark(Baseline = true), BenchmarkCategory(Dashboard)]
    public Task<int> DashboardTwin() => QueryTwins.DeliveryDashboardAsync(_env.ConnectionString, P);

    [Benchmark, BenchmarkCategory(Dashboard)]
    public Task<DeliveryDashboardView> DashboardApp() => _env.SendAsync(_env.Coordinator, new GetDeliveryDashboardQuery());

    [Benchmark(Baseline = true), BenchmarkCategory(Themes)]
    public Task<int> ThemesTwin() => QueryTwins.ThemesAsync(_env.ConnectionString, P);

    [Benchmark, BenchmarkCategory(Themes)]
    public Task<ThemesView> ThemesApp() => _env.SendAsync(_env.Coordinator, new GetThemesQuery());

    [Benchmark(Baseline = true), BenchmarkCategory(CloseQuarter)]
    public Task<int> CloseQuarterTwin() =>
        Twins.CloseQuarterTwin.RunAsync(_writable.ConnectionString, P, _env.Coordinator.UserId, _env.Coordinator.Name, _quarter, BenchClock.Now.UtcDateTime, BenchClock.Today);

    [Benchmark, BenchmarkCategory(CloseQuarter)]
    public async Task<CloseQuarterResult> CloseQuarterApp()
    {
        // A closed quarter is not closed again: set the last run's closure aside first, as the twin does inside its own run.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_writable.ConnectionString))
        {
            await connection.OpenAsync();
            await using var supersede = connection.CreateCommand();
            supersede.CommandText = "UPDATE QuarterClosures SET SupersededAtUtc = $now WHERE PartnershipId = $p AND StartYear = $y AND QuarterNumber = $n AND SupersededAtUtc IS NULL";
            supersede.Parameters.AddWithValue("$now", BenchClock.Now.UtcDateTime);
            supersede.Parameters.AddWithValue("$p", P);
            supersede.Parameters.AddWithValue("$y", _quarter.StartYear);
            supersede.Parameters.AddWithValue("$n", _quarter.Number);
            await supersede.ExecuteNonQueryAsync();
        }

        return await _writable.SendAsync(_env.Coordinator, new CloseQuarterCommand(_quarter.StartYear, _quarter.Number));
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Paper)]
    public Task<byte[]> PaperTwin() => DocumentTwins.QuarterlyPaperAsync(_env.ConnectionString, P, _env.Manifest.LatestClosureId, BenchClock.Today);

    [Benchmark, BenchmarkCategory(Paper)]
    public Task<DocumentFile> PaperApp() => _env.SendAsync(_env.Coordinator, new GetQuarterlyPaperQuery(_env.Manifest.LatestClosureId, PaperEdition.Board));

    [Benchmark(Baseline = true), BenchmarkCategory(ActionPlan)]
    public Task<byte[]> ActionPlanTwin() => DocumentTwins.ActionPlanAsync(_env.ConnectionString, P, _env.Manifest.Review31Id, BenchClock.Today);

    [Benchmark, BenchmarkCategory(ActionPlan)]
    public Task<DocumentFile> ActionPlanApp() => _env.SendAsync(_env.Coordinator, new GetReviewDocumentQuery(_env.Manifest.Review31Id, ReviewDocumentKind.ActionPlan));
}

/// <summary>Closing a quarter writes: it runs on a copy of the national database, so the cached one stays as generated.</summary>
internal static class WritableCopy
{
    public static string Make(string source)
    {
        SqliteConnection.ClearAllPools();
        using (var checkpoint = new SqliteConnection($"Data Source={source}"))
        {
            checkpoint.Open();
            using var command = checkpoint.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var target = Path.Combine(Path.GetDirectoryName(source)!, "national-writable.db");
        Delete(target);
        File.Copy(source, target);
        return target;
    }

    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
