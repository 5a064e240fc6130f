using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Infrastructure.Data;

public static class DatabaseInitializer
{
    /// <summary>
    /// SQLite is created and migrated on start (and switched to WAL so readers never wait for a writer).
    /// SQL Server is deployed from the generated script, so it is only migrated here when asked to.
    /// </summary>
    public static async Task PrepareAsync(DhrDbContextFactory factory, bool migrateSqlServer, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create(DataScope.System);
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else if (migrateSqlServer)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
