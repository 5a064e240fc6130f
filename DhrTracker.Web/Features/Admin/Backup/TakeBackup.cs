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

/// <summary>
/// Takes a consistent copy of the SQLite database with SQLite's online backup API, while the app keeps
/// running. (SQL Server is backed up with the server's own tools; see README.)
/// </summary>
public sealed class TakeBackupHandler(ICurrentUser currentUser, DhrDbContextFactory factory, IClock clock, IConfiguration configuration) : ICommandHandler<TakeBackupCommand, BackupFile>
{
    public async ValueTask<BackupFile> Handle(TakeBackupCommand command, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        user.Require(Operation.TakeBackup);

        // The file holds every partnership of the installation, so only its named owners may take it.
        if (!IsInstallationAdministrator(configuration, user))
        {
            throw new ForbiddenException();
        }

        if (factory.Provider != DatabaseProvider.Sqlite)
        {
            throw new Domain.Common.DomainException("This installation runs on SQL Server: back it up with SQL Server's own backup tools (see the README).");
        }

        await using var db = factory.Create(DataScope.System);
        var source = new SqliteConnection(db.Database.GetDbConnection().ConnectionString);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dhr-backup-{Guid.NewGuid():N}.db");
        await using (source)
        await using (var destination = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
        }

        var stamp = clock.UtcNow.ToString("yyyy-MM-dd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return new BackupFile(path, $"dhrtracker-backup-{stamp}.db");
    }

    public static bool IsInstallationAdministrator(IConfiguration configuration, UserContext user) =>
        InstallationAdministrators.Includes(configuration, user);
}
