using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Reviews.GetRegister;
using DhrTracker.Web.Security;

namespace DhrTracker.Tests.Features.Reviews;

public sealed class GetRegisterTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CoordinatorSeesEveryReviewOfTheirPartnershipAndNoneOfTheOther()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var view = await _app.SendAsync(new GetRegisterQuery(new RegisterFilter()));

        var references = view.Rows.Select(r => r.Reference).ToList();
        Assert.Contains(DemoData.References.JustNotified, references);
        Assert.Contains(DemoData.References.PublishedRecent, references);
        Assert.DoesNotContain(DemoData.References.SecondPartnershipReview, references);
        Assert.True(view.Rows.Count >= 6);
    }

    [Fact]
    public async Task RowsShowStageNextDueAndBragCounts()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var rows = (await _app.SendAsync(new GetRegisterQuery(new RegisterFilter()))).Rows.ToDictionary(r => r.Reference);

        var overdue = rows[DemoData.References.AwaitingDecision];
        Assert.Equal(ReviewStage.AwaitingDecision, overdue.Stage);
        Assert.Equal("Decision by the CSP chair", overdue.NextDueTitle);
        Assert.True(overdue.IsOverdue);
        Assert.StartsWith("Overdue by", overdue.NextDueText);
        Assert.Equal(40, overdue.DaysSinceNotification);

        var paused = rows[DemoData.References.Paused];
        Assert.True(paused.IsPaused);

        var published = rows[DemoData.References.PublishedRecent];
        Assert.Equal(ReviewStage.ActionPlanDelivery, published.Stage);
        Assert.True(published.Counts.Blue > 0 && published.Counts.Green > 0 && published.Counts.Amber > 0 && published.Counts.Red > 0);
        Assert.Equal(DhrTracker.Domain.Actions.Rag.Red, published.Overall);
    }

    [Fact]
    public async Task FiltersByStageKindOverdueAndYear()
    {
        await _app.SignInAsAsync(DemoData.Emails.Chair);
        var awaiting = await _app.SendAsync(new GetRegisterQuery(new RegisterFilter(Stage: ReviewStage.AwaitingDecision)));
        Each.Of(awaiting.Rows, r => Assert.Equal(ReviewStage.AwaitingDecision, r.Stage));
        Assert.Equal(2, awaiting.Rows.Count);

        var dardr = await _app.SendAsync(new GetRegisterQuery(new RegisterFilter(Kind: ReviewKind.Dardr)));
        Assert.Contains(dardr.Rows, r => r.Reference == DemoData.References.Paused);
        Each.Of(dardr.Rows, r => Assert.Equal(ReviewKind.Dardr, r.Kind));

        var overdue = await _app.SendAsync(new GetRegisterQuery(new RegisterFilter(OverdueOnly: true)));
        Each.Of(overdue.Rows, r => Assert.True(r.IsOverdue));
        Assert.Contains(overdue.Rows, r => r.Reference == DemoData.References.AwaitingDecision);

        var year = awaiting.Rows[0].NotifiedOn.Year;
        var byYear = await _app.SendAsync(new GetRegisterQuery(new RegisterFilter(Year: year)));
        Each.Of(byYear.Rows, r => Assert.Equal(year, r.NotifiedOn.Year));
    }

    [Fact]
    public async Task ScrutinySeesNoCountsForUnpublishedPlans()
    {
        await _app.SignInAsAsync(DemoData.Emails.Scrutiny);
        var rows = (await _app.SendAsync(new GetRegisterQuery(new RegisterFilter()))).Rows.ToDictionary(r => r.Reference);
        Assert.Equal(0, rows[DemoData.References.AtQaPanel].Counts.Total);
        Assert.True(rows[DemoData.References.PublishedRecent].Counts.Total > 0);
    }

    [Theory]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    [InlineData(DemoData.Emails.Administrator)]
    public async Task RolesWithoutTheRegisterAreRefused(string email)
    {
        await _app.SignInAsAsync(email);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetRegisterQuery(new RegisterFilter())));
    }

    [Fact]
    public async Task NobodySignedInIsRefused()
    {
        _app.SignOut();
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetRegisterQuery(new RegisterFilter())));
    }
}
