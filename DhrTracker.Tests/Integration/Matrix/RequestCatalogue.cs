using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Infrastructure.Import;
using DhrTracker.Tests.Import;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Actions.DecideCompletion;
using DhrTracker.Web.Features.Actions.DecideTargetRevision;
using DhrTracker.Web.Features.Actions.GetAction;
using DhrTracker.Web.Features.Actions.GetMyActions;
using DhrTracker.Web.Features.Actions.MarkMilestoneAchieved;
using DhrTracker.Web.Features.Actions.PostUpdate;
using DhrTracker.Web.Features.Actions.ProposeCompletion;
using DhrTracker.Web.Features.Actions.RequestTargetRevision;
using DhrTracker.Web.Features.Admin.Backup;
using DhrTracker.Web.Features.Admin.Partnerships;
using DhrTracker.Web.Features.Admin.GetDirectory;
using DhrTracker.Web.Features.AgencyReports.GetMyAgencyReports;
using DhrTracker.Web.Features.AgencyReports.RecordAgencyReportSubmission;
using DhrTracker.Web.Features.Audit.GetAuditTrail;
using DhrTracker.Web.Features.Dashboards.GetChairDashboard;
using DhrTracker.Web.Features.Dashboards.GetDeliveryDashboard;
using DhrTracker.Web.Features.Dashboards.GetScrutinySummary;
using DhrTracker.Web.Features.Documents;
using DhrTracker.Web.Features.History.GetReviewHistory;
using DhrTracker.Web.Features.Import;
using DhrTracker.Web.Features.Import.ConfirmImport;
using DhrTracker.Web.Features.Import.GetImportStart;
using DhrTracker.Web.Features.Import.PreviewImport;
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
using DhrTracker.Web.Features.Quarters.CloseQuarter;
using DhrTracker.Web.Features.Quarters.GetQuarters;
using DhrTracker.Web.Features.Reviews.AgreeTermsOfReference;
using DhrTracker.Web.Features.Reviews.AppointChair;
using DhrTracker.Web.Features.Reviews.Close;
using DhrTracker.Web.Features.Reviews.CorrectNotification;
using DhrTracker.Web.Features.Reviews.FamilyContacts;
using DhrTracker.Web.Features.Reviews.GetDueItems;
using DhrTracker.Web.Features.Reviews.GetNotificationForm;
using DhrTracker.Web.Features.Reviews.GetRegister;
using DhrTracker.Web.Features.Reviews.GetReview;
using DhrTracker.Web.Features.Reviews.GetReviewStages;
using DhrTracker.Web.Features.Reviews.Panel;
using DhrTracker.Web.Features.Reviews.Pauses;
using DhrTracker.Web.Features.Reviews.Publish;
using DhrTracker.Web.Features.Reviews.QualityAssurance;
using DhrTracker.Web.Features.Reviews.RecordDecision;
using DhrTracker.Web.Features.Reviews.RecordHomeOfficeNotified;
using DhrTracker.Web.Features.Reviews.RecordNotification;
using DhrTracker.Web.Features.Reviews.RecordOverviewReport;
using DhrTracker.Web.Features.Reviews.RequestAgencyReports;
using DhrTracker.Web.Features.Settings.GetSettings;
using DhrTracker.Web.Features.Settings.UpdateSettings;
using DhrTracker.Web.Features.Themes.GetNationalRecommendations;
using DhrTracker.Web.Features.Themes.GetSimilarRecommendations;
using DhrTracker.Web.Features.Themes.GetThemes;
using DhrTracker.Web.Features.Themes.ManageThemes;
using Microsoft.EntityFrameworkCore;
using static DhrTracker.Domain.Users.Operation;
using Refs = DhrTracker.Infrastructure.Data.Seed.DemoData.References;

namespace DhrTracker.Tests.Integration.Matrix;

/// <summary>What a request factory may use: the targets, the case's own database and the principal's partnership.</summary>
public sealed class CaseContext(MatrixTargets targets, TestDatabase database, int ownPartnershipId, Func<string, object, Task<object?>> sendAs)
{
    public MatrixTargets T => targets;
    public DateOnly Today => database.Today;
    public DateOnly Day(int offset) => database.Today.AddDays(offset);

    /// <summary>For a request that needs something only a co-ordinator can make first (an import's preview).</summary>
    public Task<object?> AsCoordinatorAsync(object request) => sendAs(MatrixPrincipals.Coordinator.Key, request);

    /// <summary>For a request that needs the lead officer to have done something first (every milestone achieved).</summary>
    public Task<object?> AsLeadOfficerAsync(object request) => sendAs(MatrixPrincipals.LeadOfficer.Key, request);

    public Task<object?> AsAdministratorAsync(object request) => sendAs(MatrixPrincipals.Administrator.Key, request);

    /// <summary>A new recommendation with one new action, made by the co-ordinator, for commands that remove or move them.</summary>
    public async Task<(int RecommendationId, int ActionId)> FreshActionAsync(int? underRecommendation = null)
    {
        var recommendation = underRecommendation ?? ((Saved)(await AsCoordinatorAsync(new SaveRecommendationCommand(
            targets.ReviewId(Refs.PublishedRecent), null, 0, "98", "A recommendation added for the test.", RecommendationScope.Local, [targets.PoliceAgencyId], [])))!).Id;
        var action = (Saved)(await AsCoordinatorAsync(new SaveActionCommand(
            recommendation, null, 0, "An action added for the test.", targets.PoliceAgencyId, [], null, Day(90), null)))!;
        return (recommendation, action.Id);
    }

    public async Task<int> ReviewVersionAsync(int id)
    {
        await using var db = database.Open(DataScope.System);
        return await db.Reviews.Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
    }

    public async Task<int> ActionVersionAsync(int id)
    {
        await using var db = database.Open(DataScope.System);
        return await db.Actions.Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
    }

    public async Task<IReadOnlyList<int>> OpenMilestonesAsync(int actionId)
    {
        await using var db = database.Open(DataScope.System);
        return await db.Actions.Where(a => a.Id == actionId).SelectMany(a => a.Milestones).Where(m => m.AchievedOn == null).Select(m => m.Id).ToListAsync();
    }

    public async Task<int> RecommendationVersionAsync(int id)
    {
        await using var db = database.Open(DataScope.System);
        return await db.Recommendations.Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
    }

    /// <summary>The signed-in person's own partnership, for requests that name none (new records, settings).</summary>
    public async Task<(int Version, PartnershipSettings Settings)> OwnPartnershipAsync()
    {
        await using var db = database.Open(DataScope.System);
        var p = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == ownPartnershipId);
        return (p.Version, p.Settings);
    }
}

/// <summary>
/// One operation of the mediator, made valid against the demo data. <see cref="MayBeRejectedBecause"/> says why a
/// permitted person's attempt may still be refused by a rule (not by the matrix); null means it must succeed.
/// </summary>
public sealed record RequestCase(
    string Name,
    Type RequestType,
    AccessRule Rule,
    Func<MatrixTargets, MatrixTarget> Target,
    Func<CaseContext, Task<object>> Make,
    bool Writes,
    string? MayBeRejectedBecause = null)
{
    public override string ToString() => Name;
}

/// <summary>Every command and query of DhrTracker.Web, with the matrix operations that govern it.</summary>
public static class RequestCatalogue
{
    private static RequestCase Query<T>(AccessRule rule, Func<MatrixTargets, MatrixTarget> target, Func<CaseContext, T> make, string? variant = null)
        where T : notnull =>
        new(typeof(T).Name + (variant is null ? "" : "/" + variant), typeof(T), rule, target, c => Task.FromResult<object>(make(c)), Writes: false);

    private static RequestCase Command<T>(AccessRule rule, Func<MatrixTargets, MatrixTarget> target, Func<CaseContext, Task<T>> make, string? rejectedBecause = null, string? variant = null)
        where T : notnull =>
        new(typeof(T).Name + (variant is null ? "" : "/" + variant), typeof(T), rule, target, async c => await make(c), Writes: true, rejectedBecause);

    private static MatrixTarget None(MatrixTargets _) => MatrixTarget.None;

    /// <summary>The demo data closes the two quarters before today's; the one before them is open and may be closed.</summary>
    private static CloseQuarterCommand UnclosedQuarter(CaseContext c)
    {
        var quarter = FinancialQuarter.Containing(c.Today).Previous.Previous.Previous;
        return new CloseQuarterCommand(quarter.StartYear, quarter.Number);
    }

    private static NotificationInput Notification(CaseContext c) =>
        new(ReviewKind.Dardr, c.Day(-3), null, c.Day(-5), "Adult Z", 40, null, null, Relationship.FamilyMember, "Found at home.");

    public static readonly IReadOnlyList<RequestCase> All =
    [
        // Reviews: reading
        Query(AccessRule.Of(ViewRegister), None, _ => new GetRegisterQuery(new RegisterFilter())),
        Query(AccessRule.Of(ViewReviewStages), t => t.Review(Refs.AwaitingDecision), c => new GetReviewQuery(c.T.ReviewId(Refs.AwaitingDecision))),
        Query(AccessRule.Of(EditReview), t => t.Review(Refs.PanelAndTerms), c => new GetReviewStagesQuery(c.T.ReviewId(Refs.PanelAndTerms))),
        Query(AccessRule.Of(ViewReviewStages), None, _ => new GetDueItemsQuery()),
        Query(AccessRule.Of(RecordNotification), None, _ => new GetNotificationFormQuery()),
        Query(AccessRule.Of(ViewReviewHistory), t => t.Review(Refs.PublishedRecent), c => new GetReviewHistoryQuery(c.T.ReviewId(Refs.PublishedRecent))),

        // Reviews: the lifecycle (stages 1 to 12)
        Command(AccessRule.Of(RecordNotification), None, c => Task.FromResult(new RecordNotificationCommand(Notification(c)))),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.JustNotified), async c =>
            new CorrectNotificationCommand(c.T.ReviewId(Refs.JustNotified), await c.ReviewVersionAsync(c.T.ReviewId(Refs.JustNotified)), Notification(c))),
        Command(AccessRule.Of(RecordDecision), t => t.Review(Refs.AwaitingDecision), async c =>
            new RecordDecisionCommand(c.T.ReviewId(Refs.AwaitingDecision), await c.ReviewVersionAsync(c.T.ReviewId(Refs.AwaitingDecision)),
                new DecisionInput(true, true, true, DecisionOutcome.Commission, null, null, "All three statutory criteria are met in this case.", c.Day(-1)))),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.NotCommissionedHomeOfficeNotTold), async c =>
            new RecordHomeOfficeNotifiedCommand(c.T.ReviewId(Refs.NotCommissionedHomeOfficeNotTold), await c.ReviewVersionAsync(c.T.ReviewId(Refs.NotCommissionedHomeOfficeNotTold)), c.Day(-1), "Priya Raman")),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.ChairToBeAppointed), async c =>
            new AppointChairCommand(c.T.ReviewId(Refs.ChairToBeAppointed), await c.ReviewVersionAsync(c.T.ReviewId(Refs.ChairToBeAppointed)), "Pat Independent", null, c.Day(-1), null)),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.PanelAndTerms), async c =>
            new AddPanelMemberCommand(c.T.ReviewId(Refs.PanelAndTerms), await c.ReviewVersionAsync(c.T.ReviewId(Refs.PanelAndTerms)), c.T.PoliceAgencyId, "Sam Member", "Panel member")),
        Command(AccessRule.Of(EditReview), t => t.PanelMember.Target, async c =>
            new RemovePanelMemberCommand(c.T.PanelMember.ReviewId, await c.ReviewVersionAsync(c.T.PanelMember.ReviewId), c.T.PanelMember.ChildId)),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.PanelAndTerms), async c =>
            new AgreeTermsOfReferenceCommand(c.T.ReviewId(Refs.PanelAndTerms), await c.ReviewVersionAsync(c.T.ReviewId(Refs.PanelAndTerms)), c.Day(-1), c.Day(-900), c.Day(-400), null)),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.PanelAndTerms), async c =>
            new RequestAgencyReportCommand(c.T.ReviewId(Refs.PanelAndTerms), await c.ReviewVersionAsync(c.T.ReviewId(Refs.PanelAndTerms)), c.T.IcbAgencyId, AgencyReportKind.Chronology, c.Day(-1), null)),
        Command(AccessRule.Of(EditReview), t => t.PoliceReport.Target, async c =>
            new RecordAgencyReportReceivedCommand(c.T.PoliceReport.ReviewId, await c.ReviewVersionAsync(c.T.PoliceReport.ReviewId), c.T.PoliceReport.ChildId, c.Day(-1))),
        Command(AccessRule.Of(EditReview), t => t.PoliceReport.Target, async c =>
            new ChangeAgencyReportDueDateCommand(c.T.PoliceReport.ReviewId, await c.ReviewVersionAsync(c.T.PoliceReport.ReviewId), c.T.PoliceReport.ChildId, c.Day(30))),
        Command(AccessRule.Of(EditReview), t => t.PoliceReport.Target, async c =>
            new WithdrawAgencyReportRequestCommand(c.T.PoliceReport.ReviewId, await c.ReviewVersionAsync(c.T.PoliceReport.ReviewId), c.T.PoliceReport.ChildId)),
        Command(AccessRule.Of(EditReview), t => t.FamilyContact.Target, async c =>
            new RecordFamilyContactCommand(c.T.FamilyContact.ReviewId, await c.ReviewVersionAsync(c.T.FamilyContact.ReviewId), "Sister of the victim", c.Day(-2), FamilyResponse.AwaitingResponse, null, null, null)),
        Command(AccessRule.Of(EditReview), t => t.FamilyContact.Target, async c =>
            new UpdateFamilyContactCommand(c.T.FamilyContact.ReviewId, await c.ReviewVersionAsync(c.T.FamilyContact.ReviewId), c.T.FamilyContact.ChildId, FamilyResponse.Declined, c.Day(-1), null, null)),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.PanelAndTerms), async c =>
            new PauseReviewCommand(c.T.ReviewId(Refs.PanelAndTerms), await c.ReviewVersionAsync(c.T.ReviewId(Refs.PanelAndTerms)), PauseReason.Inquest, c.Day(-1), null, null)),
        Command(AccessRule.Of(EditReview), t => t.OpenPause.Target, async c =>
            new EndPauseCommand(c.T.OpenPause.ReviewId, await c.ReviewVersionAsync(c.T.OpenPause.ReviewId), c.T.OpenPause.ChildId, c.Day(-1))),
        Command(AccessRule.Of(EditReview), t => t.OpenPause.Target, async c =>
            new CorrectPauseCommand(c.T.OpenPause.ReviewId, await c.ReviewVersionAsync(c.T.OpenPause.ReviewId), c.T.OpenPause.ChildId, PauseReason.Inquest, c.Day(-60), null, "Inquest listed.", null)),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.PanelAndTerms), async c =>
            new RecordOverviewReportCommand(c.T.ReviewId(Refs.PanelAndTerms), await c.ReviewVersionAsync(c.T.ReviewId(Refs.PanelAndTerms)), c.Day(-1), null, null)),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.Resubmitting), async c =>
            new SubmitToQualityAssuranceCommand(c.T.ReviewId(Refs.Resubmitting), await c.ReviewVersionAsync(c.T.ReviewId(Refs.Resubmitting)), c.Day(-1)),
            rejectedBecause: "the demo review asked to resubmit needs the CSP's fresh sign-off of the revised report first"),
        Command(AccessRule.Of(EditReview), t => t.OpenQaSubmission.Target, async c =>
            new RecordQaPanelCommand(c.T.OpenQaSubmission.ReviewId, await c.ReviewVersionAsync(c.T.OpenQaSubmission.ReviewId), c.T.OpenQaSubmission.ChildId, c.Day(-2), c.Day(-1), QaOutcome.Publish, null)),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.AwaitingPublication), async c =>
            new PublishReviewCommand(c.T.ReviewId(Refs.AwaitingPublication), await c.ReviewVersionAsync(c.T.ReviewId(Refs.AwaitingPublication)), c.Day(-1), "Partnership website", null, null)),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.PublishedOlder), async c =>
            new CloseReviewCommand(c.T.ReviewId(Refs.PublishedOlder), await c.ReviewVersionAsync(c.T.ReviewId(Refs.PublishedOlder)), c.Day(-1), null),
            rejectedBecause: "a review closes only when every action is complete, and the demo's older review keeps one open action"),
        Command(AccessRule.Of(EditReview), t => t.Review(Refs.NotCommissioned), async c =>
            new CorrectClosureCommand(c.T.ReviewId(Refs.NotCommissioned), await c.ReviewVersionAsync(c.T.ReviewId(Refs.NotCommissioned)), c.Day(-1), "Corrected date.")),

        // Action plans: the co-ordinator's editor and import
        Query(AccessRule.Of(EditActionPlan), t => t.Review(Refs.PublishedRecent), c => new GetPlanEditorQuery(c.T.ReviewId(Refs.PublishedRecent))),
        Command(AccessRule.Of(EditActionPlan), t => t.Review(Refs.PublishedRecent), c => Task.FromResult(new SaveRecommendationCommand(
            c.T.ReviewId(Refs.PublishedRecent), null, 0, "99", "Agencies should share risk information at the first contact.", RecommendationScope.Local, [c.T.PoliceAgencyId], []))),
        Command(AccessRule.Of(EditActionPlan), t => t.PublishedPoliceAction.Target, c => Task.FromResult(new SaveActionCommand(
            c.T.PublishedPoliceAction.RecommendationId, null, 0, "Brief every response officer on coercive control.", c.T.PoliceAgencyId, [], "Sarah Cole", c.Day(180), "Officers recognise coercive control."))),
        Command(AccessRule.Of(EditActionPlan), t => t.PublishedPoliceAction.Target, async c => new SaveMilestoneCommand(
            c.T.PublishedPoliceAction.Id, null, await c.ActionVersionAsync(c.T.PublishedPoliceAction.Id), "Briefing pack agreed", c.Day(30))),
        Command(AccessRule.Of(EditActionPlan), t => t.PublishedPoliceAction.Target, async c =>
        {
            var (_, added) = await c.FreshActionAsync(c.T.PublishedPoliceAction.RecommendationId);
            return new MoveActionCommand(added, await c.ActionVersionAsync(added), MoveDirection.Up);
        }),
        Command(AccessRule.Of(EditActionPlan), t => t.PublishedPoliceAction.Target, async c => new MoveRecommendationCommand(
            c.T.PublishedPoliceAction.RecommendationId, await c.RecommendationVersionAsync(c.T.PublishedPoliceAction.RecommendationId), MoveDirection.Down)),
        Command(AccessRule.Of(EditActionPlan), t => t.PublishedPoliceAction.Target, async c => new RemoveMilestoneCommand(
            c.T.PublishedPoliceAction.Id, c.T.PublishedPoliceAction.OpenMilestoneId!.Value, await c.ActionVersionAsync(c.T.PublishedPoliceAction.Id))),
        Command(AccessRule.Of(EditActionPlan), t => t.Review(Refs.PublishedRecent), async c =>
        {
            var (_, added) = await c.FreshActionAsync();
            return new RemoveActionCommand(added, await c.ActionVersionAsync(added));
        }),
        Command(AccessRule.Of(EditActionPlan), t => t.Review(Refs.PublishedRecent), async c =>
        {
            var (recommendation, _) = await c.FreshActionAsync();
            return new RemoveRecommendationCommand(recommendation, await c.RecommendationVersionAsync(recommendation));
        }),
        Query(AccessRule.Of(EditActionPlan), t => t.Review(Refs.ChairToBeAppointed), c => new GetImportStartQuery(c.T.ReviewId(Refs.ChairToBeAppointed))),
        Query(AccessRule.Of(EditActionPlan), t => t.Review(Refs.ChairToBeAppointed), c => new PreviewImportQuery(c.T.ReviewId(Refs.ChairToBeAppointed), "plan.docx", SamplePlans.HomeOfficeWordPlan())),
        Command(AccessRule.Of(EditActionPlan), t => t.Review(Refs.ChairToBeAppointed), async c =>
        {
            var reviewId = c.T.ReviewId(Refs.ChairToBeAppointed);
            var preview = (ImportPreview)(await c.AsCoordinatorAsync(new PreviewImportQuery(reviewId, "plan.docx", SamplePlans.HomeOfficeWordPlan())))!;
            // As a co-ordinator leaves it on the preview: the one date the importer could not read, corrected.
            preview.Plan!.Recommendations.Single(r => r.Number == "13").Actions[0].TargetDate = PlanDateParser.Parse("30 September 2027");
            var choices = preview.InitialChoices();
            // ...and the one agency the partnership does not have yet, created (the co-ordinator may manage agencies).
            choices["Eastshire Faith Forum"] = AgencyChoice.Create("Eastshire Faith Forum", AgencyKind.Other);

            return new ConfirmImportCommand(reviewId, preview.Plan!, choices);
        }),

        // Actions: the lead officer's updates and the co-ordinator's decisions
        Query(AccessRule.Of(ViewOwnAgencyActions), None, _ => new GetMyActionsQuery()),
        Query(AccessRule.Of(ViewOwnAgencyActions, ViewFullActionPlan, ViewPublishedActionPlan), t => t.PublishedPoliceAction.Target, c => new GetActionQuery(c.T.PublishedPoliceAction.Id), "published"),
        Query(AccessRule.Of(ViewOwnAgencyActions, ViewFullActionPlan, ViewPublishedActionPlan), t => t.UnpublishedPoliceAction.Target, c => new GetActionQuery(c.T.UnpublishedPoliceAction.Id), "unpublished"),
        Command(AccessRule.Of(UpdateOwnAgencyAction), t => t.PublishedPoliceAction.Target, async c => new PostUpdateCommand(
            c.T.PublishedPoliceAction.Id, await c.ActionVersionAsync(c.T.PublishedPoliceAction.Id), "Briefings delivered to two of four teams.", null, null)),
        Command(AccessRule.Of(UpdateOwnAgencyAction), t => t.PublishedPoliceAction.Target, async c => new MarkMilestoneAchievedCommand(
            c.T.PublishedPoliceAction.Id, c.T.PublishedPoliceAction.OpenMilestoneId!.Value, await c.ActionVersionAsync(c.T.PublishedPoliceAction.Id), c.Day(-1))),
        Command(AccessRule.Of(UpdateOwnAgencyAction), t => t.PublishedPoliceAction.Target, async c => new RequestTargetRevisionCommand(
            c.T.PublishedPoliceAction.Id, await c.ActionVersionAsync(c.T.PublishedPoliceAction.Id), c.Day(200), "Training provider cancelled the spring cohort.")),
        Command(AccessRule.Of(UpdateOwnAgencyAction), t => t.PublishedPoliceAction.Target, async c =>
        {
            // Completion is proposed once every milestone is achieved.
            var action = c.T.PublishedPoliceAction;
            foreach (var milestone in await c.OpenMilestonesAsync(action.Id))
            {
                await c.AsLeadOfficerAsync(new MarkMilestoneAchievedCommand(action.Id, milestone, await c.ActionVersionAsync(action.Id), c.Day(-1)));
            }

            return new ProposeCompletionCommand(action.Id, await c.ActionVersionAsync(action.Id), c.Day(-1), "Audit of 40 cases shows DASH completed in all.");
        }),
        Command(AccessRule.Of(DecideCompletionAndRevisions), t => t.AwaitingCompletionAction.Target, async c => new DecideCompletionCommand(
            c.T.AwaitingCompletionAction.Id, await c.ActionVersionAsync(c.T.AwaitingCompletionAction.Id), true, null)),
        Command(AccessRule.Of(DecideCompletionAndRevisions), t => t.PendingRevisionAction.Target, async c => new DecideTargetRevisionCommand(
            c.T.PendingRevisionAction.Id, c.T.PendingRevisionAction.PendingRevisionId!.Value, await c.ActionVersionAsync(c.T.PendingRevisionAction.Id), true, null)),

        // Agency reports asked of the lead officer's agency
        Query(AccessRule.Of(ViewOwnAgencyReportRequests), None, _ => new GetMyAgencyReportsQuery()),
        Command(AccessRule.Of(RecordOwnAgencyReportSubmission), t => t.PoliceReport.Target with { AgencyId = t.PoliceAgencyId }, c =>
            Task.FromResult(new RecordAgencyReportSubmissionCommand(c.T.PoliceReport.ChildId, c.Day(-1)))),

        // Dashboards, themes, quarters and documents
        Query(AccessRule.Of(ViewChairDashboard), None, _ => new GetChairDashboardQuery()),
        Query(AccessRule.Of(ViewDeliveryDashboard), None, _ => new GetDeliveryDashboardQuery()),
        Query(AccessRule.Of(ViewScrutinySummary), None, _ => new GetScrutinySummaryQuery()),
        Query(AccessRule.Of(ViewThemes), None, _ => new GetThemesQuery()),
        Query(AccessRule.Of(ViewThemes), None, _ => new GetNationalRecommendationsQuery()),
        Query(AccessRule.Of(ViewFullActionPlan, ViewPublishedActionPlan), t => t.Review(Refs.PublishedRecent), c => new GetSimilarRecommendationsQuery(c.T.ReviewId(Refs.PublishedRecent)), "published"),
        Query(AccessRule.Of(ViewFullActionPlan, ViewPublishedActionPlan), t => t.Review(Refs.AwaitingPublication), c => new GetSimilarRecommendationsQuery(c.T.ReviewId(Refs.AwaitingPublication)), "unpublished"),
        Query(AccessRule.Of(DownloadBoardPaper, DownloadScrutinyPaper), None, _ => new GetQuartersQuery()),
        Command(AccessRule.Of(CloseQuarter), None, c => Task.FromResult(UnclosedQuarter(c))),
        Query(AccessRule.Of(DownloadBoardPaper), None, c => new GetDraftQuarterlyPaperQuery(FinancialQuarter.Containing(c.Today).StartYear, FinancialQuarter.Containing(c.Today).Number, PaperEdition.Board), "board"),
        Query(AccessRule.Of(DownloadScrutinyPaper), None, c => new GetDraftQuarterlyPaperQuery(FinancialQuarter.Containing(c.Today).StartYear, FinancialQuarter.Containing(c.Today).Number, PaperEdition.Scrutiny), "scrutiny"),
        Query(AccessRule.Of(DownloadBoardPaper), _ => new MatrixTarget(true, null, true), c => new GetQuarterlyPaperQuery(c.T.ClosureId, PaperEdition.Board), "board"),
        Query(AccessRule.Of(DownloadScrutinyPaper), _ => new MatrixTarget(true, null, true), c => new GetQuarterlyPaperQuery(c.T.ClosureId, PaperEdition.Scrutiny), "scrutiny"),
        Query(AccessRule.Of(DownloadReviewDocuments, ViewPublishedActionPlan), t => t.Review(Refs.PublishedRecent), c => new GetReviewDocumentQuery(c.T.ReviewId(Refs.PublishedRecent), ReviewDocumentKind.ActionPlan), "action-plan-published"),
        Query(AccessRule.Of(DownloadReviewDocuments, ViewPublishedActionPlan), t => t.Review(Refs.AwaitingPublication), c => new GetReviewDocumentQuery(c.T.ReviewId(Refs.AwaitingPublication), ReviewDocumentKind.ActionPlan), "action-plan-unpublished"),
        Query(AccessRule.Of(DownloadReviewDocuments), t => t.Review(Refs.PublishedRecent), c => new GetReviewDocumentQuery(c.T.ReviewId(Refs.PublishedRecent), ReviewDocumentKind.DecisionNotification), "decision-notification"),
        Query(AccessRule.Of(DownloadReviewDocuments), t => t.Review(Refs.PublishedRecent), c => new GetReviewDocumentQuery(c.T.ReviewId(Refs.PublishedRecent), ReviewDocumentKind.OverviewReport), "overview-report"),

        // Administration and the audit trail
        Query(AccessRule.Of(ViewAuditTrail), None, c => new GetAuditTrailQuery(new AuditFilter(ReviewId: c.T.ReviewId(Refs.PublishedRecent)))),
        Query(AccessRule.Of(ManageUsers), None, _ => new GetDirectoryQuery()),
        Query(AccessRule.Of(ManageSettings), None, _ => new GetSettingsQuery()),
        Command(AccessRule.Of(ManageSettings), None, async c =>
        {
            var (version, settings) = await c.OwnPartnershipAsync();
            return new UpdateSettingsCommand(version, settings with { AgencyReportDueDays = 35 });
        }),
        Query(AccessRule.Of(ManageSettings), None, _ => new GetThemeListQuery()),
        Command(AccessRule.Of(ManageSettings), None, async c => new AddThemeCommand((await c.OwnPartnershipAsync()).Version, "Housing pathways")),
        Command(AccessRule.Of(ManageSettings), _ => new MatrixTarget(true, null, true), async c => new RenameThemeCommand(c.T.AnyThemeId, (await c.OwnPartnershipAsync()).Version, "Renamed theme")),
        Command(AccessRule.Of(ManageSettings), _ => new MatrixTarget(true, null, true), async c =>
        {
            // Every demo theme is in use, and one in use is kept: remove one just added.
            var added = (Saved)(await c.AsAdministratorAsync(new AddThemeCommand((await c.OwnPartnershipAsync()).Version, "Theme to remove")))!;
            return new RemoveThemeCommand(added.Id, (await c.OwnPartnershipAsync()).Version);
        }),
        Command(AccessRule.Of(TakeBackup), None, _ => Task.FromResult(new TakeBackupCommand())),
        Query(AccessRule.Of(TakeBackup), None, _ => new GetBackupOptionsQuery()),

        // The installation: partnerships and their first administrators
        Query(AccessRule.Of(ManagePartnerships), None, _ => new GetPartnershipsQuery()),
        Command(AccessRule.Of(ManagePartnerships), None, _ => Task.FromResult(new CreatePartnershipCommand(
            "Northshire Community Safety Partnership", "NCSP", "Northshire", Nation.England, "Nia North", "csp@northshire.example", "Nat Admin", "nat.admin@northshire.example"))),
    ];

    public static RequestCase ByName(string name) => All.Single(c => c.Name == name);
}
