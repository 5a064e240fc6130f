using DhrTracker.Domain.Reviews;

namespace DhrTracker.Infrastructure.Documents.Models;

/// <summary>
/// The letter telling the Home Office of the CSP chair's decision (stage 3), whether to commission a review or
/// not. Fill it from the review and its current decision.
/// </summary>
public sealed record DecisionNotificationModel
{
    public required string PartnershipName { get; init; }

    public required DateOnly ProducedOn { get; init; }

    /// <summary>Practically always false at this stage: the letter then carries OFFICIAL-SENSITIVE.</summary>
    public bool IsPublished { get; init; }

    /// <summary>Who at the partnership the Home Office should contact (usually the DA &amp; SV co-ordinator).</summary>
    public required string ContactName { get; init; }

    public string? ContactRole { get; init; }

    public required string ContactEmail { get; init; }

    public string? ContactTelephone { get; init; }

    /// <summary>The Home Office DHR team's address for these notifications, when the partnership records one.</summary>
    public string? HomeOfficeEmail { get; init; }

    public required string ReviewReference { get; init; }

    public required ReviewKind Kind { get; init; }

    public required string VictimPseudonym { get; init; }

    public int? VictimAge { get; init; }

    public Relationship? Relationship { get; init; }

    public required DateOnly DateOfDeath { get; init; }

    public required DateOnly NotifiedOn { get; init; }

    public required DecisionOutcome Outcome { get; init; }

    public JointReviewType? JointWith { get; init; }

    public string? JointReviewReference { get; init; }

    public required DateOnly DecidedOn { get; init; }

    /// <summary>The CSP chair who decided.</summary>
    public required string DecidedBy { get; init; }

    public required bool VictimAged16OrOver { get; init; }

    public required bool RelationshipCriterionMet { get; init; }

    public required bool DeathFromAbuseCriterionMet { get; init; }

    public required string Rationale { get; init; }

    public string? IndependentChair { get; init; }

    public string? IndependentChairOrganisation { get; init; }

    /// <summary>When a review is commissioned: the completion due date (ReviewTimeline.CompletionDue).</summary>
    public DateOnly? ExpectedCompletionOn { get; init; }
}
