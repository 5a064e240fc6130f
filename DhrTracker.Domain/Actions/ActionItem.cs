using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;

namespace DhrTracker.Domain.Actions;

/// <summary>
/// An action that delivers a recommendation, led by one agency. (Named ActionItem because
/// <see cref="System.Action"/> is in every file's scope.) The original target date is kept as the
/// baseline; a revised one needs a reason and the co-ordinator's approval.
/// </summary>
public class ActionItem : Entity, IPartnershipScoped, IVersioned
{
    private readonly List<Milestone> _milestones = [];
    private readonly List<ProgressUpdate> _updates = [];
    private readonly List<TargetDateRevision> _revisions = [];
    private readonly List<ActionSupportingAgency> _supporting = [];

    protected ActionItem()
    {
        Description = string.Empty;
    }

    public ActionItem(int partnershipId, int reviewId, int recommendationId, ActionDetails details, DateOnly createdOn, int sortOrder)
    {
        PartnershipId = partnershipId;
        ReviewId = reviewId;
        RecommendationId = recommendationId;
        CreatedOn = createdOn;
        SortOrder = sortOrder;
        Description = string.Empty;
        Edit(details);
        OriginalTargetDate = details.TargetDate;
    }

    public int PartnershipId { get; private set; }
    public int ReviewId { get; private set; }
    public int RecommendationId { get; private set; }
    public int SortOrder { get; private set; }
    public string Description { get; private set; }
    public int LeadAgencyId { get; private set; }
    public string? LeadOfficerName { get; private set; }
    public string? OutcomeSought { get; private set; }
    public DateOnly CreatedOn { get; private set; }
    public DateOnly? OriginalTargetDate { get; private set; }
    public DateOnly? TargetDate { get; private set; }

    // Completion: proposed by the lead officer, accepted or returned by the co-ordinator.
    public DateOnly? ProposedCompletionOn { get; private set; }
    public string? ProposedEvidence { get; private set; }
    public string? ProposedByName { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? CompletionEvidence { get; private set; }
    public DateOnly? CompletionAcceptedOn { get; private set; }
    public string? CompletionAcceptedByName { get; private set; }
    public string? LastReturnReason { get; private set; }
    public DateOnly? LastReturnedOn { get; private set; }

    /// <summary>Kept beside the updates so lists can sort and filter by it without reading every update.</summary>
    public DateOnly? LastUpdateOn { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<Milestone> Milestones => _milestones;
    public IReadOnlyList<ProgressUpdate> Updates => _updates;
    public IReadOnlyList<TargetDateRevision> TargetRevisions => _revisions;
    public IReadOnlyList<ActionSupportingAgency> SupportingAgencies => _supporting;

    public bool IsComplete => CompletionAcceptedOn is not null;
    /// <summary>A completion has been proposed and the co-ordinator has not yet accepted it.</summary>
    public bool CompletionAwaitingReview => IsCompletionAwaitingReview(ProposedCompletionOn, CompletionAcceptedOn);

    /// <summary><see cref="CompletionAwaitingReview"/> on the two dates, for read models that hold only those.</summary>
    public static bool IsCompletionAwaitingReview(DateOnly? proposedOn, DateOnly? acceptedOn) => proposedOn is not null && acceptedOn is null;

    /// <summary><see cref="CompletionAwaitingReview"/> as a query filter.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<ActionItem, bool>> AwaitingReview =
        a => a.ProposedCompletionOn != null && a.CompletionAcceptedOn == null;
    public TargetDateRevision? PendingRevision => _revisions.SingleOrDefault(r => r.State == RevisionState.Pending);

    /// <summary>Days the current target lies beyond the original one (the slippage the board sees).</summary>
    public int SlippageDays => Slippage(OriginalTargetDate, TargetDate);

    /// <summary>Days a target lies beyond its baseline; an earlier target is no slippage.</summary>
    public static int Slippage(DateOnly? original, DateOnly? target) =>
        original is { } o && target is { } t ? Math.Max(0, DateMath.DaysBetween(o, t)) : 0;

    public ProgressUpdate? LatestUpdate => _updates.OrderByDescending(u => u.PostedAtUtc).ThenByDescending(u => u.Id).FirstOrDefault();

    public void Edit(ActionDetails details)
    {
        RequireOpen();
        Description = Guard.Required(details.Description, TextLimits.LongText, nameof(ActionDetails.Description), "Action to take");
        LeadAgencyId = details.LeadAgencyId > 0 ? details.LeadAgencyId : throw new DomainException("Choose the lead agency.", nameof(ActionDetails.LeadAgencyId));
        LeadOfficerName = Guard.Optional(details.LeadOfficerName, TextLimits.Name, nameof(ActionDetails.LeadOfficerName), "Lead officer");
        OutcomeSought = Guard.Optional(details.OutcomeSought, TextLimits.Narrative, nameof(ActionDetails.OutcomeSought), "Outcome sought");
        Guard.SaneDate(details.TargetDate, nameof(ActionDetails.TargetDate), "Target date");
        if (OriginalTargetDate is null || _revisions.Count == 0)
        {
            // Before any revision the plan is still being entered: the co-ordinator may set the baseline.
            OriginalTargetDate = details.TargetDate;
            TargetDate = details.TargetDate;
        }

        var supporting = details.SupportingAgencyIds.Where(id => id != LeadAgencyId).Distinct().ToHashSet();
        _supporting.RemoveAll(s => !supporting.Contains(s.AgencyId));
        foreach (var id in supporting.Where(id => _supporting.All(s => s.AgencyId != id)))
        {
            _supporting.Add(new ActionSupportingAgency(id));
        }
    }

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    public Milestone AddMilestone(string description, DateOnly dueOn)
    {
        RequireOpen();
        var milestone = new Milestone(description, Guard.SaneDate(dueOn, "DueOn", "Due date"));
        _milestones.Add(milestone);
        return milestone;
    }

    public void EditMilestone(int milestoneId, string description, DateOnly dueOn)
    {
        RequireOpen();
        FindMilestone(milestoneId).Edit(description, Guard.SaneDate(dueOn, "DueOn", "Due date"));
    }

    /// <summary>Removes a milestone that no longer applies. An achieved one is part of the record and stays.</summary>
    public void RemoveMilestone(int milestoneId)
    {
        RequireOpen();
        var milestone = FindMilestone(milestoneId);
        if (milestone.AchievedOn is { } achieved)
        {
            throw new DomainException($"Milestone '{milestone.Description}' was achieved on {achieved:d MMMM yyyy}: it is part of the record and cannot be removed.");
        }

        _milestones.Remove(milestone);
    }

    /// <summary>Whether anything has been delivered or asked for on this action (updates, achievements, completion, revisions).</summary>
    public bool HasRecordedProgress =>
        _updates.Count > 0 || _milestones.Any(m => m.AchievedOn is not null) || _revisions.Count > 0
        || ProposedCompletionOn is not null || IsComplete || LastReturnReason is not null;

    /// <summary>
    /// An action entered by mistake may be removed while nothing has happened on it; once progress is recorded
    /// it is history, and removing it would lose what the lead agency reported.
    /// </summary>
    public void EnsureCanBeRemoved()
    {
        if (HasRecordedProgress)
        {
            throw new DomainException("This action has progress recorded (updates, milestones achieved, a completion or a revised date), so it cannot be removed. Edit it instead.");
        }
    }

    public void MarkMilestoneAchieved(int milestoneId, DateOnly achievedOn, DateOnly today)
    {
        RequireOpen();
        Guard.NotAfter(achievedOn, today, "AchievedOn", "A milestone cannot be achieved in the future.");
        Guard.NotBefore(achievedOn, CreatedOn.AddYears(-5), "AchievedOn", "That date is long before the action was set.");
        FindMilestone(milestoneId).MarkAchieved(achievedOn);
    }

    /// <summary>
    /// Appends a progress update. The officer's own assessment may be worse than the dates say (with a
    /// reason), never better, and never Blue: only the co-ordinator's acceptance makes an action complete.
    /// </summary>
    public ProgressUpdate PostUpdate(string narrative, Rag? assessment, string? assessmentReason, Actor actor, DateTime nowUtc, StatusThresholds thresholds)
    {
        RequireOpen();
        var today = UkTime.DateOf(nowUtc);
        var text = Guard.Required(narrative, TextLimits.Narrative, "Narrative", "The update");
        var reason = Guard.Optional(assessmentReason, TextLimits.Reason, "AssessmentReason", "Reason for the rating");
        if (assessment is { } rated)
        {
            if (rated == Rag.Blue)
            {
                throw new DomainException("An action becomes Blue when the co-ordinator accepts the completion evidence. Propose completion instead.", "Assessment");
            }

            var fromDates = ActionStatus.FromDates(StatusFacts() with { LastUpdateOn = today }, today, thresholds);
            if (rated < fromDates.Status)
            {
                throw new DomainException($"You can rate an action worse than its dates say, never better. The dates say {fromDates.Status}: {fromDates.Reason}.", "Assessment");
            }

            if (rated > fromDates.Status && reason is null)
            {
                throw new DomainException($"Say why you rate it {rated} when the dates say {fromDates.Status}.", "AssessmentReason");
            }
        }

        var update = new ProgressUpdate(actor, nowUtc, text, assessment, reason);
        _updates.Add(update);
        LastUpdateOn = today;
        return update;
    }

    public void ProposeCompletion(DateOnly completedOn, string evidence, Actor actor, DateOnly today)
    {
        RequireOpen();
        if (CompletionAwaitingReview)
        {
            throw new DomainException("Completion has already been proposed and is waiting for the co-ordinator's decision.");
        }

        Guard.NotAfter(completedOn, today, "CompletedOn", "The completion date cannot be in the future.");
        Guard.NotBefore(completedOn, CreatedOn, "CompletedOn", "The action cannot be completed before it was set.");
        if (_milestones.Any(m => m.AchievedOn is null))
        {
            throw new DomainException("Mark every milestone achieved (or ask the co-ordinator to remove one that no longer applies) before proposing completion.", "CompletedOn");
        }

        ProposedCompletionOn = completedOn;
        ProposedEvidence = Guard.Required(evidence, TextLimits.Narrative, "Evidence", "Evidence of the outcome");
        ProposedByName = actor.Name;
    }

    public void AcceptCompletion(Actor actor, DateOnly today)
    {
        if (!CompletionAwaitingReview)
        {
            throw new DomainException("There is no completion proposal waiting for review on this action.");
        }

        CompletedOn = ProposedCompletionOn;
        CompletionEvidence = ProposedEvidence;
        CompletionAcceptedOn = today;
        CompletionAcceptedByName = actor.Name;
        LastReturnReason = null;
    }

    public void ReturnCompletion(string reason, DateOnly today)
    {
        if (!CompletionAwaitingReview)
        {
            throw new DomainException("There is no completion proposal waiting for review on this action.");
        }

        LastReturnReason = Guard.Required(reason, TextLimits.Reason, "Reason", "The reason for returning it");
        LastReturnedOn = today;
        ProposedCompletionOn = null;
        ProposedEvidence = null;
        ProposedByName = null;
    }

    /// <summary>For bringing in a plan that was delivered before the tracker existed (imports, demo data).</summary>
    public void RecordHistoricCompletion(DateOnly completedOn, string evidence, Actor acceptedBy, DateOnly acceptedOn)
    {
        ProposedCompletionOn = completedOn;
        ProposedEvidence = Guard.Required(evidence, TextLimits.Narrative, "Evidence", "Evidence of the outcome");
        ProposedByName = acceptedBy.Name;
        AcceptCompletion(acceptedBy, acceptedOn);
    }

    public TargetDateRevision RequestTargetRevision(DateOnly requestedDate, string reason, Actor actor, DateTime nowUtc)
    {
        RequireOpen();
        if (PendingRevision is not null)
        {
            throw new DomainException("A revised target date is already waiting for the co-ordinator's decision.", "RequestedDate");
        }

        Guard.SaneDate(requestedDate, "RequestedDate", "Revised target date");
        Guard.NotBefore(requestedDate, UkTime.DateOf(nowUtc).AddDays(1), "RequestedDate", "A revised target date must be in the future.");
        if (requestedDate == TargetDate)
        {
            throw new DomainException("That is already the target date.", "RequestedDate");
        }

        var revision = new TargetDateRevision(TargetDate, requestedDate, Guard.Required(reason, TextLimits.Reason, "Reason", "The reason"), actor, nowUtc);
        _revisions.Add(revision);
        return revision;
    }

    public void DecideTargetRevision(int revisionId, bool approve, string? note, Actor actor, DateTime nowUtc)
    {
        RequireOpen();
        var revision = _revisions.SingleOrDefault(r => r.Id == revisionId && r.State == RevisionState.Pending)
            ?? throw new DomainException("That request has already been decided.");
        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Say why the revised date is refused.", "Note");
        }

        revision.Decide(approve, Guard.Optional(note, TextLimits.Reason, "Note", "Note"), actor, nowUtc);
        if (approve)
        {
            TargetDate = revision.RequestedDate;
        }
    }

    public ActionStatusFacts StatusFacts()
    {
        var latest = LatestUpdate;
        return new ActionStatusFacts(
            CreatedOn,
            TargetDate,
            CompletionAcceptedOn,
            _milestones.Select(m => new MilestoneFact(m.Description, m.DueOn, m.AchievedOn)).ToList(),
            LastUpdateOn,
            latest?.Assessment,
            latest?.AssessmentReason);
    }

    public StatusAssessment Status(DateOnly today, StatusThresholds thresholds) => ActionStatus.Derive(StatusFacts(), today, thresholds);

    /// <summary>The latest update posted on or before <paramref name="asOf"/> (UK date), or null.</summary>
    public ProgressUpdate? LatestUpdateAsOf(DateOnly asOf) =>
        _updates.Where(u => UkTime.DateOf(u.PostedAtUtc) <= asOf).OrderBy(u => u.PostedAtUtc).ThenBy(u => u.Id).LastOrDefault();

    /// <summary>The target date as it stood on <paramref name="asOf"/>: revisions approved later are undone.</summary>
    public DateOnly? TargetDateAsOf(DateOnly asOf)
    {
        var target = TargetDate;
        foreach (var revision in _revisions
                     .Where(r => r.State == RevisionState.Approved && r.DecidedAtUtc is { } d && UkTime.DateOf(d) > asOf)
                     .OrderByDescending(r => r.DecidedAtUtc))
        {
            target = revision.PreviousDate;
        }

        return target;
    }

    /// <summary>
    /// The facts as they stood on <paramref name="asOf"/>: later updates, achievements, acceptances and approved
    /// revisions left out. What a quarter closed on that day would have frozen.
    /// </summary>
    public ActionStatusFacts StatusFactsAsOf(DateOnly asOf)
    {
        var latest = LatestUpdateAsOf(asOf);
        var accepted = CompletionAcceptedOn is { } on && on <= asOf ? CompletionAcceptedOn : null;
        return new ActionStatusFacts(
            CreatedOn,
            TargetDateAsOf(asOf),
            accepted,
            _milestones.Select(m => new MilestoneFact(m.Description, m.DueOn, m.AchievedOn is { } achieved && achieved <= asOf ? achieved : null)).ToList(),
            latest is null ? null : UkTime.DateOf(latest.PostedAtUtc),
            latest?.Assessment,
            latest?.AssessmentReason);
    }

    private Milestone FindMilestone(int id) =>
        _milestones.SingleOrDefault(m => m.Id == id) ?? throw new DomainException("That milestone no longer exists.");

    private void RequireOpen()
    {
        if (IsComplete)
        {
            throw new DomainException("This action is complete: its evidence was accepted.");
        }
    }
}

public sealed record ActionDetails(
    string Description,
    int LeadAgencyId,
    IReadOnlyCollection<int> SupportingAgencyIds,
    string? LeadOfficerName,
    DateOnly? TargetDate,
    string? OutcomeSought);

public class ActionSupportingAgency
{
    protected ActionSupportingAgency()
    {
    }

    internal ActionSupportingAgency(int agencyId) => AgencyId = agencyId;

    public int ActionItemId { get; private set; }
    public int AgencyId { get; private set; }
}

public class Milestone : Entity
{
    protected Milestone()
    {
        Description = string.Empty;
    }

    internal Milestone(string description, DateOnly dueOn)
    {
        Description = string.Empty;
        Edit(description, dueOn);
    }

    public int ActionItemId { get; private set; }
    public string Description { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? AchievedOn { get; private set; }

    internal void Edit(string description, DateOnly dueOn)
    {
        Description = Guard.Required(description, TextLimits.ShortText, nameof(Description), "Milestone");
        DueOn = dueOn;
    }

    internal void MarkAchieved(DateOnly achievedOn) => AchievedOn = achievedOn;
}

/// <summary>Appended, never overwritten: who, when, what they said and how they rated it.</summary>
public class ProgressUpdate : Entity
{
    protected ProgressUpdate()
    {
        AuthorName = string.Empty;
        Narrative = string.Empty;
    }

    internal ProgressUpdate(Actor actor, DateTime postedAtUtc, string narrative, Rag? assessment, string? assessmentReason)
    {
        AuthorUserId = actor.UserId;
        AuthorName = actor.Name;
        PostedAtUtc = postedAtUtc;
        Narrative = narrative;
        Assessment = assessment;
        AssessmentReason = assessmentReason;
    }

    public int ActionItemId { get; private set; }
    public int AuthorUserId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTime PostedAtUtc { get; private set; }
    public string Narrative { get; private set; }
    public Rag? Assessment { get; private set; }
    public string? AssessmentReason { get; private set; }
}

public enum RevisionState
{
    Pending,
    Approved,
    Refused,
}

public class TargetDateRevision : Entity
{
    protected TargetDateRevision()
    {
        Reason = string.Empty;
        RequestedByName = string.Empty;
    }

    internal TargetDateRevision(DateOnly? previousDate, DateOnly requestedDate, string reason, Actor actor, DateTime nowUtc)
    {
        PreviousDate = previousDate;
        RequestedDate = requestedDate;
        Reason = reason;
        RequestedByName = actor.Name;
        RequestedAtUtc = nowUtc;
        State = RevisionState.Pending;
    }

    public int ActionItemId { get; private set; }
    public DateOnly? PreviousDate { get; private set; }
    public DateOnly RequestedDate { get; private set; }
    public string Reason { get; private set; }
    public string RequestedByName { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public RevisionState State { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecisionNote { get; private set; }

    internal void Decide(bool approve, string? note, Actor actor, DateTime nowUtc)
    {
        State = approve ? RevisionState.Approved : RevisionState.Refused;
        DecisionNote = note;
        DecidedByName = actor.Name;
        DecidedAtUtc = nowUtc;
    }
}
