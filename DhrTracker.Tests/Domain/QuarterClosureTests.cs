using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;

namespace DhrTracker.Tests.Domain;

[UseCulture("en-GB")]
public class QuarterClosureTests
{
    // Q1 2026/27 ends on 30 June 2026; its last fortnight starts on 17 June.
    private static readonly FinancialQuarter Q1 = new(2026, 1);

    private static ActionSnapshot Snapshot(int actionId, Rag status) =>
        new(actionId, 10, 20, 4, status, "why", new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31), null, "Latest update", new DateOnly(2026, 6, 1));

    private static QuarterClosure Close(DateTime nowUtc, params ActionSnapshot[] snapshots) =>
        new(1, Q1, TestData.Coordinator, nowUtc, snapshots);

    [Fact]
    public void QuarterCannotBeClosedBeforeItsLastFortnight()
    {
        // 22:59 UTC on 16 June is 23:59 BST: still the day before the last fortnight in the UK.
        var ex = Assert.Throws<DomainException>(() => Close(new DateTime(2026, 6, 16, 22, 59, 0, DateTimeKind.Utc)));

        Assert.Equal("Quarter", ex.Field);
        Assert.Equal("Q1 2026/27 cannot be closed until its last fortnight (17 June 2026 onwards).", ex.Message);
    }

    [Fact]
    public void QuarterCanBeClosedOnTheFirstDayOfItsLastFortnight()
    {
        // 23:00 UTC on 16 June is midnight BST: 17 June has begun in the UK, though not yet in UTC.
        var closure = Close(new DateTime(2026, 6, 16, 23, 0, 0, DateTimeKind.Utc));

        Assert.Equal(Q1, closure.Quarter);
    }

    [Fact]
    public void QuarterCanBeClosedAfterItEnds()
    {
        var closure = Close(new DateTime(2026, 7, 10, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal(Q1, closure.Quarter);
    }

    [Fact]
    public void ClosureFreezesEverySnapshotAndWhoClosedIt()
    {
        var now = new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc);

        var closure = Close(now, Snapshot(1, Rag.Green), Snapshot(2, Rag.Red));

        Assert.Equal([1, 2], closure.Snapshots.Select(s => s.ActionItemId));
        Assert.Equal(Rag.Red, closure.Snapshots[1].Status);
        Assert.Equal(now, closure.ClosedAtUtc);
        Assert.Equal(TestData.Coordinator.UserId, closure.ClosedByUserId);
        Assert.Equal(TestData.Coordinator.Name, closure.ClosedByName);
        Assert.Equal(2026, closure.StartYear);
        Assert.Equal(1, closure.QuarterNumber);
    }

    [Fact]
    public void SupersededClosureIsNoLongerCurrent()
    {
        var closure = Close(new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc));
        Assert.True(closure.IsCurrent);

        closure.Supersede(new DateTime(2026, 7, 2, 9, 0, 0, DateTimeKind.Utc));

        Assert.False(closure.IsCurrent);
        Assert.Equal(new DateTime(2026, 7, 2, 9, 0, 0, DateTimeKind.Utc), closure.SupersededAtUtc);
    }

    [Fact]
    public void SnapshotTrimsOverlongTextToTheColumnLimits()
    {
        var snapshot = new ActionSnapshot(1, 10, 20, 4, Rag.Amber, TestData.Text(TextLimits.Reason + 50), null, null, null, TestData.Text(TextLimits.Narrative + 1), null);

        Assert.Equal(TextLimits.Reason, snapshot.Reason.Length);
        Assert.Equal(TextLimits.Narrative, snapshot.LatestUpdate!.Length);
    }
}
