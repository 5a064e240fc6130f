using DhrTracker.Infrastructure.Data;
using DhrTracker.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DhrTracker.Tests.Integration;

public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model has changes with no migration: run dotnet ef migrations add.");
    }

    [Fact]
    public void SqlServerMigrationsMatchTheModel()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQL Server model has changes with no migration: run dotnet ef migrations add.");
    }

    [Fact]
    public void SqlServerIdempotentScriptParsesWithoutErrors()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.Contains("CREATE TABLE [Reviews]", script);
        Assert.Contains("AuditEntries_AppendOnly", script);
    }

    [Fact]
    public async Task SqliteDatabaseIsCreatedAndMigratedOnStart()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(withDemoData: false);
        await using var db = database.Open(DataScope.System);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Reviews.CountAsync());
    }

    [Fact]
    public async Task AuditTrailRefusesUpdateAndDeleteInTheDatabaseItself()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: false);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO AuditEntries (PartnershipId, OccurredAtUtc, UserName, EntityType, EntityId, Kind, Changes) VALUES (1, '2026-01-01', 'x', 'Review', '1', 'Added', '[]')";
            await insert.ExecuteNonQueryAsync();
        }

        foreach (var sql in new[] { "UPDATE AuditEntries SET UserName = 'someone else'", "DELETE FROM AuditEntries" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message);
        }
    }

    [Fact]
    public async Task ProgressUpdatesCannotBeDeletedNorAnActionThatHasThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync();
        }

        long actionId;
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = "SELECT ActionItemId FROM ProgressUpdate LIMIT 1";
            actionId = (long)(await find.ExecuteScalarAsync())!;
        }

        foreach (var sql in new[] { "DELETE FROM ProgressUpdate", $"DELETE FROM Actions WHERE Id = {actionId}" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message);
        }

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM ProgressUpdate WHERE ActionItemId = {actionId}";
        Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
    }

    [Fact]
    public void SqlServerRefusesDeletingProgressUpdatesToo()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("[ProgressUpdates_NoDelete] ON [dbo].[ProgressUpdate] AFTER DELETE", script);
    }
}
