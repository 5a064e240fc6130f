using System.Data.Common;
using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Actions.GetMyActions;
using DhrTracker.Web.Features.Actions.PostUpdate;
using DhrTracker.Web.Features.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DhrTracker.Tests.Features.Pipeline;

/// <summary>
/// SQL Server runs with a retrying execution strategy, under which EF refuses a transaction begun outside the
/// strategy; SQLite here runs with its own retrying strategy so that a write that would fail there fails here too.
/// These tests pin the unit of work: a save is retried as a whole, exactly once in effect, with its audit trail.
/// </summary>
public sealed class UnitOfWorkTests : IAsyncLifetime
{
    private readonly FailInserts _faults = new();
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = HandlerHarness.Over(await TestDatabase.CreateAsync(interceptors: [_faults]));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ATransactionBegunOutsideTheExecutionStrategyIsRefusedAsSqlServerRefusesIt()
    {
        await using var db = _app.Database.Open(DataScope.System);
        var person = await db.Users.FirstAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        person.Deactivate();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("does not support user-initiated transactions", ex.Message);
    }

    [Fact]
    public async Task ASaveThatMeetsABusyDatabaseIsRetriedAsAWholeAndLandsOnceWithItsAudit()
    {
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var action = (await _app.SendAsync(new GetMyActionsQuery())).Actions.First(a => a.Status.Status != DhrTracker.Domain.Actions.Rag.Blue);
        var version = await Features.Plans.PlanTestData.ActionVersionAsync(_app, action.Id);
        _faults.Fail("ProgressUpdate", times: 1);

        await _app.SendAsync(new PostUpdateCommand(action.Id, version, "Posted through a busy database", null, null));

        Assert.Equal(1, _faults.Failed);
        await using var db = _app.Database.Open(DataScope.System);
        var updates = await db.Set<DhrTracker.Domain.Actions.ProgressUpdate>().Where(u => u.Narrative == "Posted through a busy database").ToListAsync();
        var update = Assert.Single(updates);
        var audit = await db.AuditEntries.Where(a => a.EntityType == "ProgressUpdate" && a.EntityId == update.Id.ToString()).ToListAsync();
        Assert.Single(audit);
        // The row added with its parent records the parent's real key, never EF's temporary one.
        Assert.Contains($"\"ActionItemId\",\"Before\":null,\"After\":\"{action.Id}\"", audit[0].Changes);
        Assert.Equal(await db.Actions.Where(a => a.Id == action.Id).Select(a => a.ReviewId).SingleAsync(), audit[0].ReviewId);
    }

    [Fact]
    public async Task ADatabaseThatStaysBusyIsReportedPlainlyAndNothingIsSaved()
    {
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var action = (await _app.SendAsync(new GetMyActionsQuery())).Actions.First(a => a.Status.Status != DhrTracker.Domain.Actions.Rag.Blue);
        var version = await Features.Plans.PlanTestData.ActionVersionAsync(_app, action.Id);
        await using var before = _app.Database.Open(DataScope.System);
        var auditBefore = await before.AuditEntries.CountAsync();
        _faults.Fail("ProgressUpdate", times: 100);

        var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            _app.SendAsync(new PostUpdateCommand(action.Id, version, "Never lands", null, null)));

        Assert.Equal("The database is busy or unavailable, so nothing was saved. What you typed is still here: try again in a moment.", ex.Message);
        Assert.Equal(3, _faults.Failed); // the first attempt and the strategy's two retries
        await using var db = _app.Database.Open(DataScope.System);
        Assert.False(await db.Set<DhrTracker.Domain.Actions.ProgressUpdate>().AnyAsync(u => u.Narrative == "Never lands"));
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
        Assert.Equal(version, await Features.Plans.PlanTestData.ActionVersionAsync(_app, action.Id));
    }

    [Theory]
    [InlineData(1205)] // deadlock victim
    [InlineData(-2)] // time-out
    [InlineData(10054)] // connection reset
    [InlineData(40613)] // Azure SQL database unavailable
    public void SqlServersTransientErrorsReadAsABusyDatabase(int number) =>
        Assert.True(StorageFailures.IsTransient(new DbUpdateException("save failed", SqlServerError(number))));

    [Fact]
    public void ARuleBrokenInSqlServerIsNotTransient() =>
        Assert.False(StorageFailures.IsTransient(new DbUpdateException("save failed", SqlServerError(2627)))); // duplicate key

    [Fact]
    public void SqliteBusyAndLockedAndAnExhaustedRetryAreTransient()
    {
        Assert.True(StorageFailures.IsTransient(new SqliteException("database is locked", 5)));
        Assert.True(StorageFailures.IsTransient(new DbUpdateException("x", new SqliteException("database table is locked", 6))));
        Assert.True(StorageFailures.IsTransient(new RetryLimitExceededException("gave up", new SqliteException("database is locked", 5))));
        Assert.False(StorageFailures.IsTransient(new SqliteException("constraint failed", 19)));
    }

    /// <summary>A real <c>SqlException</c> with one error of this number, built as SqlClient builds it.</summary>
    private static Microsoft.Data.SqlClient.SqlException SqlServerError(int number)
    {
        var errorType = typeof(Microsoft.Data.SqlClient.SqlError);
        var error = errorType.GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .Select(c => c.Invoke(c.GetParameters().Select(p => p.ParameterType == typeof(int) ? number
                : p.ParameterType == typeof(byte) ? (object)(byte)0
                : p.ParameterType == typeof(string) ? "test"
                : p.ParameterType == typeof(uint) ? 0u
                : p.ParameterType == typeof(Exception) ? null!
                : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType)! : null!).ToArray()))
            .First();
        var collection = (Microsoft.Data.SqlClient.SqlErrorCollection)Activator.CreateInstance(typeof(Microsoft.Data.SqlClient.SqlErrorCollection), nonPublic: true)!;
        typeof(Microsoft.Data.SqlClient.SqlErrorCollection).GetMethod("Add", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.Invoke(collection, [error]);
        var create = typeof(Microsoft.Data.SqlClient.SqlException).GetMethod("CreateException", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static, [typeof(Microsoft.Data.SqlClient.SqlErrorCollection), typeof(string)])!;
        var exception = (Microsoft.Data.SqlClient.SqlException)create.Invoke(null, [collection, "7.0.0"])!;
        Assert.Equal(number, exception.Number);
        return exception;
    }

    /// <summary>Fails the next inserts into one table as a locked SQLite database does.</summary>
    private sealed class FailInserts : DbCommandInterceptor
    {
        private string? _table;
        private int _remaining;

        public int Failed { get; private set; }

        public void Fail(string table, int times)
        {
            _table = table;
            _remaining = times;
            Failed = 0;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        private void Check(DbCommand command)
        {
            if (_table is { } table && _remaining > 0 && command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal))
            {
                _remaining--;
                Failed++;
                throw new SqliteException("database is locked", 5);
            }
        }
    }
}
