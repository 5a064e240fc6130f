using System.Text;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Integration.Matrix;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Actions.PostUpdate;
using DhrTracker.Web.Features.Audit.GetAuditTrail;
using DhrTracker.Web.Features.Settings.GetSettings;
using DhrTracker.Web.Features.Settings.UpdateSettings;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Audit;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;
    private UserContext _coordinator = default!;
    private int _reviewId;

    public async Task InitializeAsync()
    {
        _app = await HandlerHarness.CreateAsync();
        _coordinator = await TestUsers.ByEmailAsync(_app.Database, DemoData.Emails.Coordinator);
        await using var db = _app.Database.Open(DataScope.System);
        _reviewId = await db.Reviews.Where(r => r.Reference == DemoData.References.AwaitingDecision).Select(r => r.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DhrDbContext OpenAsCoordinator() => _app.Database.Open(DataScope.For(_coordinator.PartnershipId, _coordinator.UserId, _coordinator.Name));

    private async Task CorrectCircumstancesAsync(string circumstances)
    {
        await using var db = OpenAsCoordinator();
        var review = await db.Reviews.Include(r => r.Decisions).Include(r => r.StageRecords).SingleAsync(r => r.Id == _reviewId);
        review.CorrectNotification(
            new NotificationInput(review.Kind, review.NotifiedOn, review.NotifyingAgencyId, review.DateOfDeath, review.VictimPseudonym, review.VictimAge,
                review.PerpetratorPseudonym, review.PerpetratorAge, review.Relationship, circumstances),
            _coordinator.Actor,
            _app.Database.Clock.GetUtcNow().UtcDateTime);
        await Persistence.SaveAsync(db, default);
    }

    [Fact]
    public async Task EveryWriteRecordsWhoWhenAndTheValuesBeforeAndAfter()
    {
        await CorrectCircumstancesAsync("Corrected circumstances for the audit test.");

        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var view = await _app.SendAsync(new GetAuditTrailQuery(new AuditFilter(ReviewId: _reviewId)));
        var entry = view.Rows.First(r => r.EntityType == "Review");
        Assert.Equal(_coordinator.Name, entry.UserName);
        Assert.Equal(AuditKind.Modified, entry.Kind);
        Assert.Equal(DemoData.References.AwaitingDecision, entry.ReviewReference);
        var change = Assert.Single(entry.Changes, c => c.Property == "Circumstances");
        Assert.Equal("Corrected circumstances for the audit test.", change.After);
        Assert.False(string.IsNullOrEmpty(change.Before));
        Assert.Equal(_app.Database.Clock.GetUtcNow().UtcDateTime, entry.OccurredAtUtc);
    }

    [Fact]
    public async Task AFailedSaveLeavesNoAuditEntry()
    {
        int before;
        await using (var db = _app.Database.Open(DataScope.System))
        {
            before = await db.AuditEntries.CountAsync();
        }

        await using (var db = OpenAsCoordinator())
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == _reviewId);
            db.Entry(review).Property(r => r.Circumstances).CurrentValue = "This save will conflict.";
            Persistence.ExpectVersion(db, review, review.Version);
            db.Entry(review).Property(r => r.Version).OriginalValue = review.Version + 99;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        await using var check = _app.Database.Open(DataScope.System);
        Assert.Equal(before, await check.AuditEntries.CountAsync());
        Assert.NotEqual("This save will conflict.", (await check.Reviews.SingleAsync(r => r.Id == _reviewId)).Circumstances);
    }

    [Fact]
    public async Task TheCodeHasNoWayToChangeOrDeleteAnAuditEntry()
    {
        await CorrectCircumstancesAsync("Something to audit.");
        await using var db = OpenAsCoordinator();
        var entry = await db.AuditEntries.FirstAsync();
        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task AdministratorSeesTheTrailWithConfidentialValuesWithheld()
    {
        await CorrectCircumstancesAsync("Confidential detail that the administrator must not read.");
        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var view = await _app.SendAsync(new GetAuditTrailQuery(new AuditFilter(ReviewId: _reviewId)));
        var change = view.Rows.SelectMany(r => r.Changes).First(c => c.Property == "Circumstances");
        Assert.Equal("(withheld)", change.After);
    }

    [Fact]
    public async Task FiltersByPersonAndDate()
    {
        await CorrectCircumstancesAsync("Filter test.");
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var mine = await _app.SendAsync(new GetAuditTrailQuery(new AuditFilter(UserId: _coordinator.UserId)));
        Assert.NotEmpty(mine.Rows);
        Each.Of(mine.Rows, r => Assert.Equal(_coordinator.Name, r.UserName));

        var tomorrow = _app.Database.Today.AddDays(1);
        var none = await _app.SendAsync(new GetAuditTrailQuery(new AuditFilter(From: tomorrow)));
        Assert.Empty(none.Rows);
    }

    [Fact]
    public async Task AdministratorSeesWhoChangedWhatButNoCaseContentInThePageOrTheCsv()
    {
        const string narrative = "Narrative the administrator must never read: the victim's sister was contacted.";
        var targets = await MatrixTargets.LoadAsync(_app.Database.Factory);
        var action = targets.PublishedPoliceAction;
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        int version;
        await using (var db = _app.Database.Open(DataScope.System))
        {
            version = await db.Actions.Where(a => a.Id == action.Id).Select(a => a.Version).SingleAsync();
        }

        await _app.SendAsync(new PostUpdateCommand(action.Id, version, narrative, null, null));

        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var coordinatorView = await _app.SendAsync(new GetAuditTrailQuery(new AuditFilter()));
        Assert.Contains(coordinatorView.Rows.SelectMany(r => r.Changes), c => c.After == narrative);

        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var view = await _app.SendAsync(new GetAuditTrailQuery(new AuditFilter()));
        var update = view.Rows.First(r => r.EntityType == nameof(ProgressUpdate));
        Assert.Equal("Sarah Cole", update.UserName);
        var narrativeChange = Assert.Single(update.Changes, c => c.Property == nameof(ProgressUpdate.Narrative));
        Assert.Equal(GetAuditTrailHandler.Withheld, narrativeChange.After);
        // No value of any case record reaches the administrator: only the set-up records' values are shown.
        string[] setUp = ["Partnership", "Agency", "UserAccount", "Theme"];
        Each.Of(view.Rows.Where(r => !setUp.Contains(r.EntityType)).SelectMany(r => r.Changes),
            c => Assert.True(c.Before is null or GetAuditTrailHandler.Withheld && c.After is null or GetAuditTrailHandler.Withheld, $"{c.Property} shows a value"));
        var csv = Encoding.UTF8.GetString(GetAuditTrailHandler.ToCsv(view.Rows));
        Assert.DoesNotContain("victim's sister", csv);
        Assert.Contains(nameof(ProgressUpdate.Narrative), csv);
    }

    [Fact]
    public async Task ASettingsChangeIsAuditedWithTheValuesBeforeAndAfter()
    {
        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var settings = await _app.SendAsync(new GetSettingsQuery());
        await _app.SendAsync(new UpdateSettingsCommand(settings.Version, settings.Settings with { StaleUpdateDays = settings.Settings.StaleUpdateDays + 7 }));

        var view = await _app.SendAsync(new GetAuditTrailQuery(new AuditFilter()));
        var row = view.Rows.First(r => r.EntityType == "Partnership");
        Assert.Equal(AuditKind.Modified, row.Kind);
        var change = Assert.Single(row.Changes);
        Assert.Equal("Settings.StaleUpdateDays", change.Property);
        Assert.Equal(settings.Settings.StaleUpdateDays.ToString(), change.Before);
        Assert.Equal((settings.Settings.StaleUpdateDays + 7).ToString(), change.After);
    }

    [Theory]
    [InlineData(DemoData.Emails.Scrutiny)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    [InlineData(DemoData.Emails.Chair)]
    public async Task OtherRolesCannotReadTheTrail(string email)
    {
        await _app.SignInAsAsync(email);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetAuditTrailQuery(new AuditFilter())));
    }

    [Fact]
    public void CsvExportNeutralisesSpreadsheetFormulas()
    {
        var csv = Encoding.UTF8.GetString(GetAuditTrailHandler.ToCsv(
        [
            new AuditRow(1, new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc), "=HYPERLINK(\"http://x\")", "Review", "1", "DHR-1", AuditKind.Modified,
                [new AuditChange("Circumstances", "+1", "@SUM(A1)")]),
        ]));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        Assert.Contains("\"'+1\"", csv);
        Assert.Contains("\"'@SUM(A1)\"", csv);
    }
}
