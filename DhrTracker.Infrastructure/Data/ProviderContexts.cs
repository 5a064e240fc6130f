using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DhrTracker.Infrastructure.Data;

/// <summary>The embedded default: a SQLite file, created and migrated on start.</summary>
public sealed class SqliteDhrDbContext(DbContextOptions<SqliteDhrDbContext> options, DataScope scope)
    : DhrDbContext(options, scope);

/// <summary>Production: SQL Server or Azure SQL, deployed from the generated migration script.</summary>
public sealed class SqlServerDhrDbContext(DbContextOptions<SqlServerDhrDbContext> options, DataScope scope)
    : DhrDbContext(options, scope);

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDhrDbContext>
{
    public SqliteDhrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDhrDbContext>().UseSqlite("Data Source=design.db").Options, DataScope.System);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDhrDbContext>
{
    // dotnet ef never connects when adding migrations or writing scripts; the string only has to parse.
    public SqlServerDhrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerDhrDbContext>().UseSqlServer("Server=design-time;Database=DhrTracker;Trusted_Connection=True;TrustServerCertificate=True").Options, DataScope.System);
}
