using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Infrastructure.Time;
using Microsoft.Extensions.Time.Testing;

namespace DhrTracker.Tests.Support;

/// <summary>
/// A real SQLite database in a temporary file, migrated exactly as the app migrates it, optionally with the
/// demo data. Deleted when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private TestDatabase(string folder, FakeTimeProvider clock, IReadOnlyList<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>? interceptors = null)
    {
        _folder = folder;
        Clock = clock;
        Path = System.IO.Path.Combine(folder, "test.db");
        ConnectionString = $"Data Source={Path};Pooling=False";
        UkClock = new UkClock(clock);
        Factory = new DhrDbContextFactory(DatabaseProvider.Sqlite, ConnectionString, UkClock, interceptors: interceptors);
    }

    /// <summary>A fixed "now" so that status derivations are repeatable: midday UTC on 23 November 2026.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static DateOnly DefaultToday => DhrTracker.Domain.Common.UkTime.DateOf(DefaultNow.UtcDateTime);

    public string Path { get; }
    public string ConnectionString { get; }
    public DhrDbContextFactory Factory { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>The app's clock over <see cref="Clock"/>: UTC now and the UK date.</summary>
    public UkClock UkClock { get; }

    public DateOnly Today => UkClock.Today;

    private static readonly SemaphoreSlim TemplatesLock = new(1, 1);
    private static readonly Dictionary<bool, TestDatabase> Templates = [];

    /// <summary>
    /// A database of its own for one test: a copy of a template migrated (and seeded) once per test run, so that the
    /// suite does not migrate and seed a few hundred times. <see cref="CreateMigratedAsync"/> migrates a new file itself.
    /// </summary>
    /// <param name="interceptors">EF interceptors for this database's contexts (to inject a failure, say).</param>
    public static async Task<TestDatabase> CreateAsync(bool withDemoData = true, IReadOnlyList<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>? interceptors = null)
    {
        await TemplatesLock.WaitAsync();
        TestDatabase template;
        try
        {
            if (!Templates.TryGetValue(withDemoData, out template!))
            {
                template = await CreateMigratedAsync(withDemoData);
                Templates[withDemoData] = template;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            TemplatesLock.Release();
        }

        return await template.CopyAsync(interceptors);
    }

    /// <summary>A new file migrated exactly as the app migrates it on start (and seeded with the demo data if asked).</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(bool withDemoData = true)
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
    /// <param name="interceptors">EF interceptors for the copy's contexts (to inject a failure, say).</param>
    public async Task<TestDatabase> CopyAsync(IReadOnlyList<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>? interceptors = null)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dhr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var copy = new TestDatabase(folder, new FakeTimeProvider(Clock.GetUtcNow()), interceptors);
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
