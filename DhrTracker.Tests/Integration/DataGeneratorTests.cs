using DhrTracker.DataGenerator;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Integration;

public sealed class DataGeneratorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dhr-generator-tests", Guid.NewGuid().ToString("N"));

    public DataGeneratorTests() => Directory.CreateDirectory(_folder);

    private async Task<(GeneratorResult Result, string Path)> GenerateAsync(string name, int seed)
    {
        var path = Path.Combine(_folder, name);
        var result = await NationalDataGenerator.RunAsync(
            new GeneratorOptions { Connection = $"Data Source={path};Pooling=False", Seed = seed, Scale = 0.01, Replace = true }, TextWriter.Null);
        return (result!, path);
    }

    /// <summary>A checksum read back from the database itself: references, dates, statuses and texts in id order.</summary>
    private static async Task<string> DatabaseChecksumAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var sql in new[]
                 {
                     "SELECT group_concat(Reference || Kind || NotifiedOn || coalesce(PublishedOn, ''), '|') FROM (SELECT * FROM Reviews ORDER BY Id)",
                     "SELECT group_concat(Number || Text, '|') FROM (SELECT * FROM Recommendations ORDER BY Id)",
                     "SELECT group_concat(Id || CreatedOn || coalesce(TargetDate, '') || coalesce(CompletionAcceptedOn, '') || coalesce(LastUpdateOn, ''), '|') FROM (SELECT * FROM Actions ORDER BY Id)",
                     "SELECT group_concat(PostedAtUtc || Narrative, '|') FROM (SELECT * FROM ProgressUpdate ORDER BY Id)",
                     "SELECT group_concat(Status || Reason, '|') FROM (SELECT * FROM ActionSnapshot ORDER BY Id)",
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            parts.Add((string)(await command.ExecuteScalarAsync())!);
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("#", parts))));
    }

    [Fact]
    public async Task SameSeedGivesTheSameRowsAndTheSameContent()
    {
        var (first, firstPath) = await GenerateAsync("a.db", 7);
        var (second, secondPath) = await GenerateAsync("b.db", 7);
        var (other, otherPath) = await GenerateAsync("c.db", 8);

        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(first.Checksum, second.Checksum);
        Assert.Equal(await DatabaseChecksumAsync(firstPath), await DatabaseChecksumAsync(secondPath));
        Assert.NotEqual(await DatabaseChecksumAsync(firstPath), await DatabaseChecksumAsync(otherPath));
        Assert.NotEqual(first.Checksum, other.Checksum);
    }

    /// <summary>The issue's national volumes (300 partnerships, 5,000 reviews, 100,000 recommendations, 200,000 actions,
    /// 600,000 milestones, 1,000,000 updates, 40 closed quarters) scaled to 1%, with the largest partnership kept whole.</summary>
    [Fact]
    public async Task ScaleGivesTheIssuesVolumesInProportion()
    {
        var (result, _) = await GenerateAsync("counts.db", 42);

        Assert.Equal(3, result.Counts["Partnerships"]);
        Assert.Equal(50, result.Counts["Reviews"]);
        Assert.Equal(1_000, result.Counts["Recommendations"]);
        Assert.Equal(2_000, result.Counts["Actions"]);
        Assert.Equal(6_000, result.Counts["Milestone"]);
        Assert.Equal(10_000, result.Counts["ProgressUpdate"]);
        Assert.Equal(40, result.Counts["QuarterClosures"]);
        Assert.True(result.Counts["ActionSnapshot"] > 0);
        Assert.Equal(40, result.Manifest.PartnershipReviews);
    }

    [Fact]
    public async Task TheAppsModelReadsTheGeneratedData()
    {
        var (result, path) = await GenerateAsync("model.db", 42);
        var manifest = result.Manifest;
        var factory = new DhrDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False", DhrTracker.Infrastructure.Time.UkClock.System);
        await using var db = factory.Create(DataScope.For(manifest.PartnershipId, manifest.Coordinator.Id, manifest.Coordinator.Name));

        var review = await db.Reviews.Include(r => r.Decisions).Include(r => r.QaSubmissions).SingleAsync(r => r.Id == manifest.Review31Id);
        Assert.Equal(DhrTracker.Domain.Reviews.ReviewStage.ActionPlanDelivery, review.Stage);
        Assert.Equal(31, await db.Recommendations.CountAsync(r => r.ReviewId == review.Id));
        var actions = await db.Actions.Where(a => a.ReviewId == review.Id).Include(a => a.Milestones).Include(a => a.Updates).ToListAsync();
        Assert.Equal(manifest.Review31Actions, actions.Count);
        var statuses = actions.Select(a => a.Status(new DateOnly(2026, 11, 23), PartnershipSettings.Defaults().Thresholds).Status).Distinct().ToList();
        Assert.True(statuses.Count >= 3, $"Statuses in the 31-recommendation plan: {string.Join(", ", statuses)}");
        Assert.Equal(40, await db.Reviews.CountAsync());
        Assert.Equal(0, await db.AuditEntries.IgnoreQueryFilters().CountAsync());
        Assert.Equal(40, await db.QuarterClosures.CountAsync());
        Assert.Contains(manifest.DemoUsers, u => u.Email == manifest.Coordinator.Email);
    }

    /// <summary>On a fresh clone <c>artifacts/</c> does not exist: the README's command must make it, not fail deleting
    /// the old file in a folder that is not there.</summary>
    [Fact]
    public async Task ReplaceIntoAFolderThatDoesNotExistCreatesIt()
    {
        var path = Path.Combine(_folder, "artifacts", "nested", "national.db");

        var result = await NationalDataGenerator.RunAsync(
            new GeneratorOptions { Connection = $"Data Source={path};Pooling=False", Seed = 42, Scale = 0.01, Replace = true }, TextWriter.Null);

        Assert.NotNull(result);
        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + ".manifest.json"));
        Assert.Equal(3, result.Counts["Partnerships"]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp clean-up.
        }
    }
}
