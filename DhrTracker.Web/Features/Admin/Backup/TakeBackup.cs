using System.Text.Json;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Admin.Backup;

[Requires(Operation.TakeBackup)]
public sealed record TakeBackupCommand : ICommand<BackupFile>;

/// <summary>A consistent copy of the whole database file; the caller deletes it once sent.</summary>
public sealed record BackupFile(string Path, string DownloadName);

/// <summary>What the backup page offers this person: whether this installation can be backed up here, and by them.</summary>
[Requires(Operation.TakeBackup)]
public sealed record GetBackupOptionsQuery : IQuery<BackupOptions>;

public sealed record BackupOptions(bool OnSqlite, bool IsInstallationOwner);

public sealed class GetBackupOptionsHandler(RequestContext context, DhrDbContextFactory factory, IConfiguration configuration)
    : IQueryHandler<GetBackupOptionsQuery, BackupOptions>
{
    public ValueTask<BackupOptions> Handle(GetBackupOptionsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new BackupOptions(factory.Provider == DatabaseProvider.Sqlite, TakeBackupHandler.IsInstallationAdministrator(configuration, context.User)));
}

/// <summary>
/// Takes a consistent copy of the SQLite database with SQLite's online backup API, while the app keeps
/// running. (SQL Server is backed up with the server's own tools; see README.) The copy leaves out the
/// data-protection keys, which would let whoever holds the file forge sign-in cookies for the running service; and
/// each backup taken is written to the audit trail.
/// </summary>
public sealed class TakeBackupHandler(RequestContext context, DhrDbContextFactory factory, IConfiguration configuration) : ICommandHandler<TakeBackupCommand, BackupFile>
{
    public const string AuditRecord = "Backup";

    public async ValueTask<BackupFile> Handle(TakeBackupCommand command, CancellationToken cancellationToken)
    {
        var user = context.User;

        // The file holds every partnership of the installation, so only its named owners may take it.
        if (!IsInstallationAdministrator(configuration, user))
        {
            throw new ForbiddenException();
        }

        if (factory.Provider != DatabaseProvider.Sqlite)
        {
            throw new DomainException("This installation runs on SQL Server: back it up with SQL Server's own backup tools (see the README).");
        }

        var stamp = context.UtcNow.ToString("yyyy-MM-dd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        var file = new BackupFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dhr-backup-{Guid.NewGuid():N}.db"), $"dhrtracker-backup-{stamp}.db");

        // Recorded first, in the command's own transaction: a backup that could not be audited is not handed out.
        context.Db.AuditEntries.Add(new AuditEntry(
            user.PartnershipId, context.UtcNow, user.UserId, user.Name, AuditRecord, "database", null, AuditKind.Downloaded,
            JsonSerializer.Serialize(new[] { new { Property = "File", Before = (string?)null, After = file.DownloadName } })));
        await context.SaveAsync(cancellationToken);

        try
        {
            string connectionString;
            await using (var system = factory.Create(DataScope.System))
            {
                connectionString = system.Database.GetDbConnection().ConnectionString;
            }

            await using var source = new SqliteConnection(connectionString);
            await using (var destination = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
            {
                await source.OpenAsync(cancellationToken);
                await destination.OpenAsync(cancellationToken);
                source.BackupDatabase(destination);
                await using var strip = destination.CreateCommand();
                strip.CommandText = "PRAGMA secure_delete = ON; DELETE FROM DataProtectionKeys;";
                await strip.ExecuteNonQueryAsync(cancellationToken);
            }

            return file;
        }
        catch
        {
            File.Delete(file.Path);
            throw;
        }
    }

    public static bool IsInstallationAdministrator(IConfiguration configuration, UserContext user) =>
        InstallationAdministrators.Includes(configuration, user);
}
