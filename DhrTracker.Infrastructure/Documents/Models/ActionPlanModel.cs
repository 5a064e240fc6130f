using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reviews;

namespace DhrTracker.Infrastructure.Documents.Models;

/// <summary>
/// A review's action plan in the Home Office layout. Fill it from the review, its recommendations (in report
/// order) and their actions, with each action's status already derived (ActionStatus.Derive).
/// </summary>
public sealed record ActionPlanModel
{
    public required string PartnershipName { get; init; }

    /// <summary>The date the document is produced, printed in the footer.</summary>
    public required DateOnly ProducedOn { get; init; }

    public required string ReviewReference { get; init; }

    public required ReviewKind Kind { get; init; }

    /// <summary>False until the review is published: every page then carries OFFICIAL-SENSITIVE.</summary>
    public required bool IsPublished { get; init; }

    /// <summary>
    /// The recommendations, in report order. A group with a <see cref="ActionPlanGroup.Theme"/> gets a theme row
    /// across the table ("Theme 2 – Processes – county wide"); one group with no theme is a plain plan
    /// (see <see cref="Ungrouped"/>).
    /// </summary>
    public required IReadOnlyList<ActionPlanGroup> Groups { get; init; }

    public static IReadOnlyList<ActionPlanGroup> Ungrouped(IReadOnlyList<ActionPlanRecommendation> recommendations) =>
        [new ActionPlanGroup(null, recommendations)];
}

/// <summary>Recommendations under one theme row, or under none when <paramref name="Theme"/> is null.</summary>
public sealed record ActionPlanGroup(string? Theme, IReadOnlyList<ActionPlanRecommendation> Recommendations);

/// <summary>A recommendation as the report numbers it ("3", "3(a)", "10.1.1").</summary>
public sealed record ActionPlanRecommendation(
    string Number,
    string Text,
    RecommendationScope Scope,
    IReadOnlyList<ActionPlanAction> Actions)
{
    /// <summary>The agencies or national bodies it is addressed to (shown under the scope).</summary>
    public IReadOnlyList<string> AddressedTo { get; init; } = [];
}

/// <summary>One action, with its status already derived (words and reason) and its dates.</summary>
public sealed record ActionPlanAction(
    string Description,
    string LeadAgency,
    StatusAssessment Status,
    DateOnly? TargetDate)
{
    /// <summary>The baseline target date; printed "(originally …)" when it differs from the current one.</summary>
    public DateOnly? OriginalTargetDate { get; init; }

    public IReadOnlyList<string> SupportingAgencies { get; init; } = [];

    public IReadOnlyList<ActionPlanMilestone> Milestones { get; init; } = [];

    /// <summary>Completion accepted by the co-ordinator (the action is then Blue).</summary>
    public DateOnly? CompletedOn { get; init; }

    public string? CompletionEvidence { get; init; }

    /// <summary>What the action is meant to achieve; the Home Office layout gives it in the last column until the action is complete.</summary>
    public string? OutcomeSought { get; init; }
}

public sealed record ActionPlanMilestone(string Description, DateOnly DueOn, DateOnly? AchievedOn);
