using System.Text.Json;
using DhrTracker.Domain.Actions;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Domain;
using DhrTracker.Tests.Features.Plans;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Dashboards;
using DhrTracker.Web.Features.Dashboards.GetChairDashboard;
using DhrTracker.Web.Features.Dashboards.GetDeliveryDashboard;
using DhrTracker.Web.Features.Dashboards.GetScrutinySummary;
using DhrTracker.Web.Security;

namespace DhrTracker.Tests.Features.Dashboards;

[UseCulture("en-GB")]
public sealed class DashboardTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CoordinatorSeesWhatToChaseAndWhatToDecide()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);

        var view = await _app.SendAsync(new GetDeliveryDashboardQuery());

        var police = Assert.Single(view.OverdueByAgency, g => g.Agency == PlanTestData.Police);
        var training = Assert.Single(police.Actions, a => a.Description.StartsWith("Refresh the DASH risk assessment training package", StringComparison.Ordinal));
        Assert.Equal("1.1", training.Label);
        Assert.Equal(DemoData.References.PublishedRecent, training.ReviewReference);
        Assert.Equal(new StatusAssessment(Rag.Red, "Milestone 'Training pack agreed' overdue by 41 days"), training.Status);
        Each.Of(view.OverdueByAgency.SelectMany(g => g.Actions), a => Assert.NotEqual(Rag.Blue, a.Status.Status));

        var haven = Assert.Single(view.EvidenceAwaitingReview);
        Assert.Equal(PlanTestData.Haven, haven.Action.LeadAgency);
        Assert.Equal("Aisha Khan", haven.ProposedBy);

        var revision = Assert.Single(view.RevisionsAwaitingApproval);
        Assert.Equal(PlanTestData.Police, revision.Action.LeadAgency);
        Assert.StartsWith("The pilot depends on the new police records system", revision.Reason, StringComparison.Ordinal);
        Assert.True(revision.SlippageIfApproved > 0);

        Assert.Contains(view.WithoutRecentUpdate, a => a.Description.StartsWith("Achieve Domestic Abuse Housing Alliance", StringComparison.Ordinal) && a.DaysWithoutUpdate == 118);
        Each.Of(view.WithoutRecentUpdate, a => Assert.True(a.DaysWithoutUpdate >= view.StaleUpdateDays));

        Assert.Equal(view.ByLeadAgency.Sum(b => b.Counts.Total), await _app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Actions, a => a.PartnershipId == _app.CurrentUser.User!.PartnershipId)));
    }

    [Fact]
    public async Task DashboardsShowOnlyTheSignedInPartnership()
    {
        await _app.SignInAsAsync(DemoData.Emails.SecondCoordinator);

        var delivery = await _app.SendAsync(new GetDeliveryDashboardQuery());
        var chair = await _app.SendAsync(new GetChairDashboardQuery());

        Assert.Equal([DemoData.References.SecondPartnershipReview], chair.Reviews.Select(r => r.Reference));
        Assert.DoesNotContain(delivery.ByLeadAgency, b => b.Label == PlanTestData.Police);
        Assert.Empty(delivery.EvidenceAwaitingReview);
    }

    [Theory]
    [InlineData(DemoData.Emails.Scrutiny)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    [InlineData(DemoData.Emails.Administrator)]
    public async Task DeliveryAndChairDashboardsAreForTheChairAndCoordinator(string email)
    {
        await _app.SignInAsAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetDeliveryDashboardQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetChairDashboardQuery()));
    }

    [Fact]
    public async Task ChairSeesEachReviewWithItsStatusReasonAndCounts()
    {
        await _app.SignInAsAsync(DemoData.Emails.Chair);

        var view = await _app.SendAsync(new GetChairDashboardQuery());

        var recent = Assert.Single(view.Reviews, r => r.Reference == DemoData.References.PublishedRecent);
        Assert.Equal(14, recent.Recommendations);
        Assert.Equal(29, recent.Status.Counts.Total);
        Each.Of([Rag.Blue, Rag.Green, Rag.Amber, Rag.Red], rag => Assert.True(recent.Status.Counts[rag] > 0));
        Assert.Equal(Rag.Red, recent.Status.Status);
        Assert.StartsWith("Recommendation ", recent.Status.Reason, StringComparison.Ordinal);
        Assert.Contains(" is Red: ", recent.Status.Reason, StringComparison.Ordinal);
        Assert.Equal(view.Reviews.Sum(r => r.Status.Counts.Total), view.ByLeadAgency.Sum(b => b.Counts.Total));
        Assert.Equal(Rag.Red, view.Reviews[0].Status.Status);
        Assert.DoesNotContain(view.Reviews, r => r.Reference == DemoData.References.JustNotified);
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        Assert.Equal(view.Reviews.Count, (await _app.SendAsync(new GetChairDashboardQuery())).Reviews.Count);
    }

    [Fact]
    public async Task ScrutinySeesEveryReviewsCountsButNoUnpublishedText()
    {
        await _app.SignInAsAsync(DemoData.Emails.Scrutiny);

        var view = await _app.SendAsync(new GetScrutinySummaryQuery());

        var unpublished = Assert.Single(view.Reviews, r => r.Reference == DemoData.References.AtQaPanel);
        Assert.Null(unpublished.PublishedOn);
        Assert.Equal(5, unpublished.Counts.Total);
        Assert.Null(unpublished.Reason);
        Assert.DoesNotContain(view.PublishedPlans, p => p.Reference == DemoData.References.AtQaPanel);
        var published = Assert.Single(view.PublishedPlans, p => p.Reference == DemoData.References.PublishedRecent);
        Assert.Equal(14, published.Recommendations.Count);
        Assert.StartsWith("Eastshire Constabulary and Haven Domestic Abuse Service should ensure", published.Recommendations[0].Text, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(view.Reviews, r => r.Reference == DemoData.References.PublishedRecent).Reason);

        // Nothing of the unpublished plans anywhere in what the handler returns.
        var json = JsonSerializer.Serialize(view);
        Assert.DoesNotContain("older people", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Prompts drafted with Haven", json, StringComparison.Ordinal);
        Assert.DoesNotContain("dual-diagnosis", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.Emails.Coordinator)]
    [InlineData(DemoData.Emails.Chair)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    [InlineData(DemoData.Emails.Administrator)]
    public async Task ScrutinySummaryIsTheScrutinyPanels(string email)
    {
        await _app.SignInAsAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetScrutinySummaryQuery()));
    }

    [Theory]
    [InlineData(DemoData.Emails.Coordinator, "/dashboards/delivery")]
    [InlineData(DemoData.Emails.Chair, "/dashboards/chair")]
    [InlineData(DemoData.Emails.Scrutiny, "/dashboards/scrutiny")]
    [InlineData(DemoData.Emails.PoliceOfficer, null)]
    [InlineData(DemoData.Emails.Administrator, null)]
    public async Task EachRoleHasItsOwnDashboard(string email, string? expected)
    {
        await _app.SignInAsAsync(email);

        Assert.Equal(expected, DashboardLinks.HomeFor(_app.CurrentUser.User!));
    }
}
