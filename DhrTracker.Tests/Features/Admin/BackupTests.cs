using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Admin.Backup;
using DhrTracker.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Admin;

public sealed class BackupTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task InstallationAdministratorGetsAConsistentCopyOfTheDatabase()
    {
        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var backup = await _app.SendAsync(new TakeBackupCommand());
        try
        {
            Assert.Matches(@"^dhrtracker-backup-\d{4}-\d{2}-\d{2}-\d{4}\.db$", backup.DownloadName);
            int expected;
            await using (var db = _app.Database.Open(DataScope.System))
            {
                expected = await db.Reviews.CountAsync();
            }

            await using var copy = new SqliteConnection($"Data Source={backup.Path};Pooling=False;Mode=ReadOnly");
            await copy.OpenAsync();
            await using var count = copy.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Reviews";
            Assert.Equal(expected, Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            await using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(backup.Path);
        }
    }

    [Theory]
    [InlineData(DemoData.Emails.Coordinator)]
    [InlineData(DemoData.Emails.Chair)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    public async Task NoOneElseMayTakeABackup(string email)
    {
        await _app.SignInAsAsync(email);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new TakeBackupCommand()));
    }
}
