using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Data.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

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

    /// <param name="loggerFactory">The app's logging, so that EF's warnings and errors reach the app's log.</param>
    /// <param name="interceptors">More EF interceptors after the audit trail's (the tests inject faults with them).</param>
    public DhrDbContextFactory(
        DatabaseProvider provider,
        string connectionString,
        IClock clock,
        int busyTimeoutSeconds = DefaultBusyTimeoutSeconds,
        ILoggerFactory? loggerFactory = null,
        IReadOnlyList<IInterceptor>? interceptors = null)
    {
        _provider = provider;
        Clock = clock;
        IInterceptor[] audit = [new AuditTrailInterceptor(clock), .. interceptors ?? []];
        _options = provider switch
        {
            DatabaseProvider.SqlServer => Configure(new DbContextOptionsBuilder<SqlServerDhrDbContext>(), loggerFactory, audit)
                .UseSqlServer(connectionString, o => o.EnableRetryOnFailure().UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .Options,
            _ => Configure(new DbContextOptionsBuilder<SqliteDhrDbContext>(), loggerFactory, audit)
                .UseSqlite(WithBusyTimeout(connectionString, busyTimeoutSeconds), o => o
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                    .ExecutionStrategy(d => new SqliteRetryingExecutionStrategy(d)))
                .Options,
        };
    }

    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, ILoggerFactory? loggerFactory, IInterceptor[] interceptors)
        where T : DbContext
    {
        builder.AddInterceptors(interceptors);
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder;
    }

    /// <summary>The clock the audit trail is stamped with; the same one the app's handlers read.</summary>
    public IClock Clock { get; }

    public DatabaseProvider Provider => _provider;

    public const int DefaultBusyTimeoutSeconds = 5;

    /// <summary>
    /// How long a write waits for another writer before giving up with a friendly "try again" (default 5 s a try, tried three times,
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

    public static DhrDbContextFactory FromConfiguration(IConfiguration configuration, IClock clock, string contentRoot, ILoggerFactory? loggerFactory = null)
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

        return new DhrDbContextFactory(provider, connectionString, clock, int.TryParse(configuration["Database:BusyTimeoutSeconds"], out var busy) && busy > 0 ? busy : DefaultBusyTimeoutSeconds, loggerFactory);
    }

    public DhrDbContext Create(DataScope scope) => _provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerDhrDbContext((DbContextOptions<SqlServerDhrDbContext>)_options, scope),
        _ => new SqliteDhrDbContext((DbContextOptions<SqliteDhrDbContext>)_options, scope),
    };

    /// <summary>
    /// Runs a unit of work inside the provider's execution strategy: on a transient failure the whole of
    /// <paramref name="operation"/> runs again, so it must start from the database (open its own contexts) each time.
    /// Saves and transactions inside it join it rather than retrying on their own.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await using var probe = Create(DataScope.Nobody);
        return await probe.Database.CreateExecutionStrategy().ExecuteAsync(operation, cancellationToken);
    }
}
