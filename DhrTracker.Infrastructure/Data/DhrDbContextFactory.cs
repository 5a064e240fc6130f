using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DhrTracker.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Creates short-lived contexts of the configured provider, each for one operation.</summary>
public sealed class DhrDbContextFactory
{
    private readonly DatabaseProvider _provider;
    private readonly DbContextOptions _options;
    private readonly TimeProvider _clock;

    public DhrDbContextFactory(DatabaseProvider provider, string connectionString, TimeProvider clock, int busyTimeoutSeconds = DefaultBusyTimeoutSeconds)
    {
        _provider = provider;
        _clock = clock;
        _options = provider switch
        {
            DatabaseProvider.SqlServer => new DbContextOptionsBuilder<SqlServerDhrDbContext>()
                .UseSqlServer(connectionString, o => o.EnableRetryOnFailure().UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .Options,
            _ => new DbContextOptionsBuilder<SqliteDhrDbContext>()
                .UseSqlite(WithBusyTimeout(connectionString, busyTimeoutSeconds), o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .Options,
        };
    }

    public DatabaseProvider Provider => _provider;

    public const int DefaultBusyTimeoutSeconds = 10;

    /// <summary>
    /// How long a write waits for another writer before giving up with a friendly "try again" (default 10 s
    /// rather than SQLite's 30 s: a person should not stare at a frozen form for half a minute). Set by
    /// <c>Database:BusyTimeoutSeconds</c>; a timeout written in the connection string wins.
    /// </summary>
    private static string WithBusyTimeout(string connectionString, int busyTimeoutSeconds)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = busyTimeoutSeconds;
        }

        return builder.ToString();
    }

    public static DhrDbContextFactory FromConfiguration(IConfiguration configuration, TimeProvider clock, string contentRoot)
    {
        var providerName = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer, not '{providerName}'.");
        }

        var connectionString = configuration.GetConnectionString("Dhr");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.SqlServer)
            {
                throw new InvalidOperationException("ConnectionStrings:Dhr must be set when Database:Provider is SqlServer.");
            }

            connectionString = $"Data Source={Path.Combine(contentRoot, "dhrtracker.db")}";
        }

        return new DhrDbContextFactory(provider, connectionString, clock, int.TryParse(configuration["Database:BusyTimeoutSeconds"], out var busy) && busy > 0 ? busy : DefaultBusyTimeoutSeconds);
    }

    public DhrDbContext Create(DataScope scope) => _provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerDhrDbContext((DbContextOptions<SqlServerDhrDbContext>)_options, scope, _clock),
        _ => new SqliteDhrDbContext((DbContextOptions<SqliteDhrDbContext>)_options, scope, _clock),
    };
}
