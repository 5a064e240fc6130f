using System.ComponentModel.DataAnnotations;
using DhrTracker.Domain.Reviews;

namespace DhrTracker.Web.Components.Pages.Reviews.Stages;

/// <summary>A pause as the stage 8 forms hold it; names match the domain's fields.</summary>
public sealed class PauseForm
{
    public PauseReason Reason { get; set; } = PauseReason.CriminalTrial;

    [Required(ErrorMessage = "Give the date the pause started.")]
    public DateOnly? StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }
    public DateOnly? HomeOfficeToldOn { get; set; }
    public string? Notes { get; set; }
}
