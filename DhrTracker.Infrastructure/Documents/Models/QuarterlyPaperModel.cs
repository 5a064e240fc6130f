using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;

namespace DhrTracker.Infrastructure.Documents.Models;

public enum PaperEdition
{
    /// <summary>For the CSP board: everything, recommendation and action text included.</summary>
    Board,

    /// <summary>
    /// For the scrutiny panel: the writer itself withholds recommendation, action and milestone text, update
    /// narratives and status reasons of every review that is not published.
    /// </summary>
    Scrutiny,
}

/// <summary>
/// The quarterly progress paper for one quarter. For a closed quarter it is built once, when the quarter is closed,
/// and stored with the closure (<see cref="QuarterRecordJson"/>): the paper is then written from that alone and reads
/// the same whatever is recorded later. For the open quarter it is a draft, built from the data as it stands.
/// </summary>
public sealed record QuarterlyPaperModel
{
    public required string PartnershipName { get; init; }

    /// <summary>The paper's date: the day the quarter was closed, or today for a draft.</summary>
    public required DateOnly ProducedOn { get; init; }

    public required FinancialQuarter Quarter { get; init; }

    public required string Author { get; init; }

    /// <summary>True for the open quarter's paper: "Draft — as at <see cref="AsAt"/>".</summary>
    public bool IsDraft { get; init; }

    /// <summary>The day the figures stand at: the quarter's last day when it was closed after it, else the closing day (or today).</summary>
    public DateOnly AsAt { get; init; }

    /// <summary>The closed quarter the movement is measured against (the latest closed before this one); null when none was closed.</summary>
    public FinancialQuarter? ComparedWith { get; init; }

    public PaperEdition Edition { get; init; } = PaperEdition.Board;

    /// <summary>
    /// Set when the paper covers any unpublished review. The writer also marks the paper whenever any review or
    /// overdue action in the model is unpublished, so leaving this false cannot drop the marking.
    /// </summary>
    public bool CoversUnpublishedReviews { get; init; }

    /// <summary>Open reviews by stage, with how many of them have an overdue stage.</summary>
    public IReadOnlyList<StageCount> ReviewsByStage { get; init; } = [];

    /// <summary>Actions by status in this quarter's snapshot.</summary>
    public required BragCounts ActionsNow { get; init; }

    /// <summary>Actions by status in the snapshot of <see cref="ComparedWith"/>; null when there is no earlier closed quarter.</summary>
    public BragCounts? ActionsPrevious { get; init; }

    /// <summary>MovementRules.Compare between the two snapshots, counted (see <see cref="MovementCounts.Of"/>); null when there is nothing to compare with.</summary>
    public MovementCounts? Movement { get; init; }

    public IReadOnlyList<QuarterlyReview> Reviews { get; init; } = [];

    /// <summary>Every overdue action at the end of the quarter, any order: the writer groups them by lead agency.</summary>
    public IReadOnlyList<OverdueAction> OverdueActions { get; init; } = [];
}

public sealed record StageCount(ReviewStage Stage, int Reviews, int Overdue);

public sealed record MovementCounts(int Improved, int Worsened, int Unchanged, int Completed, int New)
{
    public static MovementCounts Of(IEnumerable<Movement> movements)
    {
        var list = movements.ToList();
        return new MovementCounts(
            list.Count(m => m == Movement.Improved),
            list.Count(m => m == Movement.Worsened),
            list.Count(m => m == Movement.Unchanged),
            list.Count(m => m == Movement.Completed),
            list.Count(m => m == Movement.New));
    }
}

/// <summary>One review's part of the paper.</summary>
public sealed record QuarterlyReview
{
    public required string Reference { get; init; }

    public required ReviewKind Kind { get; init; }

    /// <summary>The scrutiny edition withholds this review's recommendation and action text while false.</summary>
    public required bool IsPublished { get; init; }

    public required ReviewStage Stage { get; init; }

    /// <summary>The review's rolled-up status (StatusRollup over its recommendations); null before it has actions.</summary>
    public StatusAssessment? Overall { get; init; }

    public int Recommendations { get; init; }

    public BragCounts Actions { get; init; } = BragCounts.Empty;

    /// <summary>Milestones achieved within the quarter: review stages and action milestones.</summary>
    public IReadOnlyList<QuarterlyMilestone> Reached { get; init; } = [];

    /// <summary>Milestones that fell due within the quarter (or earlier) and were not achieved by its end.</summary>
    public IReadOnlyList<QuarterlyMilestone> Missed { get; init; } = [];

    /// <summary>Every action that is Amber or Red at the end of the quarter, with its latest update.</summary>
    public IReadOnlyList<QuarterlyRisk> Risks { get; init; } = [];

    /// <summary>Review stages open on the day the figures stand at and falling due by the quarter's end but not yet late.</summary>
    public IReadOnlyList<QuarterlyMilestone> StagesDue { get; init; } = [];

    /// <summary>The latest Home Office QA outcome as at the paper's date, in words ("Resubmit (letter of 3 March 2026)"); null before any.</summary>
    public string? LatestQaOutcome { get; init; }

    /// <summary>Review stages overdue on the paper's date (also listed in <see cref="Missed"/>).</summary>
    public int StagesOverdue => Missed.Count(m => !m.IsActionMilestone && m.DaysLate > 0);
}

/// <summary>
/// A milestone of the review process (a stage: <see cref="RecommendationNumber"/> null) or of an action. For a
/// missed action milestone, <see cref="LatestUpdate"/> is the action's latest progress update: why, and what is
/// being done.
/// </summary>
public sealed record QuarterlyMilestone(string Description, DateOnly? DueOn, DateOnly? AchievedOn)
{
    public string? RecommendationNumber { get; init; }

    public string? ActionText { get; init; }

    public string? LeadAgency { get; init; }

    public string? LatestUpdate { get; init; }

    public DateOnly? LatestUpdateOn { get; init; }

    /// <summary>For a review stage: days late on the paper's date (positive when overdue).</summary>
    public int? DaysLate { get; init; }

    /// <summary>For a review stage: where it stands, from the review's timeline (why it is late).</summary>
    public string? WhereItStands { get; init; }

    /// <summary>The action's number, recommendation.action (2.2).</summary>
    public string? ActionNumber { get; init; }

    public bool IsActionMilestone => RecommendationNumber is not null;
}

public sealed record QuarterlyRisk(
    string RecommendationNumber,
    string ActionText,
    string LeadAgency,
    StatusAssessment Status,
    DateOnly? TargetDate)
{
    /// <summary>The action's number, recommendation.action (2.2).</summary>
    public string? ActionNumber { get; init; }

    public string? LatestUpdate { get; init; }

    public DateOnly? LatestUpdateOn { get; init; }
}

/// <summary>An action past its target date and not complete at the end of the quarter.</summary>
public sealed record OverdueAction(
    string LeadAgency,
    string ReviewReference,
    bool ReviewIsPublished,
    string RecommendationNumber,
    string ActionText,
    DateOnly TargetDate,
    int DaysOverdue,
    StatusAssessment Status)
{
    /// <summary>The action's number, recommendation.action (2.2).</summary>
    public string? ActionNumber { get; init; }

    public DateOnly? OriginalTargetDate { get; init; }
}
