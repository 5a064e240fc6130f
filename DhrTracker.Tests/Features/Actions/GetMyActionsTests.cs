using DhrTracker.Domain.Actions;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Actions.GetMyActions;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Actions;

public sealed class GetMyActionsTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    [InlineData(DemoData.Emails.IcbOfficer)]
    [InlineData(DemoData.Emails.DaServiceOfficer)]
    public async Task LeadOfficerSeesExactlyTheActionsTheirAgencyLeads(string email)
    {
        await _app.SignInAsAsync(email);
        var view = await _app.SendAsync(new GetMyActionsQuery());

        await using var db = _app.Database.Open(DataScope.System);
        var agencyId = _app.CurrentUser.User!.AgencyId;
        var expected = await db.Actions.Where(a => a.LeadAgencyId == agencyId).Select(a => a.Id).OrderBy(i => i).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, view.Actions.Select(a => a.Id).Order().ToList());
    }

    [Fact]
    public async Task MostUrgentComeFirst()
    {
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        var statuses = (await _app.SendAsync(new GetMyActionsQuery())).Actions.Select(a => a.Status.Status).ToList();
        var rank = statuses.Select(s => s == Rag.Blue ? -1 : (int)s).ToList();
        Assert.Equal(rank.OrderDescending().ToList(), rank);
    }

    [Theory]
    [InlineData(DemoData.Emails.Coordinator)]
    [InlineData(DemoData.Emails.Scrutiny)]
    public async Task OtherRolesHaveNoMyActions(string email)
    {
        await _app.SignInAsAsync(email);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetMyActionsQuery()));
    }
}
