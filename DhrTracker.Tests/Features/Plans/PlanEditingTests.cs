using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Domain;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Features.Plans.GetPlanEditor;
using DhrTracker.Web.Features.Plans.MoveAction;
using DhrTracker.Web.Features.Plans.MoveRecommendation;
using DhrTracker.Web.Features.Plans.RemoveAction;
using DhrTracker.Web.Features.Plans.RemoveMilestone;
using DhrTracker.Web.Features.Plans.RemoveRecommendation;
using DhrTracker.Web.Features.Plans.SaveAction;
using DhrTracker.Web.Features.Plans.SaveMilestone;
using DhrTracker.Web.Features.Plans.SaveRecommendation;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Plans;

[UseCulture("en-GB")]
public sealed class PlanEditingTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<PlanEditorView> EditorAsync(string reference) =>
        await _app.SendAsync(new GetPlanEditorQuery(await _app.ReviewIdAsync(reference)));

    [Fact]
    public async Task CoordinatorEntersARecommendationWithAnActionAndAMilestone()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);

        var (reviewId, recId, actionId, _) = await _app.EnterSmallPlanAsync();

        var plan = await _app.SendAsync(new GetPlanEditorQuery(reviewId));
        var rec = Assert.Single(plan.Recommendations);
        Assert.Equal(recId, rec.Id);
        Assert.Equal("1", rec.Number);
        Assert.Equal([await _app.AgencyIdAsync(PlanTestData.Haven)], rec.AddresseeIds);
        Assert.Equal([await _app.ThemeIdAsync("Training")], rec.ThemeIds);
        var action = Assert.Single(rec.Actions);
        Assert.Equal(actionId, action.Id);
        Assert.Equal("1.1", action.Label);
        Assert.Equal(_app.Database.Today.AddMonths(6), action.OriginalTargetDate);
        Assert.Equal("Training pack agreed", Assert.Single(action.Milestones).Description);
        Assert.Equal(new StatusAssessment(Rag.Amber, "Milestone 'Training pack agreed' overdue by 10 days"), action.Status);
        Assert.Equal(Rag.Amber, rec.Status.Status);
        Assert.Equal("Action 1.1 is Amber: Milestone 'Training pack agreed' overdue by 10 days", rec.Status.Reason);
        Assert.Equal("Recommendation 1 is Amber: Action 1.1 is Amber: Milestone 'Training pack agreed' overdue by 10 days", plan.Overall.Reason);
        Assert.Equal("2", plan.SuggestedNextNumber);
    }

    [Fact]
    public async Task EveryWriteIsAudited()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);

        var (_, recId, actionId, _) = await _app.EnterSmallPlanAsync();

        var audited = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.UserName == "Priya Raman").Select(e => new { e.EntityType, e.EntityId }).ToListAsync());
        Assert.Contains(audited, e => e.EntityType == nameof(Recommendation) && e.EntityId == recId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(audited, e => e.EntityType == nameof(ActionItem) && e.EntityId == actionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(audited, e => e.EntityType == nameof(Milestone));
    }

    [Theory]
    [InlineData(DemoData.Emails.Chair)]
    [InlineData(DemoData.Emails.Scrutiny)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    [InlineData(DemoData.Emails.Administrator)]
    public async Task OnlyTheCoordinatorEditsThePlan(string email)
    {
        await _app.SignInAsAsync(email);
        var reviewId = await _app.ReviewIdAsync(DemoData.References.PublishedRecent);
        var actionId = await _app.ActionIdAsync("Refresh the DASH risk assessment training package");
        var recId = await _app.WithDbAsync(db => db.Actions.Where(a => a.Id == actionId).Select(a => a.RecommendationId).SingleAsync());

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetPlanEditorQuery(reviewId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new SaveRecommendationCommand(reviewId, null, 0, "99", "Text", RecommendationScope.Local, [], [])));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new SaveActionCommand(recId, actionId, 0, "Changed", 1, [], null, null, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new SaveMilestoneCommand(actionId, null, 0, "More", _app.Database.Today)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new RemoveActionCommand(actionId, 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new MoveRecommendationCommand(recId, 0, MoveDirection.Down)));
    }

    [Fact]
    public async Task AnotherPartnershipsPlanReadsAsNotFound()
    {
        await _app.SignInAsAsync(DemoData.Emails.SecondCoordinator);
        var reviewId = await _app.ReviewIdAsync(DemoData.References.PublishedRecent);
        var actionId = await _app.ActionIdAsync("Refresh the DASH risk assessment training package");
        var (recId, version) = await _app.WithDbAsync(async db =>
        {
            var a = await db.Actions.SingleAsync(x => x.Id == actionId);
            return (a.RecommendationId, a.Version);
        });

        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new GetPlanEditorQuery(reviewId)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new SaveRecommendationCommand(reviewId, null, 0, "99", "Text", RecommendationScope.Local, [], [])));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new SaveActionCommand(recId, null, 0, "Smuggled", 1, [], null, null, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new SaveMilestoneCommand(actionId, null, version, "Smuggled", _app.Database.Today)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new RemoveActionCommand(actionId, version)));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new RemoveRecommendationCommand(recId, 0)));
    }

    [Fact]
    public async Task AnotherPartnershipsAgencyOrThemeIsRefused()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await _app.ReviewIdAsync(DemoData.References.Resubmitting);
        var westvalePolice = await _app.AgencyIdAsync("Westvale Police", DemoData.SecondPartnershipCode);
        var westvaleTraining = await _app.ThemeIdAsync("Training", DemoData.SecondPartnershipCode);

        var agency = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveRecommendationCommand(reviewId, null, 0, "1", "Text", RecommendationScope.Local, [westvalePolice], [])));
        var theme = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveRecommendationCommand(reviewId, null, 0, "1", "Text", RecommendationScope.Local, [], [westvaleTraining])));

        Assert.Equal("AddresseeIds", agency.Field);
        Assert.Equal("ThemeIds", theme.Field);
        Assert.Empty((await _app.SendAsync(new GetPlanEditorQuery(reviewId))).Recommendations);
    }

    [Fact]
    public async Task BadRecommendationIsRefusedNextToItsFieldAndNothingIsSaved()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await _app.ReviewIdAsync(DemoData.References.PublishedRecent);
        var police = await _app.AgencyIdAsync(PlanTestData.Police);
        var before = (await EditorAsync(DemoData.References.PublishedRecent)).Recommendations.Count;

        var noNumber = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveRecommendationCommand(reviewId, null, 0, " ", "Text", RecommendationScope.Local, [], [])));
        var repeated = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveRecommendationCommand(reviewId, null, 0, "3(a)", "Text", RecommendationScope.Local, [], [])));
        var national = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveRecommendationCommand(reviewId, null, 0, "14", "Text", RecommendationScope.National, [police], [])));

        Assert.Equal(nameof(Recommendation.Number), noNumber.Field);
        Assert.Equal("This review already has a recommendation 3(a). Give each recommendation the number the report gives it.", repeated.Message);
        Assert.Equal("AddresseeIds", national.Field);
        Assert.Equal(before, (await EditorAsync(DemoData.References.PublishedRecent)).Recommendations.Count);
    }

    [Fact]
    public async Task RecommendationsAwaitACommissionedReview()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await _app.ReviewIdAsync(DemoData.References.AwaitingDecision);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveRecommendationCommand(reviewId, null, 0, "1", "Text", RecommendationScope.Local, [], [])));

        Assert.StartsWith("Recommendations come from the overview report", ex.Message);
    }

    [Fact]
    public async Task BadActionIsRefusedNextToItsField()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var (_, recId, _, _) = await _app.EnterSmallPlanAsync();
        var westvalePolice = await _app.AgencyIdAsync("Westvale Police", DemoData.SecondPartnershipCode);
        var haven = await _app.AgencyIdAsync(PlanTestData.Haven);

        var noLead = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveActionCommand(recId, null, 0, "Do it", 0, [], null, null, null)));
        var foreignLead = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveActionCommand(recId, null, 0, "Do it", westvalePolice, [], null, null, null)));
        var noText = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveActionCommand(recId, null, 0, "", haven, [], null, null, null)));
        var badDate = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveActionCommand(recId, null, 0, "Do it", haven, [], null, new DateOnly(2202, 1, 1), null)));

        Assert.Equal(nameof(ActionDetails.LeadAgencyId), noLead.Field);
        Assert.Equal(nameof(ActionDetails.LeadAgencyId), foreignLead.Field);
        Assert.Equal(nameof(ActionDetails.Description), noText.Field);
        Assert.Equal(nameof(ActionDetails.TargetDate), badDate.Field);
        Assert.Single((await EditorAsync(DemoData.References.Resubmitting)).Recommendations[0].Actions);
    }

    [Fact]
    public async Task SecondSaveFromTheSameVersionIsAConflictAndTheFirstIsKept()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var (reviewId, recId, _, _) = await _app.EnterSmallPlanAsync();
        var loaded = (await EditorAsync(DemoData.References.Resubmitting)).Recommendations[0];
        var haven = await _app.AgencyIdAsync(PlanTestData.Haven);
        var police = await _app.AgencyIdAsync(PlanTestData.Police);

        await _app.SendAsync(new SaveRecommendationCommand(reviewId, recId, loaded.Version, "1", "First person's wording.", RecommendationScope.Local, [haven], loaded.ThemeIds));
        // The second person changes only the addressees: a change to the children alone still checks the version.
        await Assert.ThrowsAsync<ConflictException>(() =>
            _app.SendAsync(new SaveRecommendationCommand(reviewId, recId, loaded.Version, "1", "First person's wording.", RecommendationScope.Local, [haven, police], loaded.ThemeIds)));

        var now = (await EditorAsync(DemoData.References.Resubmitting)).Recommendations[0];
        Assert.Equal("First person's wording.", now.Text);
        Assert.Equal([haven], now.AddresseeIds);
        Assert.Equal(loaded.Version + 1, now.Version);
    }

    [Fact]
    public async Task TwoPeopleAddingMilestonesFromTheSameVersionConflict()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var (_, _, actionId, _) = await _app.EnterSmallPlanAsync();
        var version = await _app.ActionVersionAsync(actionId);

        await _app.SendAsync(new SaveMilestoneCommand(actionId, null, version, "Sessions booked", _app.Database.Today.AddDays(20)));
        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsync(new SaveMilestoneCommand(actionId, null, version, "Sessions delivered", _app.Database.Today.AddDays(60))));

        var milestones = (await EditorAsync(DemoData.References.Resubmitting)).Recommendations[0].Actions[0].Milestones;
        Assert.Equal(["Training pack agreed", "Sessions booked"], milestones.Select(m => m.Description));
    }

    [Fact]
    public async Task MilestoneNeedsADueDate()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var (_, _, actionId, _) = await _app.EnterSmallPlanAsync();

        var version = await _app.ActionVersionAsync(actionId);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new SaveMilestoneCommand(actionId, null, version, "Sessions booked", null)));

        Assert.Equal("DueOn", ex.Field);
    }

    [Fact]
    public async Task EditedActionAndMilestoneKeepTheirPlace()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var (_, recId, actionId, milestoneId) = await _app.EnterSmallPlanAsync();
        var haven = await _app.AgencyIdAsync(PlanTestData.Haven);
        var county = await _app.AgencyIdAsync("Eastshire County Council");
        var target = _app.Database.Today.AddMonths(8);

        await _app.SendAsync(new SaveActionCommand(recId, actionId, await _app.ActionVersionAsync(actionId), "Train every outreach worker.", haven, [county], "A. Khan", target, "Better recognition."));
        await _app.SendAsync(new SaveMilestoneCommand(actionId, milestoneId, await _app.ActionVersionAsync(actionId), "Training pack signed off", _app.Database.Today.AddDays(5)));

        var action = (await EditorAsync(DemoData.References.Resubmitting)).Recommendations[0].Actions.Single();
        Assert.Equal("Train every outreach worker.", action.Description);
        Assert.Equal([county], action.SupportingAgencyIds);
        Assert.Equal(target, action.TargetDate);
        Assert.Equal(target, action.OriginalTargetDate);
        Assert.Equal("Training pack signed off", action.Milestones.Single().Description);
        Assert.Equal(Rag.Green, action.Status.Status);
    }

    [Fact]
    public async Task RecommendationsAndActionsMoveOnePlaceAtATime()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var before = await EditorAsync(DemoData.References.PublishedRecent);
        var second = before.Recommendations[1];

        await _app.SendAsync(new MoveRecommendationCommand(second.Id, second.Version, MoveDirection.Up));
        var first = (await EditorAsync(DemoData.References.PublishedRecent)).Recommendations[0];
        await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new MoveRecommendationCommand(first.Id, first.Version, MoveDirection.Up)));
        var moved = first.Actions[0];
        await _app.SendAsync(new MoveActionCommand(moved.Id, moved.Version, MoveDirection.Down));

        var after = await EditorAsync(DemoData.References.PublishedRecent);
        Assert.Equal(["2", "1", "3(a)"], after.Recommendations.Take(3).Select(r => r.Number));
        Assert.Equal(moved.Id, after.Recommendations[0].Actions[1].Id);
        Assert.Equal("2.2", after.Recommendations[0].Actions[1].Label);
    }

    [Fact]
    public async Task ActionWithProgressCannotBeRemovedButAFreshOneCan()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var delivered = await _app.ActionIdAsync("Refresh the DASH risk assessment training package");
        var (reviewId, recId, fresh, _) = await _app.EnterSmallPlanAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new RemoveActionCommand(delivered, await _app.ActionVersionAsync(delivered))));
        await _app.SendAsync(new RemoveActionCommand(fresh, await _app.ActionVersionAsync(fresh)));

        Assert.StartsWith("This action has progress recorded", ex.Message);
        Assert.True(await _app.WithDbAsync(db => db.Actions.AnyAsync(a => a.Id == delivered)));
        Assert.Empty((await _app.SendAsync(new GetPlanEditorQuery(reviewId))).Recommendations.Single(r => r.Id == recId).Actions);
    }

    [Fact]
    public async Task RecommendationWhoseActionsHaveProgressStays()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var first = (await EditorAsync(DemoData.References.PublishedRecent)).Recommendations[0];

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new RemoveRecommendationCommand(first.Id, first.Version)));

        Assert.Equal("Action 1.1 has progress recorded, so recommendation 1 cannot be removed. Edit it instead.", ex.Message);
    }

    [Fact]
    public async Task FreshRecommendationIsRemovedWithItsActionsAndMilestones()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var (reviewId, recId, actionId, _) = await _app.EnterSmallPlanAsync();

        await _app.SendAsync(new RemoveRecommendationCommand(recId, await _app.RecommendationVersionAsync(recId)));

        Assert.Empty((await _app.SendAsync(new GetPlanEditorQuery(reviewId))).Recommendations);
        Assert.False(await _app.WithDbAsync(db => db.Actions.AnyAsync(a => a.Id == actionId)));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Set<Milestone>().CountAsync(m => m.ActionItemId == actionId)));
    }

    [Fact]
    public async Task MilestoneNoLongerNeededIsRemovedButAnAchievedOneStays()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var (_, _, actionId, milestoneId) = await _app.EnterSmallPlanAsync();
        var delivered = await _app.ActionIdAsync("Refresh the DASH risk assessment training package");
        var achieved = await _app.WithDbAsync(db => db.Set<Milestone>().Where(m => m.ActionItemId == delivered && m.AchievedOn != null).Select(m => m.Id).FirstAsync());

        await _app.SendAsync(new RemoveMilestoneCommand(actionId, milestoneId, await _app.ActionVersionAsync(actionId)));
        await Assert.ThrowsAsync<DomainException>(async () => await _app.SendAsync(new RemoveMilestoneCommand(delivered, achieved, await _app.ActionVersionAsync(delivered))));

        Assert.Empty((await EditorAsync(DemoData.References.Resubmitting)).Recommendations[0].Actions[0].Milestones);
        Assert.True(await _app.WithDbAsync(db => db.Set<Milestone>().AnyAsync(m => m.Id == achieved)));
    }
}
