using System.Globalization;
using DhrTracker.DataGenerator;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DhrTracker.Benchmarks;

/// <summary>The national database the benchmarks run on: generated once under artifacts/ and reused while its manifest matches.</summary>
public static class NationalDatabase
{
    public const int Seed = 42;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepositoryRoot, "artifacts");

    public static double Scale => double.TryParse(Environment.GetEnvironmentVariable("DHR_BENCH_SCALE"), CultureInfo.InvariantCulture, out var s) ? s : 1.0;

    public static string PathFor(double scale) => Path.Combine(Folder, scale == 1.0 ? "national.db" : $"national-{scale.ToString(CultureInfo.InvariantCulture)}.db");

    public static string ManifestPathFor(double scale) => PathFor(scale) + ".manifest.json";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Generates the database unless a complete one with the same seed and scale is already there.</summary>
    public static async Task<GeneratorManifest> EnsureAsync(double scale, TextWriter log)
    {
        await Gate.WaitAsync();
        try
        {
            var path = PathFor(scale);
            var manifestPath = ManifestPathFor(scale);
            if (File.Exists(path) && File.Exists(manifestPath))
            {
                var existing = GeneratorManifest.FromJson(await File.ReadAllTextAsync(manifestPath));
                if (existing.Seed == Seed && existing.Scale == scale && existing.Today == BenchClock.Today)
                {
                    return existing;
                }
            }

            Directory.CreateDirectory(Folder);
            File.Delete(manifestPath);
            log.WriteLine($"Generating the national database at {path} (once; later runs reuse it)…");
            var result = await NationalDataGenerator.RunAsync(
                new GeneratorOptions { Connection = $"Data Source={path}", Seed = Seed, Scale = scale, Today = BenchClock.Today, Replace = true, ManifestPath = manifestPath },
                log);
            return result!.Manifest;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DhrTracker.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>A fixed "now": midday UTC on the generator's anchor date, so statuses are the same every run.</summary>
public sealed class BenchClock : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Stands in for the signed-in person.</summary>
public sealed class BenchUser : ICurrentUser
{
    public UserContext? User { get; set; }

    public Task<UserContext> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(User ?? throw new ForbiddenException());

    public Task<UserContext?> TryGetAsync(CancellationToken cancellationToken = default) => Task.FromResult(User);
}

/// <summary>
/// The app's handlers wired as the app wires them (its generated AddMediator, AppDb, the feature services),
/// over a SQLite database, with a signed-in person chosen per call.
/// </summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly BenchUser _user = new();

    public BenchEnvironment(string databasePath, GeneratorManifest manifest)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        Manifest = manifest;
        DatabasePath = databasePath;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 10 }.ToString();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        var clock = new DhrTracker.Infrastructure.Time.UkClock(Clock);
        services.AddSingleton(new DhrDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={databasePath}", clock));
        services.AddSingleton<DhrTracker.Domain.Common.IClock>(clock);
        services.AddSingleton<ICurrentUser>(_user);
        services.AddScoped<AppDb>();
        Web.AppServices.AddFeatureServices(services);
        services.AddMediator();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        Coordinator = Context(manifest.Coordinator);
        LeadOfficer = Context(manifest.LeadOfficer);
        Chair = Context(manifest.Chair);
    }

    public BenchClock Clock { get; } = new();
    public GeneratorManifest Manifest { get; }
    public string DatabasePath { get; }

    /// <summary>The connection string the twins use: the same file, pooled like the app's.</summary>
    public string ConnectionString { get; }

    public UserContext Coordinator { get; }
    public UserContext LeadOfficer { get; }
    public UserContext Chair { get; }

    private UserContext Context(UserRef user) =>
        new(user.Id, user.Name, user.PartnershipId, Manifest.PartnershipName, user.Role, user.AgencyId) { Email = user.Email };

    public async Task<TResponse> SendAsync<TResponse>(UserContext user, IQuery<TResponse> query)
    {
        _user.User = user;
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public async Task<TResponse> SendAsync<TResponse>(UserContext user, ICommand<TResponse> command)
    {
        _user.User = user;
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
