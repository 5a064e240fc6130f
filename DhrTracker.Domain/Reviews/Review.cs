using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Reviews;

/// <summary>
/// A review from the death being notified to closure: the 12 stages of DOMAIN.md. It holds
/// pseudonyms only; there is deliberately no field for anyone's real name.
/// </summary>
public class Review : Entity, IPartnershipScoped, IVersioned
{
    private readonly List<ReviewDecision> _decisions = [];
    private readonly List<PanelMember> _panel = [];
    private readonly List<AgencyReport> _agencyReports = [];
    private readonly List<FamilyContact> _familyContacts = [];
    private readonly List<ReviewPause> _pauses = [];
    private readonly List<QaSubmission> _qaSubmissions = [];
    private readonly List<StageRecord> _stageRecords = [];

    protected Review()
    {
        Reference = string.Empty;
        VictimPseudonym = string.Empty;
        Circumstances = string.Empty;
    }

    public Review(int partnershipId, string reference, NotificationInput notification, Actor actor, DateTime nowUtc)
    {
        PartnershipId = partnershipId;
        Reference = Guard.Required(reference, TextLimits.Reference, nameof(Reference), "Reference");
        VictimPseudonym = string.Empty;
        Circumstances = string.Empty;
        CreatedAtUtc = nowUtc;
        CorrectNotification(notification, actor, nowUtc);
    }

    public int PartnershipId { get; private set; }
    public string Reference { get; private set; }
    public ReviewKind Kind { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public int Version { get; set; }

    // Stage 1: notification
    public DateOnly NotifiedOn { get; private set; }
    public int? NotifyingAgencyId { get; private set; }
    public DateOnly DateOfDeath { get; private set; }
    public string VictimPseudonym { get; private set; }
    public int? VictimAge { get; private set; }
    public string? PerpetratorPseudonym { get; private set; }
    public int? PerpetratorAge { get; private set; }
    public Relationship Relationship { get; private set; }

    /// <summary>Confidential: never shown to lead officers or scrutiny members.</summary>
    public string Circumstances { get; private set; }

    // Stage 2: decisions (history; the latest is current)
    public IReadOnlyList<ReviewDecision> Decisions => _decisions;

    // Stage 3
    public DateOnly? HomeOfficeNotifiedOn { get; private set; }
    public string? HomeOfficeNotifiedBy { get; private set; }

    // Stage 4
    public string? IndependentChairName { get; private set; }
    public string? IndependentChairOrganisation { get; private set; }
    public DateOnly? ChairAppointedOn { get; private set; }
    public string? AuthorName { get; private set; }

    // Stage 5
    public IReadOnlyList<PanelMember> Panel => _panel;
    public DateOnly? TermsOfReferenceAgreedOn { get; private set; }
    public DateOnly? PeriodUnderReviewFrom { get; private set; }
    public DateOnly? PeriodUnderReviewTo { get; private set; }
    public string? TermsOfReferenceSummary { get; private set; }

    // Stages 6–8
    public IReadOnlyList<AgencyReport> AgencyReports => _agencyReports;
    public IReadOnlyList<FamilyContact> FamilyContacts => _familyContacts;
    public IReadOnlyList<ReviewPause> Pauses => _pauses;

    // Stage 9
    public DateOnly? OverviewDraftedOn { get; private set; }
    public DateOnly? PanelSignedOffOn { get; private set; }
    public DateOnly? CspSignedOffOn { get; private set; }

    // Stage 10
    public IReadOnlyList<QaSubmission> QaSubmissions => _qaSubmissions;

    // Stage 11
    public DateOnly? PublishedOn { get; private set; }
    public string? PublishedWhere { get; private set; }
    public DateOnly? CommissionerCopySentOn { get; private set; }
    public DateOnly? SecretaryOfStateCopySentOn { get; private set; }

    // Stage 12
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosureNote { get; private set; }

    public IReadOnlyList<StageRecord> StageRecords => _stageRecords;

    public ReviewDecision? CurrentDecision =>
        _decisions.OrderByDescending(d => d.RecordedAtUtc).ThenByDescending(d => d.Id).FirstOrDefault();

    public bool IsCommissioned => CurrentDecision?.CommissionsAReview == true;

    /// <summary>Why recommendations cannot be entered or imported for this review, or null when they can.</summary>
    public string? WhyNoRecommendations => IsCommissioned
        ? null
        : "Recommendations come from the overview report, so they can be entered or imported only for a review the chair has commissioned.";

    /// <summary>Recommendations (typed or imported) are accepted only once the chair has commissioned a review.</summary>
    public void EnsureAcceptsRecommendations()
    {
        if (WhyNoRecommendations is { } why)
        {
            throw new DomainException(why);
        }
    }
    public bool IsPublished => PublishedOn is not null;
    public bool IsPaused => _pauses.Any(p => p.IsOpen);

    public QaSubmission? LatestQaSubmission =>
        _qaSubmissions.OrderByDescending(q => q.SubmittedOn).ThenByDescending(q => q.Id).FirstOrDefault();

    public void CorrectNotification(NotificationInput n, Actor actor, DateTime nowUtc)
    {
        var notifiedOn = Guard.SaneDate(n.NotifiedOn, nameof(NotificationInput.NotifiedOn), "Date notified");
        var dateOfDeath = Guard.SaneDate(n.DateOfDeath, nameof(NotificationInput.DateOfDeath), "Date of death");
        Guard.NotAfter(dateOfDeath, notifiedOn, nameof(NotificationInput.DateOfDeath), "The date of death cannot be after the date the CSP was notified.");
        Guard.NotAfter(notifiedOn, UkTime.DateOf(nowUtc), nameof(NotificationInput.NotifiedOn), "The date notified cannot be in the future.");
        if (n.VictimAge is { } va)
        {
            Guard.Range(va, 0, 120, nameof(NotificationInput.VictimAge), "The victim's age");
        }

        if (n.PerpetratorAge is { } pa)
        {
            Guard.Range(pa, 0, 120, nameof(NotificationInput.PerpetratorAge), "The perpetrator's age");
        }

        if (_decisions.Count > 0 && notifiedOn > _decisions.Min(d => d.DecidedOn))
        {
            throw new DomainException("The date notified cannot be after the decision already recorded.", nameof(NotificationInput.NotifiedOn));
        }

        // Every check runs before anything changes, so a refused correction leaves the notification as it was.
        var victim = Guard.Required(n.VictimPseudonym, TextLimits.Pseudonym, nameof(NotificationInput.VictimPseudonym), "The victim's pseudonym");
        var perpetrator = Guard.Optional(n.PerpetratorPseudonym, TextLimits.Pseudonym, nameof(NotificationInput.PerpetratorPseudonym), "The perpetrator's pseudonym");
        var circumstances = Guard.Required(n.Circumstances, TextLimits.LongText, nameof(NotificationInput.Circumstances), "Circumstances");
        Kind = n.Kind;
        NotifiedOn = notifiedOn;
        NotifyingAgencyId = n.NotifyingAgencyId;
        DateOfDeath = dateOfDeath;
        VictimPseudonym = victim;
        VictimAge = n.VictimAge;
        PerpetratorPseudonym = perpetrator;
        PerpetratorAge = n.PerpetratorAge;
        Relationship = n.Relationship;
        Circumstances = circumstances;
        Record(ReviewStageNumber.Notification, actor, nowUtc);
    }

    /// <summary>Records the chair's decision, or a correction of it; the earlier decision stays in the history.</summary>
    public ReviewDecision RecordDecision(DecisionInput input, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        Guard.SaneDate(input.DecidedOn, nameof(DecisionInput.DecidedOn), "Decision date");
        Guard.NotBefore(input.DecidedOn, NotifiedOn, nameof(DecisionInput.DecidedOn), "The decision cannot be dated before the death was notified.");
        Guard.NotAfter(input.DecidedOn, UkTime.DateOf(nowUtc), nameof(DecisionInput.DecidedOn), "The decision cannot be dated in the future.");
        var rationale = Guard.Required(input.Rationale, TextLimits.LongText, nameof(DecisionInput.Rationale), "The rationale");
        var minimum = input.Outcome == DecisionOutcome.DoNotCommission
            ? DecisionInput.MinimumRationaleForNotCommissioning
            : DecisionInput.MinimumRationale;
        if (rationale.Length < minimum)
        {
            throw new DomainException(
                input.Outcome == DecisionOutcome.DoNotCommission
                    ? $"A decision not to commission is checked by the Home Office QA panel: explain it in at least {minimum} characters, against each criterion."
                    : $"Explain the decision in at least {minimum} characters.",
                nameof(DecisionInput.Rationale));
        }

        string? jointReference = null;
        if (input.Outcome == DecisionOutcome.JointReview)
        {
            if (input.JointWith is null)
            {
                throw new DomainException("Say which review this is joint with.", nameof(DecisionInput.JointWith));
            }

            jointReference = Guard.Required(input.JointReviewReference, TextLimits.Reference, nameof(DecisionInput.JointReviewReference), "The other review's reference");
        }

        if (input.Outcome != DecisionOutcome.DoNotCommission && !(input.VictimAged16OrOver && input.RelationshipCriterionMet && input.DeathFromAbuseCriterionMet))
        {
            throw new DomainException("A review can only be commissioned when every statutory criterion is met. Tick the criteria that apply, or decide not to commission.", nameof(DecisionInput.Outcome));
        }

        if (HomeOfficeNotifiedOn is { } told && input.DecidedOn > told)
        {
            throw new DomainException("The decision cannot be dated after the Home Office was told of it.", nameof(DecisionInput.DecidedOn));
        }

        var decision = new ReviewDecision(input with { Rationale = rationale, JointReviewReference = jointReference }, actor, nowUtc, CurrentDecision?.Id);
        _decisions.Add(decision);
        Record(ReviewStageNumber.Decision, actor, nowUtc);
        return decision;
    }

    public void RecordHomeOfficeNotified(DateOnly notifiedOn, string notifiedBy, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var decision = CurrentDecision ?? throw new DomainException("Record the chair's decision before telling the Home Office of it.");
        Guard.SaneDate(notifiedOn, "NotifiedOn", "Date the Home Office was told");
        Guard.NotBefore(notifiedOn, decision.DecidedOn, "NotifiedOn", "The Home Office cannot be told before the decision was made.");
        NotInFuture(notifiedOn, nowUtc, "NotifiedOn");
        HomeOfficeNotifiedOn = notifiedOn;
        HomeOfficeNotifiedBy = Guard.Required(notifiedBy, TextLimits.Name, "NotifiedBy", "Who told the Home Office");
        Record(ReviewStageNumber.HomeOfficeNotified, actor, nowUtc);
    }

    public void AppointChair(string chairName, string? organisation, DateOnly appointedOn, string? authorName, Actor actor, DateTime nowUtc)
    {
        RequireCommissioned();
        Guard.SaneDate(appointedOn, "AppointedOn", "Date appointed");
        Guard.NotBefore(appointedOn, CurrentDecision!.DecidedOn, "AppointedOn", "The chair cannot be appointed before the decision to commission.");
        NotInFuture(appointedOn, nowUtc, "AppointedOn");
        IndependentChairName = Guard.Required(chairName, TextLimits.Name, "ChairName", "The independent chair's name");
        IndependentChairOrganisation = Guard.Optional(organisation, TextLimits.Name, "Organisation", "Organisation");
        ChairAppointedOn = appointedOn;
        AuthorName = Guard.Optional(authorName, TextLimits.Name, "AuthorName", "Author");
        Record(ReviewStageNumber.ChairAppointed, actor, nowUtc);
    }

    public PanelMember AddPanelMember(int? agencyId, string name, string panelRole, Actor actor, DateTime nowUtc)
    {
        RequireCommissioned();
        var member = new PanelMember(agencyId, name, panelRole);
        _panel.Add(member);
        Record(ReviewStageNumber.PanelAndTerms, actor, nowUtc);
        return member;
    }

    public void RemovePanelMember(int panelMemberId, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var member = _panel.SingleOrDefault(p => p.Id == panelMemberId)
            ?? throw new DomainException("That panel member is no longer on the panel.");
        _panel.Remove(member);
        Record(ReviewStageNumber.PanelAndTerms, actor, nowUtc);
    }

    public void AgreeTermsOfReference(DateOnly agreedOn, DateOnly periodFrom, DateOnly periodTo, string? summary, Actor actor, DateTime nowUtc)
    {
        RequireCommissioned();
        Guard.SaneDate(agreedOn, "AgreedOn", "Date agreed");
        Guard.NotBefore(agreedOn, CurrentDecision!.DecidedOn, "AgreedOn", "Terms of reference cannot be agreed before the decision to commission.");
        NotInFuture(agreedOn, nowUtc, "AgreedOn");
        Guard.SaneDate(periodFrom, "PeriodFrom", "Start of the period under review");
        Guard.NotAfter(periodFrom, periodTo, "PeriodTo", "The period under review must end after it starts.");
        Guard.NotAfter(periodTo, DateOfDeath, "PeriodTo", "The period under review cannot end after the date of death.");
        TermsOfReferenceAgreedOn = agreedOn;
        PeriodUnderReviewFrom = periodFrom;
        PeriodUnderReviewTo = periodTo;
        TermsOfReferenceSummary = Guard.Optional(summary, TextLimits.LongText, "Summary", "Terms of reference");
        Record(ReviewStageNumber.PanelAndTerms, actor, nowUtc);
    }

    public AgencyReport RequestAgencyReport(int agencyId, AgencyReportKind kind, DateOnly requestedOn, DateOnly dueOn, Actor actor, DateTime nowUtc)
    {
        RequireCommissioned();
        Guard.SaneDate(requestedOn, "RequestedOn", "Date requested");
        NotInFuture(requestedOn, nowUtc, "RequestedOn");
        Guard.NotBefore(requestedOn, CurrentDecision!.DecidedOn, "RequestedOn", "Agency reports cannot be requested before the decision to commission.");
        Guard.NotBefore(dueOn, requestedOn.AddDays(1), "DueOn", "The due date must be after the request.");
        if (_agencyReports.Any(r => r.AgencyId == agencyId && r.Kind == kind))
        {
            throw new DomainException("That agency has already been asked for this report.", "AgencyId");
        }

        var report = new AgencyReport(agencyId, kind, requestedOn, dueOn);
        _agencyReports.Add(report);
        Record(ReviewStageNumber.AgencyReports, actor, nowUtc);
        return report;
    }

    public void RecordAgencyReportReceived(int reportId, DateOnly receivedOn, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var report = FindAgencyReport(reportId);
        NotInFuture(receivedOn, nowUtc, "ReceivedOn");
        report.MarkReceived(receivedOn, actor);
        Record(ReviewStageNumber.AgencyReports, actor, nowUtc);
    }

    /// <summary>An agency asked for more time, or the date was entered wrongly.</summary>
    public void ChangeAgencyReportDueDate(int reportId, DateOnly dueOn, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var report = FindAgencyReport(reportId);
        Guard.SaneDate(dueOn, "DueOn", "Due date");
        report.ChangeDueDate(dueOn);
        Record(ReviewStageNumber.AgencyReports, actor, nowUtc);
    }

    /// <summary>A request made in error. A report already received stays on the record.</summary>
    public void WithdrawAgencyReportRequest(int reportId, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var report = FindAgencyReport(reportId);
        if (!report.IsOutstanding)
        {
            throw new DomainException("A report already received stays on the record: correct the date it was received instead.");
        }

        _agencyReports.Remove(report);
        Record(ReviewStageNumber.AgencyReports, actor, nowUtc);
    }

    private AgencyReport FindAgencyReport(int reportId) =>
        _agencyReports.SingleOrDefault(r => r.Id == reportId)
        ?? throw new DomainException("That report request no longer exists.");

    public FamilyContact RecordFamilyContact(string description, DateOnly offeredOn, FamilyResponse response, DateOnly? respondedOn, string? advocacy, string? notes, Actor actor, DateTime nowUtc)
    {
        RequireCommissioned();
        Guard.SaneDate(offeredOn, "ContactOfferedOn", "Date contact offered");
        NotInFuture(offeredOn, nowUtc, "ContactOfferedOn");
        NotInFuture(respondedOn, nowUtc, "RespondedOn");
        var contact = new FamilyContact(description, offeredOn, response, respondedOn, advocacy, notes);
        _familyContacts.Add(contact);
        Record(ReviewStageNumber.Family, actor, nowUtc);
        return contact;
    }

    public void UpdateFamilyContact(int contactId, FamilyResponse response, DateOnly? respondedOn, string? advocacy, string? notes, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var contact = _familyContacts.SingleOrDefault(c => c.Id == contactId)
            ?? throw new DomainException("That contact no longer exists.");
        NotInFuture(respondedOn, nowUtc, "RespondedOn");
        contact.Update(response, respondedOn, advocacy, notes);
        Record(ReviewStageNumber.Family, actor, nowUtc);
    }

    public ReviewPause Pause(PauseReason reason, DateOnly startedOn, string? notes, DateOnly? homeOfficeToldOn, Actor actor, DateTime nowUtc)
    {
        RequireCommissioned();
        if (IsPaused)
        {
            throw new DomainException("The review is already paused. End that pause first, or add this reason to its notes.", "Reason");
        }

        CheckPause(reason, startedOn, null, notes, homeOfficeToldOn, nowUtc);
        // A new pause stays open, so it overlaps every pause that ends on or after its start.
        if (_pauses.Any(p => p.EndedOn is { } end && startedOn <= end))
        {
            throw new DomainException("This pause would overlap an earlier one: start it after the last pause ended.", "StartedOn");
        }

        var pause = new ReviewPause(reason, startedOn, notes, homeOfficeToldOn);
        _pauses.Add(pause);
        Record(ReviewStageNumber.ParallelProceedings, actor, nowUtc);
        return pause;
    }

    public void EndPause(int pauseId, DateOnly endedOn, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var pause = _pauses.SingleOrDefault(p => p.Id == pauseId && p.IsOpen)
            ?? throw new DomainException("That pause has already ended.");
        NotInFuture(endedOn, nowUtc, "EndedOn");
        pause.End(endedOn);
        Record(ReviewStageNumber.ParallelProceedings, actor, nowUtc);
    }

    /// <summary>Corrects a pause recorded wrongly: its reason, dates or notes. The paused days follow.</summary>
    public void CorrectPause(int pauseId, PauseReason reason, DateOnly startedOn, DateOnly? endedOn, string? notes, DateOnly? homeOfficeToldOn, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var pause = _pauses.SingleOrDefault(p => p.Id == pauseId)
            ?? throw new DomainException("That pause no longer exists.");
        CheckPause(reason, startedOn, endedOn, notes, homeOfficeToldOn, nowUtc);
        var others = _pauses.Where(p => p != pause).ToList();
        if (endedOn is null && others.Any(p => p.IsOpen))
        {
            throw new DomainException("Another pause is still open: only one pause can be open at a time. Give this one an end date.", "EndedOn");
        }

        if (others.Any(p => startedOn <= (p.EndedOn ?? DateOnly.MaxValue) && p.StartedOn <= (endedOn ?? DateOnly.MaxValue)))
        {
            throw new DomainException("These dates would overlap another pause: paused days are counted once.", "StartedOn");
        }

        pause.Correct(reason, startedOn, endedOn, notes, homeOfficeToldOn);
        Record(ReviewStageNumber.ParallelProceedings, actor, nowUtc);
    }

    private void CheckPause(PauseReason reason, DateOnly startedOn, DateOnly? endedOn, string? notes, DateOnly? homeOfficeToldOn, DateTime nowUtc)
    {
        Guard.SaneDate(startedOn, "StartedOn", "Pause start");
        Guard.NotBefore(startedOn, CurrentDecision!.DecidedOn, "StartedOn", "A pause cannot start before the decision to commission.");
        NotInFuture(startedOn, nowUtc, "StartedOn");
        Guard.NotBefore(endedOn, startedOn, "EndedOn", "A pause cannot end before it started.");
        NotInFuture(endedOn, nowUtc, "EndedOn");
        Guard.NotBefore(homeOfficeToldOn, startedOn, "HomeOfficeToldOn", "The Home Office cannot be told of a pause before it started.");
        NotInFuture(homeOfficeToldOn, nowUtc, "HomeOfficeToldOn");
        if (reason == PauseReason.Other && string.IsNullOrWhiteSpace(notes))
        {
            throw new DomainException("Say in the notes which proceedings the review is paused for.", "Notes");
        }
    }

    public void RecordOverviewReport(DateOnly? draftedOn, DateOnly? panelSignedOffOn, DateOnly? cspSignedOffOn, Actor actor, DateTime nowUtc)
    {
        RequireCommissioned();
        Guard.SaneDate(draftedOn, "DraftedOn", "Draft date");
        Guard.NotBefore(draftedOn, CurrentDecision!.DecidedOn, "DraftedOn", "The report cannot be drafted before the review was commissioned.");
        if (panelSignedOffOn is not null && draftedOn is null)
        {
            throw new DomainException("Record the draft before the panel signs it off.", "PanelSignedOffOn");
        }

        if (cspSignedOffOn is not null && panelSignedOffOn is null)
        {
            throw new DomainException("The panel signs the report off before the CSP does.", "CspSignedOffOn");
        }

        Guard.NotBefore(panelSignedOffOn, draftedOn, "PanelSignedOffOn", "The panel cannot sign off before the draft.");
        Guard.NotBefore(cspSignedOffOn, panelSignedOffOn, "CspSignedOffOn", "The CSP cannot sign off before the panel.");
        NotInFuture(draftedOn, nowUtc, "DraftedOn");
        NotInFuture(panelSignedOffOn, nowUtc, "PanelSignedOffOn");
        NotInFuture(cspSignedOffOn, nowUtc, "CspSignedOffOn");
        OverviewDraftedOn = draftedOn;
        PanelSignedOffOn = panelSignedOffOn;
        CspSignedOffOn = cspSignedOffOn;
        Record(ReviewStageNumber.OverviewReport, actor, nowUtc);
    }

    public QaSubmission SubmitToQualityAssurance(DateOnly submittedOn, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        if (CspSignedOffOn is null)
        {
            throw new DomainException("The CSP signs the overview report off before it goes to the Home Office QA panel.", "SubmittedOn");
        }

        Guard.NotBefore(submittedOn, CspSignedOffOn, "SubmittedOn", "The report cannot be submitted before the CSP signed it off.");
        NotInFuture(submittedOn, nowUtc, "SubmittedOn");
        var latest = LatestQaSubmission;
        if (latest is not null && latest.Outcome != QaOutcome.Resubmit)
        {
            throw new DomainException(latest.Outcome is null
                ? "The last submission is still with the QA panel. Record its outcome first."
                : "The QA panel has already cleared the report for publication.", "SubmittedOn");
        }

        Guard.NotBefore(submittedOn, latest?.FeedbackLetterOn, "SubmittedOn", "A resubmission cannot be dated before the letter asking for it.");
        var submission = new QaSubmission(submittedOn);
        _qaSubmissions.Add(submission);
        Record(ReviewStageNumber.QualityAssurance, actor, nowUtc);
        return submission;
    }

    public void RecordQaPanel(int submissionId, DateOnly? panelMeetingOn, DateOnly? feedbackLetterOn, QaOutcome? outcome, string? feedbackSummary, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var submission = _qaSubmissions.SingleOrDefault(q => q.Id == submissionId)
            ?? throw new DomainException("That submission no longer exists.");
        NotInFuture(panelMeetingOn, nowUtc, "PanelMeetingOn");
        NotInFuture(feedbackLetterOn, nowUtc, "FeedbackLetterOn");
        if (PublishedOn is not null && outcome != submission.Outcome)
        {
            throw new DomainException("The review is published: its QA outcome can no longer change.", "Outcome");
        }

        submission.RecordPanel(panelMeetingOn, feedbackLetterOn, outcome, feedbackSummary);
        Record(ReviewStageNumber.QualityAssurance, actor, nowUtc);
    }

    public void Publish(DateOnly publishedOn, string where, DateOnly? commissionerCopySentOn, DateOnly? secretaryOfStateCopySentOn, Actor actor, DateTime nowUtc)
    {
        RequireNotClosed();
        var latest = LatestQaSubmission;
        if (latest?.Outcome is not (QaOutcome.Publish or QaOutcome.PublishAfterChanges))
        {
            throw new DomainException("A review is published only after the Home Office QA panel clears it.", "PublishedOn");
        }

        Guard.NotBefore(publishedOn, latest.FeedbackLetterOn, "PublishedOn", "Publication cannot be dated before the QA feedback letter.");
        NotInFuture(publishedOn, nowUtc, "PublishedOn");
        Guard.NotBefore(commissionerCopySentOn, publishedOn, "CommissionerCopySentOn", "The copy cannot be sent before publication.");
        Guard.NotBefore(secretaryOfStateCopySentOn, publishedOn, "SecretaryOfStateCopySentOn", "The copy cannot be sent before publication.");
        NotInFuture(commissionerCopySentOn, nowUtc, "CommissionerCopySentOn");
        NotInFuture(secretaryOfStateCopySentOn, nowUtc, "SecretaryOfStateCopySentOn");
        if (secretaryOfStateCopySentOn is not null && Kind != ReviewKind.Dardr)
        {
            throw new DomainException("Only a DARDR is copied to the Secretary of State.", "SecretaryOfStateCopySentOn");
        }

        PublishedOn = publishedOn;
        PublishedWhere = Guard.Required(where, TextLimits.ShortText, "PublishedWhere", "Where it was published");
        CommissionerCopySentOn = commissionerCopySentOn;
        SecretaryOfStateCopySentOn = secretaryOfStateCopySentOn;
        Record(ReviewStageNumber.Publication, actor, nowUtc);
    }

    /// <summary>The CSP agrees the action plan is delivered. The caller checks every action is complete.</summary>
    public void Close(DateOnly closedOn, string? note, bool allActionsComplete, Actor actor, DateTime nowUtc)
    {
        if (ClosedOn is not null)
        {
            throw new DomainException("The review is already closed.", "ClosedOn");
        }

        var notCommissioned = CurrentDecision is { CommissionsAReview: false };
        if (!notCommissioned && PublishedOn is null)
        {
            throw new DomainException("A commissioned review closes after publication, once its action plan is delivered.", "ClosedOn");
        }

        if (!notCommissioned && !allActionsComplete)
        {
            throw new DomainException("Every action must be complete, with its evidence accepted, before the review closes.", "ClosedOn");
        }

        if (notCommissioned && HomeOfficeNotifiedOn is null)
        {
            throw new DomainException("Tell the Home Office of the decision not to commission before closing the case.", "ClosedOn");
        }

        CheckClosureDate(closedOn, nowUtc);
        var trimmed = Guard.Optional(note, TextLimits.Reason, "ClosureNote", "Closure note");
        ClosedOn = closedOn;
        ClosureNote = trimmed;
        Record(ReviewStageNumber.Closure, actor, nowUtc);
    }

    /// <summary>Corrects the date or note of a closure; the review stays closed.</summary>
    public void CorrectClosure(DateOnly closedOn, string? note, Actor actor, DateTime nowUtc)
    {
        if (ClosedOn is null)
        {
            throw new DomainException("The review is not closed.", "ClosedOn");
        }

        CheckClosureDate(closedOn, nowUtc);
        var trimmed = Guard.Optional(note, TextLimits.Reason, "ClosureNote", "Closure note");
        ClosedOn = closedOn;
        ClosureNote = trimmed;
        Record(ReviewStageNumber.Closure, actor, nowUtc);
    }

    private void CheckClosureDate(DateOnly closedOn, DateTime nowUtc)
    {
        var notCommissioned = CurrentDecision is { CommissionsAReview: false };
        Guard.SaneDate(closedOn, "ClosedOn", "Date closed");
        Guard.NotBefore(closedOn, PublishedOn ?? HomeOfficeNotifiedOn, "ClosedOn", notCommissioned
            ? "The case cannot close before the Home Office was told of the decision."
            : "The review cannot close before it was published.");
        NotInFuture(closedOn, nowUtc, "ClosedOn");
    }

    /// <summary>Where the review stands now, from what has been recorded.</summary>
    public ReviewStage Stage
    {
        get
        {
            var decision = CurrentDecision;
            if (ClosedOn is not null)
            {
                return ReviewStage.Closed;
            }

            if (decision is null)
            {
                return ReviewStage.AwaitingDecision;
            }

            if (!decision.CommissionsAReview)
            {
                return ReviewStage.NotCommissioned;
            }

            if (PublishedOn is not null)
            {
                return ReviewStage.ActionPlanDelivery;
            }

            if (LatestQaSubmission is { } qa)
            {
                return qa.Outcome switch
                {
                    QaOutcome.Publish or QaOutcome.PublishAfterChanges => ReviewStage.Publication,
                    QaOutcome.Resubmit => ReviewStage.OverviewReport,
                    _ => ReviewStage.QualityAssurance,
                };
            }

            if (OverviewDraftedOn is not null)
            {
                return ReviewStage.OverviewReport;
            }

            if (TermsOfReferenceAgreedOn is not null)
            {
                return ReviewStage.UnderReview;
            }

            return ChairAppointedOn is null ? ReviewStage.ChairToBeAppointed : ReviewStage.PanelAndTerms;
        }
    }

    private void RequireCommissioned()
    {
        if (!IsCommissioned)
        {
            throw new DomainException("This can only be recorded once the chair has decided to commission a review.");
        }

        RequireNotClosed();
    }

    private void RequireNotClosed()
    {
        if (ClosedOn is not null)
        {
            throw new DomainException("The review is closed.");
        }
    }

    private static void NotInFuture(DateOnly? date, DateTime nowUtc, string field) =>
        Guard.NotAfter(date, UkTime.DateOf(nowUtc), field, "This date cannot be in the future.");

    private void Record(int stage, Actor actor, DateTime nowUtc)
    {
        var record = _stageRecords.SingleOrDefault(s => s.Stage == stage);
        if (record is null)
        {
            _stageRecords.Add(new StageRecord(stage, actor, nowUtc));
        }
        else
        {
            record.Touch(actor, nowUtc);
        }
    }

    /// <summary>
    /// The review as it stood at the end of <paramref name="date"/>: everything dated after it left out (a later
    /// decision, a report received later, a pause that ended later is still open, a QA letter not yet sent). A
    /// detached copy for reading only — what a closed quarter's paper shows of the review, whatever happened since.
    /// </summary>
    public Review AsAt(DateOnly date)
    {
        static bool By(DateOnly? d, DateOnly limit) => d is { } v && v <= limit;
        var copy = new Review
        {
            Id = Id,
            PartnershipId = PartnershipId,
            Reference = Reference,
            Kind = Kind,
            CreatedAtUtc = CreatedAtUtc,
            Version = Version,
            NotifiedOn = NotifiedOn,
            NotifyingAgencyId = NotifyingAgencyId,
            DateOfDeath = DateOfDeath,
            VictimPseudonym = VictimPseudonym,
            VictimAge = VictimAge,
            PerpetratorPseudonym = PerpetratorPseudonym,
            PerpetratorAge = PerpetratorAge,
            Relationship = Relationship,
            Circumstances = Circumstances,
        };
        copy._decisions.AddRange(_decisions.Where(d => d.DecidedOn <= date));
        if (By(HomeOfficeNotifiedOn, date))
        {
            copy.HomeOfficeNotifiedOn = HomeOfficeNotifiedOn;
            copy.HomeOfficeNotifiedBy = HomeOfficeNotifiedBy;
        }

        if (By(ChairAppointedOn, date))
        {
            copy.IndependentChairName = IndependentChairName;
            copy.IndependentChairOrganisation = IndependentChairOrganisation;
            copy.ChairAppointedOn = ChairAppointedOn;
            copy.AuthorName = AuthorName;
            copy._panel.AddRange(_panel);
        }

        if (By(TermsOfReferenceAgreedOn, date))
        {
            copy.TermsOfReferenceAgreedOn = TermsOfReferenceAgreedOn;
            copy.PeriodUnderReviewFrom = PeriodUnderReviewFrom;
            copy.PeriodUnderReviewTo = PeriodUnderReviewTo;
            copy.TermsOfReferenceSummary = TermsOfReferenceSummary;
        }

        copy._agencyReports.AddRange(_agencyReports.Where(r => r.RequestedOn <= date).Select(r => r.AsAt(date)));
        copy._familyContacts.AddRange(_familyContacts.Where(c => c.ContactOfferedOn <= date).Select(c => c.AsAt(date)));
        copy._pauses.AddRange(_pauses.Where(p => p.StartedOn <= date).Select(p => p.AsAt(date)));
        copy.OverviewDraftedOn = By(OverviewDraftedOn, date) ? OverviewDraftedOn : null;
        copy.PanelSignedOffOn = By(PanelSignedOffOn, date) ? PanelSignedOffOn : null;
        copy.CspSignedOffOn = By(CspSignedOffOn, date) ? CspSignedOffOn : null;
        copy._qaSubmissions.AddRange(_qaSubmissions.Where(q => q.SubmittedOn <= date).Select(q => q.AsAt(date)));
        if (By(PublishedOn, date))
        {
            copy.PublishedOn = PublishedOn;
            copy.PublishedWhere = PublishedWhere;
            copy.CommissionerCopySentOn = By(CommissionerCopySentOn, date) ? CommissionerCopySentOn : null;
            copy.SecretaryOfStateCopySentOn = By(SecretaryOfStateCopySentOn, date) ? SecretaryOfStateCopySentOn : null;
        }

        if (By(ClosedOn, date))
        {
            copy.ClosedOn = ClosedOn;
            copy.ClosureNote = ClosureNote;
        }

        copy._stageRecords.AddRange(_stageRecords.Where(r => UkTime.DateOf(r.RecordedAtUtc) <= date));
        return copy;
    }

}

public sealed record NotificationInput(
    ReviewKind Kind,
    DateOnly NotifiedOn,
    int? NotifyingAgencyId,
    DateOnly DateOfDeath,
    string VictimPseudonym,
    int? VictimAge,
    string? PerpetratorPseudonym,
    int? PerpetratorAge,
    Relationship Relationship,
    string Circumstances);

/// <summary>The 12 stages of DOMAIN.md, numbered as there.</summary>
public static class ReviewStageNumber
{
    public const int Notification = 1;
    public const int Decision = 2;
    public const int HomeOfficeNotified = 3;
    public const int ChairAppointed = 4;
    public const int PanelAndTerms = 5;
    public const int AgencyReports = 6;
    public const int Family = 7;
    public const int ParallelProceedings = 8;
    public const int OverviewReport = 9;
    public const int QualityAssurance = 10;
    public const int Publication = 11;
    public const int Closure = 12;

    public static string Title(int stage) => stage switch
    {
        Notification => "Death notified to the CSP",
        Decision => "Decision by the CSP chair",
        HomeOfficeNotified => "Home Office told of the decision",
        ChairAppointed => "Independent chair appointed",
        PanelAndTerms => "Review panel and terms of reference",
        AgencyReports => "Agency reports (IMRs) and chronologies",
        Family => "Family, friends and colleagues",
        ParallelProceedings => "Parallel proceedings",
        OverviewReport => "Overview report and executive summary",
        QualityAssurance => "Home Office Quality Assurance panel",
        Publication => "Publication",
        Closure => "Action plan delivery and closure",
        _ => $"Stage {stage}",
    };
}
