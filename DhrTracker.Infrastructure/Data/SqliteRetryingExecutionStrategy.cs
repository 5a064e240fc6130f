using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DhrTracker.Infrastructure.Data;

/// <summary>
/// SQLite's counterpart of SQL Server's <c>EnableRetryOnFailure</c>: a busy or locked database is retried, and,
/// exactly as on SQL Server, EF refuses a transaction begun outside <c>CreateExecutionStrategy().ExecuteAsync</c>.
/// It is what makes the SQLite test suite fail on a write that would fail in production (docs/decisions/0010).
/// SQLite has already waited its busy timeout before it reports busy, so the retries are few and short.
/// </summary>
public sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount = 2)
    : ExecutionStrategy(dependencies, maxRetryCount, TimeSpan.FromMilliseconds(500))
{
    protected override bool ShouldRetryOn(Exception exception) => StorageFailures.IsSqliteBusy(exception);
}

/// <summary>What counts as "the database could not take it just now", on either provider.</summary>
public static class StorageFailures
{
    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), possibly wrapped by EF.</summary>
    public static bool IsSqliteBusy(Exception? exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        DbUpdateException { InnerException: { } inner } => IsSqliteBusy(inner),
        _ => false,
    };

    /// <summary>
    /// SQL Server and Azure SQL errors that pass: timeout (-2), deadlock victim (1205), lock request time-out (1222),
    /// lost or refused connections (53, 64, 121, 233, 10053, 10054, 10060, 10061), a database starting or
    /// failing over (4060, 4221, 40613, 42108, 42109), and Azure SQL throttling and reconfiguration (10928,
    /// 10929, 40143, 40197, 40501, 40540, 49918, 49919, 49920), and in-memory OLTP retries (41301, 41302, 41305, 41325, 41839).
    /// </summary>
    private static readonly HashSet<int> SqlServerTransientNumbers =
    [
        -2, 20, 53, 64, 121, 233, 1205, 1222, 4060, 4221, 10053, 10054, 10060, 10061, 10928, 10929, 40143, 40197, 40501, 40540, 40613,
        41301, 41302, 41305, 41325, 41839, 42108, 42109, 49918, 49919, 49920,
    ];

    /// <summary>
    /// A failure worth telling a person "try again in a moment" rather than "something went wrong": SQLite busy or
    /// locked; SQL Server's transient errors (timeouts, deadlock victim 1205, lost connections, Azure SQL throttling,
    /// as EF's own retry list knows them); or a retrying strategy that gave up on one of those.
    /// </summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        null => false,
        RetryLimitExceededException => true,
        _ when IsSqliteBusy(exception) => true,
        Microsoft.Data.SqlClient.SqlException sql => sql.Errors.Cast<Microsoft.Data.SqlClient.SqlError>().Any(e => SqlServerTransientNumbers.Contains(e.Number)),
        TimeoutException => true,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
