using DhrTracker.Domain.Actions;

namespace DhrTracker.Web.Components.Pages.Actions;

// Form models: property names match the fields the domain names in its messages, so each message lands beside its field.

public sealed class UpdateForm
{
    public string Narrative { get; set; } = string.Empty;

    public Rag? Assessment { get; set; }

    public string? AssessmentReason { get; set; }
}

public sealed class AchieveForm
{
    public DateOnly? AchievedOn { get; set; }
}

public sealed class CompletionForm
{
    public DateOnly? CompletedOn { get; set; }

    public string Evidence { get; set; } = string.Empty;
}

public sealed class RevisionRequestForm
{
    public DateOnly? RequestedDate { get; set; }

    public string Reason { get; set; } = string.Empty;
}

public sealed class CompletionDecisionForm
{
    public string? Reason { get; set; }
}

public sealed class RevisionDecisionForm
{
    public string? Note { get; set; }
}
