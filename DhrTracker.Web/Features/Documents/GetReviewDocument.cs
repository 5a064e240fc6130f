using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Documents;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Web.Endpoints;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Documents;

public enum ReviewDocumentKind
{
    ActionPlan,
    DecisionNotification,
    OverviewReport,
}

[Requires(Operation.DownloadReviewDocuments, Operation.ViewPublishedActionPlan)]
public sealed record GetReviewDocumentQuery(int ReviewId, ReviewDocumentKind Kind) : IQuery<DocumentFile>;

public sealed record DocumentFile(string FileName, byte[] Content);

/// <summary>
/// A review's Word documents, gathered under the same rules as the review page: chair and co-ordinator get
/// all three; scrutiny gets the action plan of a published review; lead officers none.
/// </summary>
public sealed class GetReviewDocumentHandler(
    AppDb appDb,
    IClock clock,
    ActionPlanWriter actionPlanWriter,
    DecisionNotificationWriter notificationWriter,
    OverviewReportWriter overviewWriter) : IQueryHandler<GetReviewDocumentQuery, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetReviewDocumentQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        var fullAccess = user.Can(Operation.DownloadReviewDocuments);
        if (!fullAccess && !(query.Kind == ReviewDocumentKind.ActionPlan && user.Can(Operation.ViewPublishedActionPlan)))
        {
            throw new ForbiddenException();
        }

        var review = await db.Reviews.AsNoTracking()
            .WithEveryStage()
            .SingleOrDefaultAsync(r => r.Id == query.ReviewId, cancellationToken)
            ?? throw new NotFoundException();
        if (!fullAccess && !review.IsPublished)
        {
            throw new NotFoundException();
        }

        var today = clock.Today;
        var partnership = await db.Partnerships.AsNoTracking().InScope(db).SingleAsync(cancellationToken);
        var settings = partnership.Settings;
        string Stamp(string what) => FileNames.Safe($"{review.Reference}-{what}-{today:yyyy-MM-dd}") + ".docx";

        switch (query.Kind)
        {
            case ReviewDocumentKind.ActionPlan:
            {
                var model = new ActionPlanModel
                {
                    PartnershipName = partnership.Name,
                    ProducedOn = today,
                    ReviewReference = review.Reference,
                    Kind = review.Kind,
                    IsPublished = review.IsPublished,
                    Groups = await ActionPlanLoader.LoadAsync(db, review.Id, today, settings.Thresholds, cancellationToken),
                };
                return new DocumentFile(Stamp("action-plan"), actionPlanWriter.Write(model));
            }

            case ReviewDocumentKind.DecisionNotification:
            {
                var decision = review.CurrentDecision
                    ?? throw new DomainException("The chair has not recorded a decision yet, so there is nothing to notify.");
                var model = new DecisionNotificationModel
                {
                    PartnershipName = partnership.Name,
                    ProducedOn = today,
                    IsPublished = review.IsPublished,
                    ContactName = partnership.ContactName ?? partnership.Name,
                    ContactEmail = partnership.ContactEmail ?? "(no contact e-mail set)",
                    ReviewReference = review.Reference,
                    Kind = review.Kind,
                    VictimPseudonym = review.VictimPseudonym,
                    VictimAge = review.VictimAge,
                    Relationship = review.Relationship,
                    DateOfDeath = review.DateOfDeath,
                    NotifiedOn = review.NotifiedOn,
                    Outcome = decision.Outcome,
                    JointWith = decision.JointWith,
                    JointReviewReference = decision.JointReviewReference,
                    DecidedOn = decision.DecidedOn,
                    DecidedBy = decision.DecidedByName,
                    VictimAged16OrOver = decision.VictimAged16OrOver,
                    RelationshipCriterionMet = decision.RelationshipCriterionMet,
                    DeathFromAbuseCriterionMet = decision.DeathFromAbuseCriterionMet,
                    Rationale = decision.Rationale,
                    IndependentChair = review.IndependentChairName,
                    IndependentChairOrganisation = review.IndependentChairOrganisation,
                    ExpectedCompletionOn = ReviewTimeline.CompletionDue(review, today, settings),
                };
                return new DocumentFile(Stamp("decision-notification"), notificationWriter.Write(model));
            }

            default:
            {
                var agencies = await db.Agencies.AsNoTracking().InScope(db).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
                string Name(int id) => agencies.TryGetValue(id, out var n) ? n : "Unknown agency";
                var timeline = ReviewTimeline.Build(review, settings, today, Name);
                var model = new OverviewReportModel
                {
                    PartnershipName = partnership.Name,
                    ProducedOn = today,
                    IsPublished = review.IsPublished,
                    ReviewReference = review.Reference,
                    Kind = review.Kind,
                    VictimPseudonym = review.VictimPseudonym,
                    VictimAge = review.VictimAge,
                    PerpetratorPseudonym = review.PerpetratorPseudonym,
                    Relationship = review.Relationship,
                    DateOfDeath = review.DateOfDeath,
                    Headings = settings.HeadingList,
                    IndependentChair = review.IndependentChairName,
                    IndependentChairOrganisation = review.IndependentChairOrganisation,
                    AuthorName = review.AuthorName,
                    ChairAppointedOn = review.ChairAppointedOn,
                    NotifiedOn = review.NotifiedOn,
                    DecidedOn = review.CurrentDecision?.DecidedOn,
                    HomeOfficeNotifiedOn = review.HomeOfficeNotifiedOn,
                    CompletionDueOn = ReviewTimeline.CompletionDue(review, today, settings),
                    Stages = timeline.Select(t => new OverviewStage(t.Title, t.DueOn, t.DoneOn)).ToList(),
                    TermsOfReferenceAgreedOn = review.TermsOfReferenceAgreedOn,
                    PeriodUnderReviewFrom = review.PeriodUnderReviewFrom,
                    PeriodUnderReviewTo = review.PeriodUnderReviewTo,
                    TermsOfReferenceSummary = review.TermsOfReferenceSummary,
                    FamilyContacts = review.FamilyContacts.Select(f => new OverviewFamilyContact(f.Description, f.ContactOfferedOn, f.Response, f.RespondedOn, f.Advocacy)).ToList(),
                    AgencyReports = review.AgencyReports.OrderBy(r => r.RequestedOn).Select(r => new OverviewAgencyReport(Name(r.AgencyId), r.Kind, r.RequestedOn, r.DueOn, r.ReceivedOn)).ToList(),
                    Panel = review.Panel.Select(p => new OverviewPanelMember(p.Name, p.PanelRole, p.AgencyId is { } a ? Name(a) : null)).ToList(),
                    Pauses = review.Pauses.OrderBy(p => p.StartedOn).Select(p => new OverviewPause(p.Reason, p.StartedOn, p.EndedOn, p.Notes)).ToList(),
                    ActionPlan = await ActionPlanLoader.LoadAsync(db, review.Id, today, settings.Thresholds, cancellationToken),
                };
                return new DocumentFile(Stamp("overview-report-scaffold"), overviewWriter.Write(model));
            }
        }
    }
}
