using DhrTracker.Domain.Recommendations;

namespace DhrTracker.Web.Components.Pages.Plans;

// Form models for the plan editor. Property names match the fields the domain names in its messages.

public sealed class RecommendationForm
{
    public int? Id { get; set; }

    public int Version { get; set; }

    public string Number { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public RecommendationScope Scope { get; set; } = RecommendationScope.Local;

    public List<int> AddresseeIds { get; set; } = [];

    public List<int> ThemeIds { get; set; } = [];
}

public sealed class ActionForm
{
    public int RecommendationId { get; set; }

    public int? Id { get; set; }

    public int Version { get; set; }

    public string Description { get; set; } = string.Empty;

    public int LeadAgencyId { get; set; }

    public List<int> SupportingAgencyIds { get; set; } = [];

    public string? LeadOfficerName { get; set; }

    public DateOnly? TargetDate { get; set; }

    public string? OutcomeSought { get; set; }

    /// <summary>Approved revisions now set the target; the editor shows it but does not change it.</summary>
    public bool TargetSetByRevisions { get; set; }
}

public sealed class MilestoneForm
{
    public int ActionId { get; set; }

    public int? Id { get; set; }

    public int Version { get; set; }

    public string Description { get; set; } = string.Empty;

    public DateOnly? DueOn { get; set; }
}

/// <summary>Carries the page-level commands (move, remove) whose problems belong to no form field.</summary>
public sealed class PlanCommandForm
{
}
