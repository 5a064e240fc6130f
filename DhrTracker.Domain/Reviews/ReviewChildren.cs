using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Reviews;

/// <summary>
/// One decision by the CSP chair. Decisions are never overwritten: a correction is a new decision that
/// names the one it corrects, so the history shows both.
/// </summary>
public class ReviewDecision : Entity
{
    protected ReviewDecision()
    {
        Rationale = string.Empty;
        DecidedByName = string.Empty;
    }

    internal ReviewDecision(DecisionInput input, Actor actor, DateTime nowUtc, int? correctsDecisionId)
    {
        VictimAged16OrOver = input.VictimAged16OrOver;
        RelationshipCriterionMet = input.RelationshipCriterionMet;
        DeathFromAbuseCriterionMet = input.DeathFromAbuseCriterionMet;
        Outcome = input.Outcome;
        JointWith = input.Outcome == DecisionOutcome.JointReview ? input.JointWith : null;
        JointReviewReference = input.Outcome == DecisionOutcome.JointReview ? input.JointReviewReference : null;
        Rationale = input.Rationale;
        DecidedOn = input.DecidedOn;
        DecidedByUserId = actor.UserId;
        DecidedByName = actor.Name;
        RecordedAtUtc = nowUtc;
        CorrectsDecisionId = correctsDecisionId;
    }

    public int ReviewId { get; private set; }
    public bool VictimAged16OrOver { get; private set; }
    public bool RelationshipCriterionMet { get; private set; }
    public bool DeathFromAbuseCriterionMet { get; private set; }
    public DecisionOutcome Outcome { get; private set; }
    public JointReviewType? JointWith { get; private set; }
    public string? JointReviewReference { get; private set; }
    public string Rationale { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public int DecidedByUserId { get; private set; }
    public string DecidedByName { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public int? CorrectsDecisionId { get; private set; }

    public bool AllCriteriaMet => VictimAged16OrOver && RelationshipCriterionMet && DeathFromAbuseCriterionMet;
    public bool CommissionsAReview => Outcome != DecisionOutcome.DoNotCommission;
}

/// <summary>What the chair submits when deciding.</summary>
public sealed record DecisionInput(
    bool VictimAged16OrOver,
    bool RelationshipCriterionMet,
    bool DeathFromAbuseCriterionMet,
    DecisionOutcome Outcome,
    JointReviewType? JointWith,
    string? JointReviewReference,
    string Rationale,
    DateOnly DecidedOn)
{
    /// <summary>A decision not to review is checked by the Home Office QA panel, so it must be argued fully.</summary>
    public const int MinimumRationaleForNotCommissioning = 100;
    public const int MinimumRationale = 20;
}

public class PanelMember : Entity
{
    protected PanelMember()
    {
        Name = string.Empty;
        PanelRole = string.Empty;
    }

    internal PanelMember(int? agencyId, string name, string panelRole)
    {
        AgencyId = agencyId;
        Name = Guard.Required(name, TextLimits.Name, nameof(Name), "Panel member's name");
        PanelRole = Guard.Required(panelRole, TextLimits.ShortText, nameof(PanelRole), "Role on the panel");
    }

    public int ReviewId { get; private set; }
    public int? AgencyId { get; private set; }
    public string Name { get; private set; }
    public string PanelRole { get; private set; }
}

/// <summary>An agency's own report to the panel (IMR), chronology or summary: requested, due, received.</summary>
public class AgencyReport : Entity
{
    protected AgencyReport()
    {
    }

    internal AgencyReport(int agencyId, AgencyReportKind kind, DateOnly requestedOn, DateOnly dueOn)
    {
        AgencyId = agencyId;
        Kind = kind;
        RequestedOn = requestedOn;
        DueOn = dueOn;
    }

    public int ReviewId { get; private set; }
    public int AgencyId { get; private set; }
    public AgencyReportKind Kind { get; private set; }
    public DateOnly RequestedOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? ReceivedOn { get; private set; }
    public string? ReceivedRecordedBy { get; private set; }

    public bool IsOutstanding => ReceivedOn is null;

    internal AgencyReport AsAt(DateOnly date)
    {
        var copy = (AgencyReport)MemberwiseClone();
        if (ReceivedOn > date)
        {
            copy.ReceivedOn = null;
            copy.ReceivedRecordedBy = null;
        }

        return copy;
    }

    internal void MarkReceived(DateOnly receivedOn, Actor actor)
    {
        Guard.NotBefore(receivedOn, RequestedOn, nameof(ReceivedOn), "The report cannot be received before it was requested.");
        ReceivedOn = receivedOn;
        ReceivedRecordedBy = actor.Name;
    }

    internal void ChangeDueDate(DateOnly dueOn)
    {
        Guard.NotBefore(dueOn, RequestedOn.AddDays(1), nameof(DueOn), "The due date must be after the request.");
        DueOn = dueOn;
    }
}

/// <summary>Contact with family, friends or colleagues, described without real names ("Sister of Adult A").</summary>
public class FamilyContact : Entity
{
    protected FamilyContact()
    {
        Description = string.Empty;
    }

    internal FamilyContact(string description, DateOnly contactOfferedOn, FamilyResponse response, DateOnly? respondedOn, string? advocacy, string? notes)
    {
        Description = Guard.Required(description, TextLimits.ShortText, nameof(Description), "Who was contacted");
        ContactOfferedOn = contactOfferedOn;
        Update(response, respondedOn, advocacy, notes);
    }

    public int ReviewId { get; private set; }
    public string Description { get; private set; }
    public DateOnly ContactOfferedOn { get; private set; }
    public FamilyResponse Response { get; private set; }
    public DateOnly? RespondedOn { get; private set; }
    public string? Advocacy { get; private set; }
    public string? Notes { get; private set; }

    internal FamilyContact AsAt(DateOnly date)
    {
        var copy = (FamilyContact)MemberwiseClone();
        if (RespondedOn > date)
        {
            copy.Response = FamilyResponse.AwaitingResponse;
            copy.RespondedOn = null;
        }

        return copy;
    }

    internal void Update(FamilyResponse response, DateOnly? respondedOn, string? advocacy, string? notes)
    {
        Guard.NotBefore(respondedOn, ContactOfferedOn, nameof(RespondedOn), "A response cannot come before contact was offered.");
        if (response != FamilyResponse.AwaitingResponse && respondedOn is null)
        {
            throw new DomainException("Give the date of the response.", nameof(RespondedOn));
        }

        Response = response;
        RespondedOn = response == FamilyResponse.AwaitingResponse ? null : respondedOn;
        Advocacy = Guard.Optional(advocacy, TextLimits.ShortText, nameof(Advocacy), "Advocacy");
        Notes = Guard.Optional(notes, TextLimits.Narrative, nameof(Notes), "Notes");
    }
}

/// <summary>A pause for parallel proceedings. Paused days push the completion target back.</summary>
public class ReviewPause : Entity
{
    protected ReviewPause()
    {
    }

    internal ReviewPause(PauseReason reason, DateOnly startedOn, string? notes, DateOnly? homeOfficeToldOn)
    {
        Reason = reason;
        StartedOn = startedOn;
        Notes = Guard.Optional(notes, TextLimits.Reason, nameof(Notes), "Notes");
        HomeOfficeToldOn = homeOfficeToldOn;
    }

    public int ReviewId { get; private set; }
    public PauseReason Reason { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? Notes { get; private set; }
    public DateOnly? HomeOfficeToldOn { get; private set; }

    public bool IsOpen => EndedOn is null;

    internal ReviewPause AsAt(DateOnly date)
    {
        var copy = (ReviewPause)MemberwiseClone();
        copy.EndedOn = EndedOn > date ? null : EndedOn;
        copy.HomeOfficeToldOn = HomeOfficeToldOn > date ? null : HomeOfficeToldOn;
        return copy;
    }

    internal void End(DateOnly endedOn)
    {
        Guard.NotBefore(endedOn, StartedOn, nameof(EndedOn), "A pause cannot end before it started.");
        EndedOn = endedOn;
    }

    internal void Correct(PauseReason reason, DateOnly startedOn, DateOnly? endedOn, string? notes, DateOnly? homeOfficeToldOn)
    {
        var trimmed = Guard.Optional(notes, TextLimits.Reason, nameof(Notes), "Notes");
        Reason = reason;
        StartedOn = startedOn;
        EndedOn = endedOn;
        Notes = trimmed;
        HomeOfficeToldOn = homeOfficeToldOn;
    }
}

/// <summary>One submission of the overview report to the Home Office Quality Assurance panel.</summary>
public class QaSubmission : Entity
{
    protected QaSubmission()
    {
    }

    internal QaSubmission(DateOnly submittedOn)
    {
        SubmittedOn = submittedOn;
    }

    public int ReviewId { get; private set; }
    public DateOnly SubmittedOn { get; private set; }
    public DateOnly? PanelMeetingOn { get; private set; }
    public DateOnly? FeedbackLetterOn { get; private set; }
    public QaOutcome? Outcome { get; private set; }

    /// <summary>The letter's "areas for final development", kept with the review.</summary>
    public string? FeedbackSummary { get; private set; }

    internal QaSubmission AsAt(DateOnly date)
    {
        var copy = (QaSubmission)MemberwiseClone();
        if (PanelMeetingOn > date)
        {
            copy.PanelMeetingOn = null;
        }

        if (FeedbackLetterOn > date)
        {
            copy.FeedbackLetterOn = null;
            copy.Outcome = null;
            copy.FeedbackSummary = null;
        }

        return copy;
    }

    internal void RecordPanel(DateOnly? panelMeetingOn, DateOnly? feedbackLetterOn, QaOutcome? outcome, string? feedbackSummary)
    {
        Guard.NotBefore(panelMeetingOn, SubmittedOn, nameof(PanelMeetingOn), "The panel cannot meet before the report was submitted.");
        Guard.NotBefore(feedbackLetterOn, panelMeetingOn ?? SubmittedOn, nameof(FeedbackLetterOn), "The feedback letter cannot be dated before the panel met.");
        if (outcome is not null && feedbackLetterOn is null)
        {
            throw new DomainException("Give the date of the feedback letter that states the outcome.", nameof(FeedbackLetterOn));
        }

        PanelMeetingOn = panelMeetingOn;
        FeedbackLetterOn = feedbackLetterOn;
        Outcome = outcome;
        FeedbackSummary = Guard.Optional(feedbackSummary, TextLimits.LongText, nameof(FeedbackSummary), "Feedback");
    }
}

/// <summary>Who last recorded a stage of the review and when, for the timeline.</summary>
public class StageRecord : Entity
{
    protected StageRecord()
    {
        RecordedByName = string.Empty;
    }

    internal StageRecord(int stage, Actor actor, DateTime nowUtc)
    {
        Stage = stage;
        RecordedByName = actor.Name;
        RecordedAtUtc = nowUtc;
    }

    public int ReviewId { get; private set; }
    public int Stage { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }

    internal void Touch(Actor actor, DateTime nowUtc)
    {
        RecordedByName = actor.Name;
        RecordedAtUtc = nowUtc;
    }
}
