using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Integration;

/// <summary>A person of partnership A can never read or write partnership B's rows, through real queries.</summary>
public sealed class PartnershipIsolationTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private int _first;
    private int _second;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open(DataScope.System);
        _first = await db.Partnerships.Where(p => p.ShortCode == DemoData.FirstPartnershipCode).Select(p => p.Id).SingleAsync();
        _second = await db.Partnerships.Where(p => p.ShortCode == DemoData.SecondPartnershipCode).Select(p => p.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task EveryPartnershipScopedTableReturnsOnlyTheSignedInPartnershipsRows()
    {
        await using var all = _database.Open(DataScope.System);
        await using var scoped = _database.Open(DataScope.For(_first, 1, "Test"));

        async Task Check<T>(Func<DhrDbContext, IQueryable<T>> set)
            where T : class, IPartnershipScoped
        {
            var everywhere = await set(all).IgnoreQueryFilters().CountAsync(e => e.PartnershipId == _second);
            Assert.True(everywhere > 0, $"The demo data should give partnership B some {typeof(T).Name} rows.");
            Assert.Equal(0, await set(scoped).CountAsync(e => e.PartnershipId == _second));
            Assert.True(await set(scoped).CountAsync() > 0, $"Partnership A should see its own {typeof(T).Name} rows.");
        }

        await Check(db => db.Reviews);
        await Check(db => db.Recommendations);
        await Check(db => db.Actions);
        await Check(db => db.Agencies);
        await Check(db => db.Users);
        await Check(db => db.Themes);
        Assert.Equal(_first, (await scoped.Partnerships.SingleAsync()).Id);
    }

    [Fact]
    public async Task AnotherPartnershipsReviewCannotBeFoundEvenByItsId()
    {
        int secondReviewId;
        await using (var all = _database.Open(DataScope.System))
        {
            secondReviewId = await all.Reviews.Where(r => r.PartnershipId == _second).Select(r => r.Id).FirstAsync();
        }

        await using var scoped = _database.Open(DataScope.For(_first, 1, "Test"));
        Assert.Null(await scoped.Reviews.SingleOrDefaultAsync(r => r.Id == secondReviewId));
        Assert.Null(await scoped.Reviews.FindAsync(secondReviewId));
        Assert.Empty(await scoped.Actions.Where(a => a.ReviewId == secondReviewId).ToListAsync());
    }

    [Fact]
    public async Task NobodyScopeSeesNothing()
    {
        await using var db = _database.Open(DataScope.Nobody);
        Assert.Equal(0, await db.Reviews.CountAsync());
        Assert.Equal(0, await db.Partnerships.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task WritingAnotherPartnershipsRowIsRefused()
    {
        await using var db = _database.Open(DataScope.For(_first, 1, "Test"));
        db.Agencies.Add(new DhrTracker.Domain.Agencies.Agency(_second, "Smuggled agency", DhrTracker.Domain.Agencies.AgencyKind.Other));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var check = _database.Open(DataScope.System);
        Assert.False(await check.Agencies.AnyAsync(a => a.Name == "Smuggled agency"));
    }
}
