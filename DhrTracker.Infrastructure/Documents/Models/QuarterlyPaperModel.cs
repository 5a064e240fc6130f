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

/// <summary>The quarterly progress paper for one closed quarter, from its snapshot and the one before.</summary>
public sealed record QuarterlyPaperModel
{
    public required string PartnershipName { get; init; }

    public required DateOnly ProducedOn { get; init; }

    public required FinancialQuarter Quarter { get; init; }

    public required string Author { get; init; }

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

    /// <summary>Actions by status in the previous quarter's snapshot (BragCounts.Empty when there was none).</summary>
    public required BragCounts ActionsPrevious { get; init; }

    /// <summary>MovementRules.Compare between the two snapshots, counted (see <see cref="MovementCounts.Of"/>).</summary>
    public required MovementCounts Movement { get; init; }

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

    public bool IsActionMilestone => RecommendationNumber is not null;
}

public sealed record QuarterlyRisk(
    string RecommendationNumber,
    string ActionText,
    string LeadAgency,
    StatusAssessment Status,
    DateOnly? TargetDate)
{
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
    public DateOnly? OriginalTargetDate { get; init; }
}
