using DhrTracker.Domain.Actions;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Features.Plans;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Actions.GetMyActions;
using DhrTracker.Web.Features.Actions.PostUpdate;
using DhrTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Pipeline;

/// <summary>
/// Fifty writers at once on one SQLite database, through the real pipeline (its retrying unit of work and its
/// optimistic concurrency): of several saves made from the same version exactly one lands and the others are told of
/// the conflict; a writer who reloads and tries again lands too; nothing is lost, nothing is saved twice, and every
/// saved update has its audit row. (Fifty real browsers doing the same is the load test's job: DhrTracker.LoadTest.)
/// </summary>
public sealed class ConcurrentWritersTests : IAsyncLifetime
{
    private const int Writers = 50;
    private HandlerHarness _app = default!;

    public async Task InitializeAsync()
    {
        _app = await HandlerHarness.CreateAsync();
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OfFiftySavesFromTheSameVersionsOnePerActionLandsTheRestConflictAndRetriesLoseNothing()
    {
        var mine = await _app.SendAsync(new GetMyActionsQuery());
        var targets = mine.Actions.Where(a => a.Status.Status != Rag.Blue).Select(a => a.Id).ToList();
        Assert.True(targets.Count >= 3, "The demo police officer leads at least three open actions.");
        var actions = targets.Count;
        var versions = new Dictionary<int, int>();
        foreach (var id in targets)
        {
            versions[id] = await _app.ActionVersionAsync(id);
        }

        // Round one: a dozen or so writers per action, all from the version they loaded before anyone saved.
        using var start = new SemaphoreSlim(0, Writers);
        var first = Enumerable.Range(0, Writers).Select(async i =>
        {
            var action = targets[i % actions];
            await start.WaitAsync();
            try
            {
                await _app.SendAsync(new PostUpdateCommand(action, versions[action], $"Concurrent update {i}", null, null));
                return (Writer: i, Action: action, Outcome: "saved");
            }
            catch (ConflictException)
            {
                return (Writer: i, Action: action, Outcome: "conflict");
            }
        }).ToList();
        start.Release(Writers);
        var outcomes = await Task.WhenAll(first);

        Each.Of(targets, action => Assert.Single(outcomes, o => o.Action == action && o.Outcome == "saved"));
        Assert.Equal(Writers - actions, outcomes.Count(o => o.Outcome == "conflict"));

        // Round two: each writer told of a conflict reloads and saves again, all at once.
        var retries = outcomes.Where(o => o.Outcome == "conflict").Select(async o =>
        {
            while (true)
            {
                try
                {
                    await _app.SendAsync(new PostUpdateCommand(o.Action, await _app.ActionVersionAsync(o.Action), $"Concurrent update {o.Writer}", null, null));
                    return;
                }
                catch (ConflictException)
                {
                    // Someone else saved this action between the reload and the save: reload again, as a person would.
                }
            }
        });
        await Task.WhenAll(retries);

        await using var db = _app.Database.Open(DataScope.System);
        var posted = await db.Set<ProgressUpdate>().Where(u => u.Narrative.StartsWith("Concurrent update ")).Select(u => new { u.Id, u.Narrative }).ToListAsync();
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"Concurrent update {i}").Order(), posted.Select(p => p.Narrative).Order());
        var ids = posted.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(ProgressUpdate) && ids.Contains(a.EntityId)).Select(a => a.EntityId).ToListAsync();
        Assert.Equal(ids.Order(), audited.Order());
        foreach (var action in targets)
        {
            // Every save moved the action's version on by one: no save was applied twice or lost.
            Assert.Equal(versions[action] + outcomes.Count(o => o.Action == action), await _app.ActionVersionAsync(action));
        }
    }
}
