using System.Text.Json;
using DhrTracker.Domain.Actions;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Domain;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Themes.GetNationalRecommendations;
using DhrTracker.Web.Features.Themes.GetSimilarRecommendations;
using DhrTracker.Web.Features.Themes.GetThemes;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Plans;

/// <summary>Themes, repeated recommendations and national recommendations, across every review of the partnership.</summary>
[UseCulture("en-GB")]
public sealed class AcrossReviewsTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> RecommendationIdAsync(string reference, string number) =>
        await _app.WithDbAsync(async db =>
        {
            var reviewId = await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
            return await db.Recommendations.Where(r => r.ReviewId == reviewId && r.Number == number).Select(r => r.Id).SingleAsync();
        });

    [Fact]
    public async Task ThemesListTheirRecommendationsWithCountsAndReviews()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);

        var view = await _app.SendAsync(new GetThemesQuery());

        var training = Assert.Single(view.Themes, t => t.Name == "Training");
        Assert.Equal(
            [DemoData.References.PublishedOlder, DemoData.References.PublishedRecent, DemoData.References.AwaitingPublication, DemoData.References.AtQaPanel],
            training.Reviews.Select(r => r.Reference));
        var tagged = await _app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.Themes.Any(t => t.ThemeId == training.Id)));
        Assert.Equal(tagged, training.Recommendations.Count);
        Assert.Equal(training.Recommendations.Count, training.Counts.Total);
        Each.Of(training.Recommendations, r => Assert.False(string.IsNullOrEmpty(r.Status.Reason)));
        Assert.Equal(view.Themes.Max(t => t.Recommendations.Count), view.Themes[0].Recommendations.Count);
        Assert.DoesNotContain(view.Themes.SelectMany(t => t.Reviews), r => r.Reference == DemoData.References.SecondPartnershipReview);
    }

    [Theory]
    [InlineData(DemoData.Emails.Scrutiny)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    [InlineData(DemoData.Emails.Administrator)]
    public async Task ThemesAndNationalListsAreForTheChairAndCoordinator(string email)
    {
        await _app.SignInAsAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetThemesQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetNationalRecommendationsQuery()));
    }

    [Fact]
    public async Task NationalRecommendationsAreGroupedByTheBodyAddressedWithHowTheyEnded()
    {
        await _app.SignInAsAsync(DemoData.Emails.Chair);

        var view = await _app.SendAsync(new GetNationalRecommendationsQuery());

        var homeOffice = Assert.Single(view.Bodies, b => b.Body == "Home Office");
        Assert.Equal([(DemoData.References.PublishedOlder, "10"), (DemoData.References.PublishedRecent, "11")], homeOffice.Recommendations.Select(r => (r.ReviewReference, r.Number)));
        var older = homeOffice.Recommendations[0];
        Assert.Equal(Rag.Blue, older.Status.Status);
        Assert.StartsWith("Home Office reply received", older.Response, StringComparison.Ordinal);
        Assert.Equal("Acknowledgement received; a full response is awaited.", homeOffice.Recommendations[1].Response);
        Assert.Equal(1, homeOffice.Complete);
        Assert.Contains(view.Bodies, b => b.Body == "Department of Health and Social Care" && b.Recommendations.Count == 2);
        Assert.Contains(view.Bodies, b => b.Body == "NHS England (national)");
        Assert.DoesNotContain(view.Bodies, b => b.Body == PlanTestData.Police);
    }

    [Fact]
    public async Task RecurringRecommendationIsFlaggedWithTheEarlierOnesAndHowTheyEnded()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var latest = await RecommendationIdAsync(DemoData.References.AtQaPanel, "3");
        var recent = await RecommendationIdAsync(DemoData.References.PublishedRecent, "1");

        var forLatest = await _app.SendAsync(new GetSimilarRecommendationsQuery(await _app.ReviewIdAsync(DemoData.References.AtQaPanel)));
        var forRecent = await _app.SendAsync(new GetSimilarRecommendationsQuery(await _app.ReviewIdAsync(DemoData.References.PublishedRecent)));

        Assert.Equal([(DemoData.References.PublishedRecent, "1"), (DemoData.References.PublishedOlder, "1")],
            forLatest.For(latest).Select(e => (e.ReviewReference, e.Number)));
        var older = Assert.Single(forRecent.For(recent));
        Assert.Equal(DemoData.References.PublishedOlder, older.ReviewReference);
        Assert.Equal(["Risk assessment", "Training"], older.SharedThemes);
        Assert.Equal(Rag.Blue, older.Status.Status);
        Assert.Contains("Training records show 98% of frontline officers completed the refresher", older.Outcome, StringComparison.Ordinal);
        Assert.Equal(Rag.Red, forLatest.For(latest)[0].Status.Status);
        Assert.Null(forLatest.For(latest)[0].Outcome);
        // Nothing is "similar" to a recommendation of its own review or a later one.
        Assert.Empty((await _app.SendAsync(new GetSimilarRecommendationsQuery(await _app.ReviewIdAsync(DemoData.References.PublishedOlder)))).ByRecommendation);
    }

    [Fact]
    public async Task ScrutinySeesSimilarityOnlyAmongPublishedReviews()
    {
        await _app.SignInAsAsync(DemoData.Emails.Scrutiny);

        var recent = await _app.SendAsync(new GetSimilarRecommendationsQuery(await _app.ReviewIdAsync(DemoData.References.PublishedRecent)));
        await Assert.ThrowsAsync<NotFoundException>(async () => await _app.SendAsync(new GetSimilarRecommendationsQuery(await _app.ReviewIdAsync(DemoData.References.AtQaPanel))));

        Assert.NotEmpty(recent.ByRecommendation);
        var json = JsonSerializer.Serialize(recent);
        Assert.DoesNotContain(DemoData.References.AtQaPanel, json, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.References.AwaitingPublication, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimilarityStaysWithinThePartnershipAndAwayFromLeadOfficers()
    {
        var eastshireReview = await _app.ReviewIdAsync(DemoData.References.PublishedRecent);
        await _app.SignInAsAsync(DemoData.Emails.SecondCoordinator);
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new GetSimilarRecommendationsQuery(eastshireReview)));
        var westvale = await _app.SendAsync(new GetSimilarRecommendationsQuery(await _app.ReviewIdAsync(DemoData.References.SecondPartnershipReview)));
        Assert.Empty(westvale.ByRecommendation);

        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetSimilarRecommendationsQuery(eastshireReview)));
    }
}
