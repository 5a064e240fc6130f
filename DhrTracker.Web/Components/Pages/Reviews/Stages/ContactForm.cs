using System.ComponentModel.DataAnnotations;
using DhrTracker.Domain.Reviews;

namespace DhrTracker.Web.Components.Pages.Reviews.Stages;

/// <summary>Contact with family, friends or colleagues as the stage 7 forms hold it; names match the domain's fields.</summary>
public sealed class ContactForm
{
    public string? Description { get; set; }

    [Required(ErrorMessage = "Give the date contact was offered.")]
    public DateOnly? ContactOfferedOn { get; set; }

    public FamilyResponse Response { get; set; }
    public DateOnly? RespondedOn { get; set; }
    public string? Advocacy { get; set; }
    public string? Notes { get; set; }
}
