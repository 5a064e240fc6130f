using DhrTracker.Domain.Agencies;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Infrastructure.Import;
using DhrTracker.Tests.Import;
using DhrTracker.Tests.Integration.Matrix;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Actions.PostUpdate;
using DhrTracker.Web.Features.Import;
using DhrTracker.Web.Features.Import.ConfirmImport;
using DhrTracker.Web.Features.Import.PreviewImport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Integration;

/// <summary>
/// A save applies completely or not at all. Each test makes one write of a command fail inside the database
/// (a trigger, as a full disk or a constraint would) and checks that nothing of the command's other writes, nor
/// its audit trail, was kept; then that the same command works once the fault is gone. The browser half of
/// "no lost work" (a locked database under a running app) is in Browser/NoLostWorkBrowserTests.
/// </summary>
public sealed class NoLostWorkTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;
    private MatrixTargets _targets = default!;

    public async Task InitializeAsync()
    {
        _app = await HandlerHarness.CreateAsync();
        _targets = await MatrixTargets.LoadAsync(_app.Database.Factory);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<(int Updates, int Version, int Audit)> ActionStateAsync(int actionId)
    {
        await using var db = _app.Database.Open(DataScope.System);
        var action = await db.Actions.AsNoTracking().Include(a => a.Updates).SingleAsync(a => a.Id == actionId);
        return (action.Updates.Count, action.Version, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task A_progress_update_whose_audit_record_cannot_be_written_leaves_no_update_and_the_version_unchanged()
    {
        var actionId = _targets.PublishedPoliceAction.Id;
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var before = await ActionStateAsync(actionId);

        // The audit record is the command's last write: the update row and the version bump come first.
        await ExecuteAsync("CREATE TRIGGER fail_audit BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;");
        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await _app.SendAsync(new PostUpdateCommand(actionId, before.Version, "Written while the audit trail failed.", null, null)));
        Assert.Equal(before, await ActionStateAsync(actionId));

        await ExecuteAsync("DROP TRIGGER fail_audit;");
        await _app.SendAsync(new PostUpdateCommand(actionId, before.Version, "Written while the audit trail failed.", null, null));
        var after = await ActionStateAsync(actionId);
        Assert.Equal(before.Updates + 1, after.Updates);
        Assert.True(after.Audit > before.Audit);
    }

    [Fact]
    public async Task A_progress_update_whose_version_bump_fails_leaves_no_update_row()
    {
        var actionId = _targets.PublishedPoliceAction.Id;
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var before = await ActionStateAsync(actionId);

        await ExecuteAsync("CREATE TRIGGER fail_action BEFORE UPDATE ON Actions BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;");
        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await _app.SendAsync(new PostUpdateCommand(actionId, before.Version, "Written while the action row failed.", null, null)));
        Assert.Equal(before, await ActionStateAsync(actionId));
    }

    [Fact]
    public async Task An_import_that_fails_at_its_milestones_keeps_none_of_its_agencies_recommendations_or_actions()
    {
        var reviewId = _targets.ReviewId(DemoData.References.ChairToBeAppointed);
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var preview = await _app.SendAsync(new PreviewImportQuery(reviewId, "plan.docx", SamplePlans.HomeOfficeWordPlan()));
        preview.Plan!.Recommendations.Single(r => r.Number == "13").Actions[0].TargetDate = PlanDateParser.Parse("30 September 2027");
        var choices = preview.InitialChoices();
        choices["Eastshire Faith Forum"] = AgencyChoice.Create("Eastshire Faith Forum", AgencyKind.Other);

        async Task<(int Agencies, int Recommendations, int Actions, int Audit)> CountsAsync()
        {
            await using var db = _app.Database.Open(DataScope.System);
            return (await db.Agencies.CountAsync(), await db.Recommendations.CountAsync(r => r.ReviewId == reviewId),
                await db.Actions.CountAsync(a => a.ReviewId == reviewId), await db.AuditEntries.CountAsync());
        }

        var before = await CountsAsync();
        // The import saves agencies, then recommendations, then actions, then milestones: fail the fourth write.
        await ExecuteAsync("CREATE TRIGGER fail_milestone BEFORE INSERT ON Milestone BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;");
        await Assert.ThrowsAnyAsync<Exception>(async () => await _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, choices)));
        Assert.Equal(before, await CountsAsync());

        await ExecuteAsync("DROP TRIGGER fail_milestone;");
        var result = await _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, choices));
        var after = await CountsAsync();
        Assert.Equal(before.Recommendations + result.Recommendations, after.Recommendations);
        Assert.Equal(before.Agencies + 1, after.Agencies);
    }
}
