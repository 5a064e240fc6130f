using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Quarters.CloseQuarter;
using DhrTracker.Web.Features.Quarters.GetQuarters;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Quarters;

public sealed class QuarterTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly FinancialQuarter Q2 = new(2026, 2);

    [Fact]
    public async Task ReclosingAsksForConfirmationAndKeepsTheEarlierSnapshot()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);

        var first = await _app.SendAsync(new CloseQuarterCommand(Q2.StartYear, Q2.Number, ConfirmReclose: false));
        Assert.True(first.NeedsConfirmation);
        Assert.Contains("already closed", first.Message);

        var second = await _app.SendAsync(new CloseQuarterCommand(Q2.StartYear, Q2.Number, ConfirmReclose: true));
        Assert.False(second.NeedsConfirmation);
        Assert.True(second.Snapshots > 20);

        await using var db = _app.Database.Open(DataScope.System);
        var closures = await db.QuarterClosures.Include(q => q.Snapshots)
            .Where(q => q.StartYear == 2026 && q.QuarterNumber == 2 && q.PartnershipId == _app.CurrentUser.User!.PartnershipId)
            .ToListAsync();
        Assert.Equal(2, closures.Count);
        Assert.Single(closures, c => c.IsCurrent);
        Assert.Equal(second.ClosureId, closures.Single(c => c.IsCurrent).Id);
        Assert.NotEmpty(closures.Single(c => !c.IsCurrent).Snapshots);
    }

    [Fact]
    public async Task ClosingFreezesEveryActionWithItsStatusDatesAndLatestUpdate()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var result = await _app.SendAsync(new CloseQuarterCommand(Q2.StartYear, Q2.Number, ConfirmReclose: true));

        await using var db = _app.Database.Open(DataScope.System);
        var partnershipId = _app.CurrentUser.User!.PartnershipId;
        var actionsThen = await db.Actions.CountAsync(a => a.PartnershipId == partnershipId && a.CreatedOn <= Q2.End);
        var snapshots = await db.QuarterClosures.Where(q => q.Id == result.ClosureId).SelectMany(q => q.Snapshots).ToListAsync();
        Assert.Equal(actionsThen, snapshots.Count);
        Each.Of(snapshots, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Contains(snapshots, s => s.LatestUpdate is not null && s.LatestUpdateOn is not null);
    }

    [Fact]
    public async Task QuartersListShowsCountsAndMovementAgainstThePreviousQuarter()
    {
        await _app.SignInAsAsync(DemoData.Emails.Chair);
        var view = await _app.SendAsync(new GetQuartersQuery());
        var q2 = view.Closures.First(c => c.Quarter == Q2 && c.IsCurrent);
        Assert.True(q2.Counts.Total > 0);
        Assert.Equal(q2.Counts.Total, q2.Movement.Values.Sum());
        Assert.True(q2.Movement.ContainsKey(Movement.Unchanged) || q2.Movement.ContainsKey(Movement.Improved) || q2.Movement.ContainsKey(Movement.Worsened));
        Assert.False(view.CanClose);
    }

    [Fact]
    public async Task AQuarterCannotBeClosedBeforeItsLastFortnight()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new CloseQuarterCommand(2026, 3, ConfirmReclose: false)));
    }

    [Theory]
    [InlineData(DemoData.Emails.Chair)]
    [InlineData(DemoData.Emails.Scrutiny)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    public async Task OnlyTheCoordinatorClosesQuarters(string email)
    {
        await _app.SignInAsAsync(email);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new CloseQuarterCommand(Q2.StartYear, Q2.Number, ConfirmReclose: true)));
    }

    [Fact]
    public async Task LeadOfficersDoNotSeeQuarters()
    {
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetQuartersQuery()));
    }
}
