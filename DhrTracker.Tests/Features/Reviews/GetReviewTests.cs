using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Reviews.GetReview;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Reviews;

public sealed class GetReviewTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> IdOf(string reference)
    {
        await using var db = _app.Database.Open(DataScope.System);
        return await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task ChairSeesConfidentialFactsTimelineAndThePlanWithReasons()
    {
        await _app.SignInAsAsync(DemoData.Emails.Chair);
        var view = await _app.SendAsync(new GetReviewQuery(await IdOf(DemoData.References.PublishedRecent)));

        Assert.NotNull(view.Confidential);
        Assert.Equal(12, view.Timeline.Count);
        Assert.Equal(Enumerable.Range(1, 12), view.Timeline.Select(t => t.Stage));
        Assert.NotNull(view.ActionPlan);
        Assert.True(view.ActionPlan!.Recommendations.Count >= 10);
        var actions = view.ActionPlan.Recommendations.SelectMany(r => r.Actions).ToList();
        Assert.True(actions.Count >= 20);
        Each.Of(actions, a => Assert.False(string.IsNullOrWhiteSpace(a.Status.Reason)));
        Assert.Contains(actions, a => a.Status.Status == Rag.Red && (a.Status.Reason.Contains("overdue by", StringComparison.Ordinal) || a.Status.Reason.Contains("passed", StringComparison.Ordinal)));
        Assert.Equal(Rag.Red, view.ActionPlan.Overall.Status);
        Assert.Equal(actions.Count, view.ActionPlan.Overall.Counts.Total);
    }

    [Fact]
    public async Task RecommendationRollsUpToItsWorstOpenAction()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var view = await _app.SendAsync(new GetReviewQuery(await IdOf(DemoData.References.PublishedRecent)));
        foreach (var rec in view.ActionPlan!.Recommendations.Where(r => r.Actions.Count > 0))
        {
            var open = rec.Actions.Where(a => a.Status.Status != Rag.Blue).Select(a => a.Status.Status).ToList();
            var expected = open.Count == 0 ? Rag.Blue : open.Max();
            Assert.Equal(expected, rec.Status.Status);
        }
    }

    [Fact]
    public async Task ScrutinySeesStagesButNoCaseDetailsAndNoUnpublishedPlan()
    {
        await _app.SignInAsAsync(DemoData.Emails.Scrutiny);
        var unpublished = await _app.SendAsync(new GetReviewQuery(await IdOf(DemoData.References.AtQaPanel)));
        Assert.Null(unpublished.Confidential);
        Assert.Null(unpublished.ActionPlan);
        Assert.Equal(12, unpublished.Timeline.Count);
        Assert.DoesNotContain("death on", unpublished.Timeline[0].Summary, StringComparison.OrdinalIgnoreCase);

        var published = await _app.SendAsync(new GetReviewQuery(await IdOf(DemoData.References.PublishedRecent)));
        Assert.Null(published.Confidential);
        Assert.NotNull(published.ActionPlan);
    }

    [Fact]
    public async Task PausedReviewShowsThePauseAndAMovedCompletionDate()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var view = await _app.SendAsync(new GetReviewQuery(await IdOf(DemoData.References.Paused)));
        Assert.True(view.IsPaused);
        Assert.True(view.PausedDays > 0);
        var stage8 = view.Timeline.Single(t => t.Stage == ReviewStageNumber.ParallelProceedings);
        Assert.Equal(StageState.InProgress, stage8.State);
        Assert.Contains("criminal trial", stage8.Summary);
        Assert.Contains(view.AgencyReports, r => r.ReceivedOn is null);
    }

    [Fact]
    public async Task LeadOfficersCannotOpenAReview()
    {
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await _app.SendAsync(new GetReviewQuery(await IdOf(DemoData.References.PublishedRecent))));
    }

    [Fact]
    public async Task AnotherPartnershipsReviewIsNotFound()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var other = await IdOf(DemoData.References.SecondPartnershipReview);
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new GetReviewQuery(other)));
    }
}
