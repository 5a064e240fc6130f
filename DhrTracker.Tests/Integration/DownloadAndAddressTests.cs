using System.Net;
using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Integration.Matrix;
using DhrTracker.Tests.Support;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DhrTracker.Tests.Integration;

/// <summary>What the server answers to downloads and to addresses a person (or an attacker) types by hand.</summary>
public sealed class DownloadAndAddressTests : IClassFixture<DownloadAndAddressTests.App>
{
    private readonly App _app;

    public DownloadAndAddressTests(App app) => _app = app;

    public sealed class App : IDisposable
    {
        public TestApp Server { get; } = new TestApp().Start();

        public void Dispose() => Server.Dispose();
    }

    private async Task<int> ReviewIdAsync(string reference)
    {
        await using var db = _app.Server.Services.GetRequiredService<DhrDbContextFactory>().Create(DataScope.System);
        return await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
    }

    [Theory]
    [InlineData("/reviews?year=abc")]
    [InlineData("/reviews?overdue=maybe")]
    [InlineData("/reviews?stage=999&kind=nonsense")]
    [InlineData("/audit?review=abc")]
    [InlineData("/audit?user=x&from=notadate&to=31-31-2026")]
    public async Task AnAddressWithAQueryThatDoesNotParseShowsThePageUnfiltered(string address)
    {
        using var client = await HttpSignIn.ClientAsync(_app.Server, DemoData.Emails.Coordinator);
        var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CaseDocumentsAndTheAuditCsvAreNeverStoredByACache()
    {
        var reviewId = await ReviewIdAsync(DemoData.References.PublishedRecent);
        using var client = await HttpSignIn.ClientAsync(_app.Server, DemoData.Emails.Coordinator);
        foreach (var address in new[] { $"/downloads/reviews/{reviewId}/decision-notification.docx", $"/downloads/audit/review-{reviewId}.csv" })
        {
            var response = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{address} may be stored");
        }
    }

    [Fact]
    public async Task ABackupIsNotStoredCarriesNoDateLeavesOutTheCookieKeysAndIsAudited()
    {
        var factory = _app.Server.Services.GetRequiredService<DhrDbContextFactory>();
        await using (var db = factory.Create(DataScope.System))
        {
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        }

        using var client = await HttpSignIn.ClientAsync(_app.Server, DemoData.Emails.Administrator);
        var response = await client.GetAsync("/downloads/backup");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Null(response.Content.Headers.LastModified);
        Assert.Null(response.Headers.ETag);

        var path = Path.Combine(Path.GetTempPath(), $"backup-test-{Guid.NewGuid():N}.db");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            await using var copy = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
            await copy.OpenAsync();
            await using var keys = copy.CreateCommand();
            keys.CommandText = "SELECT COUNT(*) FROM DataProtectionKeys";
            Assert.Equal(0L, await keys.ExecuteScalarAsync());
            await using var reviews = copy.CreateCommand();
            reviews.CommandText = "SELECT COUNT(*) FROM Reviews";
            Assert.True((long)(await reviews.ExecuteScalarAsync())! > 0);
        }
        finally
        {
            File.Delete(path);
        }

        await using var check = factory.Create(DataScope.System);
        var audit = await check.AuditEntries.Where(a => a.EntityType == "Backup").ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal(AuditKind.Downloaded, entry.Kind);
        Assert.Equal("Dan Okafor", entry.UserName);
    }

    [Theory]
    [InlineData(DemoData.Emails.Coordinator)]
    [InlineData(DemoData.Emails.SecondCoordinator)]
    public async Task ARefusedBackupSaysNotAllowedNotNotFound(string email)
    {
        using var client = await HttpSignIn.ClientAsync(_app.Server, email);
        var response = await client.GetAsync("/downloads/backup");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("not allowed", page);
        Assert.DoesNotContain("Not found", page);
    }

    [Fact]
    public void ProductionTellsBrowsersToUseHttpsOnlyForAYear()
    {
        using var app = new TestApp(new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001",
            ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
            ["AzureAd:ClientSecret"] = "test-secret",
        }, environment: "Production").Start();
        Assert.Equal(TimeSpan.FromDays(365), app.Services.GetRequiredService<IOptions<HstsOptions>>().Value.MaxAge);
    }
}
