using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using Microsoft.Extensions.Time.Testing;

namespace DhrTracker.Tests.Support;

/// <summary>
/// A real SQLite database in a temporary file, migrated exactly as the app migrates it, optionally with the
/// demo data. Deleted when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private TestDatabase(string folder, FakeTimeProvider clock)
    {
        _folder = folder;
        Clock = clock;
        Path = System.IO.Path.Combine(folder, "test.db");
        ConnectionString = $"Data Source={Path};Pooling=False";
        Factory = new DhrDbContextFactory(DatabaseProvider.Sqlite, ConnectionString, clock);
    }

    /// <summary>A fixed "now" so that status derivations are repeatable: midday UTC on 23 November 2026.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static DateOnly DefaultToday => DateOnly.FromDateTime(DefaultNow.UtcDateTime);

    public string Path { get; }
    public string ConnectionString { get; }
    public DhrDbContextFactory Factory { get; }
    public FakeTimeProvider Clock { get; }
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public static async Task<TestDatabase> CreateAsync(bool withDemoData = true)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dhr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = new TestDatabase(folder, new FakeTimeProvider(DefaultNow));
        await DatabaseInitializer.PrepareAsync(db.Factory, migrateSqlServer: false);
        if (withDemoData)
        {
            await DemoData.SeedIfEmptyAsync(db.Factory, db.Today);
        }

        return db;
    }

    public DhrDbContext Open(DataScope scope) => Factory.Create(scope);

    /// <summary>
    /// A copy of this database, in its own file, taken with SQLite's online backup: far quicker than migrating and
    /// seeding again, for tests that need many fresh databases.
    /// </summary>
    public async Task<TestDatabase> CopyAsync()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dhr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var copy = new TestDatabase(folder, new FakeTimeProvider(Clock.GetUtcNow()));
        await using var source = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        await using var target = new Microsoft.Data.Sqlite.SqliteConnection(copy.ConnectionString);
        await source.OpenAsync();
        await target.OpenAsync();
        source.BackupDatabase(target);
        return copy;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is removed with the temp folder later; never fail a test over it.
        }

        return ValueTask.CompletedTask;
    }
}
