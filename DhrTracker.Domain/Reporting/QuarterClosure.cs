using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Reporting;

/// <summary>
/// The co-ordinator closing a quarter: every action's status, dates and latest update frozen, so a paper can say
/// what moved since the last one, and the quarter's whole paper (review stages and their lateness, counts,
/// milestones, risks) stored as <see cref="Record"/>, from which its paper and the Quarters page are written ever
/// after. A closed quarter is a record and is not closed again. (Closures made before records were kept, some
/// of them superseded by a re-closing that was allowed then, have no <see cref="Record"/>.)
/// </summary>
public class QuarterClosure : Entity, IPartnershipScoped
{
    private readonly List<ActionSnapshot> _snapshots = [];

    protected QuarterClosure()
    {
        ClosedByName = string.Empty;
    }

    public QuarterClosure(int partnershipId, FinancialQuarter quarter, Actor actor, DateTime nowUtc, IEnumerable<ActionSnapshot> snapshots)
    {
        if (!quarter.IsInLastFortnightOrOver(UkTime.DateOf(nowUtc)))
        {
            throw new DomainException($"{quarter.Label} cannot be closed until its last fortnight ({quarter.LastFortnightStarts:d MMMM yyyy} onwards).", "Quarter");
        }

        PartnershipId = partnershipId;
        StartYear = quarter.StartYear;
        QuarterNumber = quarter.Number;
        ClosedAtUtc = nowUtc;
        ClosedByUserId = actor.UserId;
        ClosedByName = actor.Name;
        _snapshots.AddRange(snapshots);
    }

    public int PartnershipId { get; private set; }
    public int StartYear { get; private set; }
    public int QuarterNumber { get; private set; }
    public DateTime ClosedAtUtc { get; private set; }
    public int ClosedByUserId { get; private set; }
    public string ClosedByName { get; private set; }
    public DateTime? SupersededAtUtc { get; private set; }
    public IReadOnlyList<ActionSnapshot> Snapshots => _snapshots;

    /// <summary>The quarter's paper as it stood when closed (JSON; see QuarterRecordJson); null for closures made before it was kept.</summary>
    public string? Record { get; private set; }

    public FinancialQuarter Quarter => new(StartYear, QuarterNumber);
    public bool IsCurrent => SupersededAtUtc is null;

    public void Supersede(DateTime nowUtc) => SupersededAtUtc = nowUtc;

    /// <summary>Keeps the paper as it stands at the close; written once.</summary>
    public void KeepRecord(string record)
    {
        if (Record is not null)
        {
            throw new DomainException($"{Quarter.Label} is closed: what it recorded cannot be changed.", "Quarter");
        }

        Record = Guard.Required(record, int.MaxValue, nameof(Record), "The quarter's record");
    }
}

/// <summary>One action as it stood when the quarter closed.</summary>
public class ActionSnapshot : Entity
{
    protected ActionSnapshot()
    {
        Reason = string.Empty;
    }

    public ActionSnapshot(int actionItemId, int reviewId, int recommendationId, int leadAgencyId, Rag status, string reason, DateOnly? targetDate, DateOnly? originalTargetDate, DateOnly? completedOn, string? latestUpdate, DateOnly? latestUpdateOn)
    {
        ActionItemId = actionItemId;
        ReviewId = reviewId;
        RecommendationId = recommendationId;
        LeadAgencyId = leadAgencyId;
        Status = status;
        Reason = reason.Length > TextLimits.Reason ? reason[..TextLimits.Reason] : reason;
        TargetDate = targetDate;
        OriginalTargetDate = originalTargetDate;
        CompletedOn = completedOn;
        LatestUpdate = latestUpdate is { Length: > TextLimits.Narrative } ? latestUpdate[..TextLimits.Narrative] : latestUpdate;
        LatestUpdateOn = latestUpdateOn;
    }

    public int QuarterClosureId { get; private set; }
    public int ActionItemId { get; private set; }
    public int ReviewId { get; private set; }
    public int RecommendationId { get; private set; }
    public int LeadAgencyId { get; private set; }
    public Rag Status { get; private set; }
    public string Reason { get; private set; }
    public DateOnly? TargetDate { get; private set; }
    public DateOnly? OriginalTargetDate { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? LatestUpdate { get; private set; }
    public DateOnly? LatestUpdateOn { get; private set; }
}

public enum Movement
{
    New,
    Completed,
    Improved,
    Worsened,
    Unchanged,
}

public static class MovementRules
{
    /// <summary>How one action moved between two quarters' snapshots.</summary>
    public static Movement Between(Rag? previous, Rag current) => previous switch
    {
        null => current == Rag.Blue ? Movement.Completed : Movement.New,
        Rag.Blue => current == Rag.Blue ? Movement.Unchanged : Movement.Worsened,
        _ when current == Rag.Blue => Movement.Completed,
        { } p when current < p => Movement.Improved,
        { } p when current > p => Movement.Worsened,
        _ => Movement.Unchanged,
    };

    /// <summary>Movement of every action in <paramref name="current"/> against <paramref name="previous"/>.</summary>
    public static IReadOnlyDictionary<int, Movement> Compare(IEnumerable<(int ActionId, Rag Status)> previous, IEnumerable<(int ActionId, Rag Status)> current)
    {
        var before = previous.ToDictionary(p => p.ActionId, p => p.Status);
        return current.ToDictionary(c => c.ActionId, c => Between(before.TryGetValue(c.ActionId, out var p) ? p : null, c.Status));
    }

    public static string Describe(this Movement movement) => movement switch
    {
        Movement.New => "New",
        Movement.Completed => "Completed",
        Movement.Improved => "Improved",
        Movement.Worsened => "Worsened",
        _ => "Unchanged",
    };
}
