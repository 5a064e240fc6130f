using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.ReadModels;

/// <summary>
/// The read model derives every action's status from a narrow projection instead of the aggregate. On the demo data
/// (every status, revisions, returned completions, officer ratings) each list's status must be exactly the one the
/// aggregate gives for the same day, and a quarter's frozen status the one the aggregate gives as of its last day.
/// </summary>
public sealed class ActionStatusReadModelTests : IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<(List<ActionItem> Actions, StatusThresholds Thresholds)> AggregatesAsync(DhrDbContext db)
    {
        var actions = await db.Actions.AsNoTracking()
            .Include(a => a.Milestones).Include(a => a.Updates).Include(a => a.TargetRevisions)
            .AsSplitQuery()
            .ToListAsync();
        var thresholds = (await db.Partnerships.AsNoTracking().FirstAsync()).Settings.Thresholds;
        return (actions, thresholds);
    }

    [Fact]
    public async Task EveryListDerivesTheStatusTheAggregateGives()
    {
        await using var db = _db.Open(DataScope.System);
        var (actions, thresholds) = await AggregatesAsync(db);
        Assert.True(actions.Select(a => a.Status(_db.Today, thresholds).Status).Distinct().Count() >= 4, "The demo data has actions of at least four statuses.");

        var statusRows = (await ActionStatuses.ForAsync(db, _ => true, _db.Today, thresholds, CancellationToken.None)).ToDictionary(r => r.ActionId);
        var factRows = (await PlanReadModel.ActionsAsync(db, _ => true, _db.Today, thresholds, CancellationToken.None)).ToDictionary(r => r.Id);

        Assert.Equal(actions.Count, statusRows.Count);
        Assert.Equal(actions.Count, factRows.Count);
        Each.Of(actions, action =>
        {
            var expected = action.Status(_db.Today, thresholds);
            Assert.Equal(expected, statusRows[action.Id].Assessment);
            Assert.Equal(expected, factRows[action.Id].Status);
            Assert.Equal(action.CompletionAwaitingReview, factRows[action.Id].CompletionAwaitingReview);
        });

        foreach (var reviewId in actions.Select(a => a.ReviewId).Distinct())
        {
            var plan = await PlanReadModel.ReviewPlanAsync(db, reviewId, _db.Today, thresholds, CancellationToken.None);
            Each.Of(plan.SelectMany(r => r.Actions), row =>
            {
                var action = actions.Single(a => a.Id == row.Id);
                Assert.Equal(action.Status(_db.Today, thresholds), row.Status);
                Assert.Equal(action.CompletionAwaitingReview, row.CompletionAwaitingReview);
            });
        }
    }

    [Fact]
    public async Task AsOfAnEarlierDayLaterAchievementsAcceptancesAndUpdatesAreLeftOut()
    {
        await using var db = _db.Open(DataScope.System);
        var (actions, thresholds) = await AggregatesAsync(db);
        var accepted = actions.Where(a => a.CompletionAcceptedOn is not null).ToList();
        Assert.NotEmpty(accepted);

        Each.Of(accepted, action =>
        {
            var dayBefore = action.CompletionAcceptedOn!.Value.AddDays(-1);
            var facts = action.StatusFactsAsOf(dayBefore);
            Assert.Null(facts.CompletionAcceptedOn);
            Assert.NotEqual(Rag.Blue, ActionStatus.Derive(facts, dayBefore, thresholds).Status);
            Assert.DoesNotContain(facts.Milestones, m => m.AchievedOn > dayBefore);
            Assert.True(facts.LastUpdateOn is null || facts.LastUpdateOn <= dayBefore);
        });

        // As of today nothing is left out: the same facts as now.
        Each.Of(actions, action => Assert.Equal(action.Status(_db.Today, thresholds), ActionStatus.Derive(action.StatusFactsAsOf(_db.Today), _db.Today, thresholds)));
    }
}
