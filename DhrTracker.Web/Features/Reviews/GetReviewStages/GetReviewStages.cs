using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Reviews.GetReviewStages;

[Requires(Operation.EditReview)]
public sealed record GetReviewStagesQuery(int ReviewId) : IQuery<ReviewStagesView>;

/// <summary>Everything the stage forms show and edit, for the co-ordinator and the chair.</summary>
public sealed record ReviewStagesView
{
    public required int Id { get; init; }
    public required string Reference { get; init; }
    public required ReviewKind Kind { get; init; }
    public required ReviewStage Stage { get; init; }
    public required int Version { get; init; }
    public required DateOnly Today { get; init; }
    public required bool CanDecide { get; init; }
    public required string SignedInName { get; init; }
    public required bool IsCommissioned { get; init; }
    public required bool IsClosed { get; init; }
    public required bool IsPaused { get; init; }
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }
    public required PartnershipSettings Settings { get; init; }
    public required IReadOnlyList<AgencyOption> Agencies { get; init; }

    public required NotificationInput Notification { get; init; }
    public required IReadOnlyList<DecisionRow> Decisions { get; init; }

    public required DateOnly? HomeOfficeNotifiedOn { get; init; }
    public required string? HomeOfficeNotifiedBy { get; init; }

    public required string? IndependentChairName { get; init; }
    public required string? IndependentChairOrganisation { get; init; }
    public required DateOnly? ChairAppointedOn { get; init; }
    public required string? AuthorName { get; init; }

    public required IReadOnlyList<PanelMemberRow> Panel { get; init; }
    public required DateOnly? TermsOfReferenceAgreedOn { get; init; }
    public required DateOnly? PeriodUnderReviewFrom { get; init; }
    public required DateOnly? PeriodUnderReviewTo { get; init; }
    public required string? TermsOfReferenceSummary { get; init; }

    public required IReadOnlyList<AgencyReportRow> AgencyReports { get; init; }
    public required IReadOnlyList<FamilyContactRow> FamilyContacts { get; init; }
    public required IReadOnlyList<PauseRow> Pauses { get; init; }
    public required int PausedDays { get; init; }
    public required DateOnly? CompletionDue { get; init; }

    public required DateOnly? OverviewDraftedOn { get; init; }
    public required DateOnly? PanelSignedOffOn { get; init; }
    public required DateOnly? CspSignedOffOn { get; init; }

    public required IReadOnlyList<QaSubmissionRow> QaSubmissions { get; init; }

    public required DateOnly? PublishedOn { get; init; }
    public required string? PublishedWhere { get; init; }
    public required DateOnly? CommissionerCopySentOn { get; init; }
    public required DateOnly? SecretaryOfStateCopySentOn { get; init; }

    public required DateOnly? ClosedOn { get; init; }
    public required string? ClosureNote { get; init; }
    public required int Actions { get; init; }
    public required int OpenActions { get; init; }

    public TimelineEntry Entry(int stage) => Timeline.Single(e => e.Stage == stage);

    public string AgencyName(int? id) => id is { } a ? Agencies.FirstOrDefault(x => x.Id == a)?.Name ?? "Unknown agency" : "Independent";
}

public sealed record AgencyOption(int Id, string Name, bool IsActive);

public sealed record DecisionRow(
    int Id,
    DecisionOutcome Outcome,
    bool VictimAged16OrOver,
    bool RelationshipCriterionMet,
    bool DeathFromAbuseCriterionMet,
    JointReviewType? JointWith,
    string? JointReviewReference,
    string Rationale,
    DateOnly DecidedOn,
    string DecidedBy,
    DateTime RecordedAtUtc,
    bool IsCurrent,
    bool IsCorrection);

public sealed record PanelMemberRow(int Id, int? AgencyId, string Name, string PanelRole);

public sealed record AgencyReportRow(int Id, int AgencyId, AgencyReportKind Kind, DateOnly RequestedOn, DateOnly DueOn, DateOnly? ReceivedOn, string? ReceivedRecordedBy)
{
    public bool IsOutstanding => ReceivedOn is null;
}

public sealed record FamilyContactRow(int Id, string Description, DateOnly ContactOfferedOn, FamilyResponse Response, DateOnly? RespondedOn, string? Advocacy, string? Notes);

public sealed record PauseRow(int Id, PauseReason Reason, DateOnly StartedOn, DateOnly? EndedOn, string? Notes, DateOnly? HomeOfficeToldOn, int Days)
{
    public bool IsOpen => EndedOn is null;
}

public sealed record QaSubmissionRow(int Id, DateOnly SubmittedOn, DateOnly? PanelMeetingOn, DateOnly? FeedbackLetterOn, QaOutcome? Outcome, string? FeedbackSummary, bool IsLatest);

/// <summary>
/// The review as its stage forms need it. Only those who edit reviews (the co-ordinator and the chair) may
/// open it; the confidential facts are theirs to see.
/// </summary>
public sealed class GetReviewStagesHandler(AppDb appDb, IClock clock) : IQueryHandler<GetReviewStagesQuery, ReviewStagesView>
{
    public async ValueTask<ReviewStagesView> Handle(GetReviewStagesQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditReview);
        var today = clock.Today;
        var review = await ReviewEditing.LoadAsync(db, query.ReviewId, cancellationToken);
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new AgencyOption(a.Id, a.Name, a.IsActive)).ToListAsync(cancellationToken);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        var totalActions = await db.Actions.CountAsync(a => a.ReviewId == review.Id, cancellationToken);
        var openActions = await db.Actions.CountAsync(a => a.ReviewId == review.Id && a.CompletionAcceptedOn == null, cancellationToken);

        var current = review.CurrentDecision;
        var latestQa = review.LatestQaSubmission;
        return new ReviewStagesView
        {
            Id = review.Id,
            Reference = review.Reference,
            Kind = review.Kind,
            Stage = review.Stage,
            Version = review.Version,
            Today = today,
            CanDecide = user.Can(Operation.RecordDecision),
            SignedInName = user.Name,
            IsCommissioned = review.IsCommissioned,
            IsClosed = review.ClosedOn is not null,
            IsPaused = review.IsPaused,
            Timeline = ReviewTimeline.Build(review, settings, today, id => names.TryGetValue(id, out var n) ? n : "Unknown agency"),
            Settings = settings,
            Agencies = agencies,
            Notification = new NotificationInput(
                review.Kind, review.NotifiedOn, review.NotifyingAgencyId, review.DateOfDeath, review.VictimPseudonym, review.VictimAge,
                review.PerpetratorPseudonym, review.PerpetratorAge, review.Relationship, review.Circumstances),
            Decisions = review.Decisions
                .OrderByDescending(d => d.RecordedAtUtc).ThenByDescending(d => d.Id)
                .Select(d => new DecisionRow(d.Id, d.Outcome, d.VictimAged16OrOver, d.RelationshipCriterionMet, d.DeathFromAbuseCriterionMet, d.JointWith,
                    d.JointReviewReference, d.Rationale, d.DecidedOn, d.DecidedByName, d.RecordedAtUtc, d == current, d.CorrectsDecisionId is not null))
                .ToList(),
            HomeOfficeNotifiedOn = review.HomeOfficeNotifiedOn,
            HomeOfficeNotifiedBy = review.HomeOfficeNotifiedBy,
            IndependentChairName = review.IndependentChairName,
            IndependentChairOrganisation = review.IndependentChairOrganisation,
            ChairAppointedOn = review.ChairAppointedOn,
            AuthorName = review.AuthorName,
            Panel = review.Panel.OrderBy(p => p.Id).Select(p => new PanelMemberRow(p.Id, p.AgencyId, p.Name, p.PanelRole)).ToList(),
            TermsOfReferenceAgreedOn = review.TermsOfReferenceAgreedOn,
            PeriodUnderReviewFrom = review.PeriodUnderReviewFrom,
            PeriodUnderReviewTo = review.PeriodUnderReviewTo,
            TermsOfReferenceSummary = review.TermsOfReferenceSummary,
            AgencyReports = review.AgencyReports.OrderBy(r => r.DueOn).ThenBy(r => r.Id)
                .Select(r => new AgencyReportRow(r.Id, r.AgencyId, r.Kind, r.RequestedOn, r.DueOn, r.ReceivedOn, r.ReceivedRecordedBy)).ToList(),
            FamilyContacts = review.FamilyContacts.OrderBy(c => c.ContactOfferedOn).ThenBy(c => c.Id)
                .Select(c => new FamilyContactRow(c.Id, c.Description, c.ContactOfferedOn, c.Response, c.RespondedOn, c.Advocacy, c.Notes)).ToList(),
            Pauses = review.Pauses.OrderBy(p => p.StartedOn)
                .Select(p => new PauseRow(p.Id, p.Reason, p.StartedOn, p.EndedOn, p.Notes, p.HomeOfficeToldOn, Domain.Common.DateMath.CoveredDays([(p.StartedOn, p.EndedOn)], today)))
                .ToList(),
            PausedDays = ReviewTimeline.PausedDays(review, today),
            CompletionDue = ReviewTimeline.CompletionDue(review, today, settings),
            OverviewDraftedOn = review.OverviewDraftedOn,
            PanelSignedOffOn = review.PanelSignedOffOn,
            CspSignedOffOn = review.CspSignedOffOn,
            QaSubmissions = review.QaSubmissions.OrderBy(q => q.SubmittedOn).ThenBy(q => q.Id)
                .Select(q => new QaSubmissionRow(q.Id, q.SubmittedOn, q.PanelMeetingOn, q.FeedbackLetterOn, q.Outcome, q.FeedbackSummary, q == latestQa))
                .ToList(),
            PublishedOn = review.PublishedOn,
            PublishedWhere = review.PublishedWhere,
            CommissionerCopySentOn = review.CommissionerCopySentOn,
            SecretaryOfStateCopySentOn = review.SecretaryOfStateCopySentOn,
            ClosedOn = review.ClosedOn,
            ClosureNote = review.ClosureNote,
            Actions = totalActions,
            OpenActions = openActions,
        };
    }
}
