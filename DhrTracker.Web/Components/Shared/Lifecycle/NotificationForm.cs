using System.ComponentModel.DataAnnotations;
using DhrTracker.Domain.Reviews;

namespace DhrTracker.Web.Components.Shared.Lifecycle;

/// <summary>
/// The notification as a form holds it. Property names match <see cref="NotificationInput"/>, so a rule the
/// domain refuses lands next to its field. There is deliberately no field for anyone's real name.
/// </summary>
public sealed class NotificationForm
{
    public ReviewKind Kind { get; set; } = ReviewKind.Dhr;

    [Required(ErrorMessage = "Give the date the CSP was notified.")]
    public DateOnly? NotifiedOn { get; set; }

    public int? NotifyingAgencyId { get; set; }

    [Required(ErrorMessage = "Give the date of death.")]
    public DateOnly? DateOfDeath { get; set; }

    // The checks below repeat the domain's so that every message shows at once; the domain still decides.
    [Required(ErrorMessage = "The victim's pseudonym is required.")]
    public string? VictimPseudonym { get; set; }

    [Range(0, 120, ErrorMessage = "The victim's age must be between 0 and 120.")]
    public int? VictimAge { get; set; }

    public string? PerpetratorPseudonym { get; set; }

    [Range(0, 120, ErrorMessage = "The perpetrator's age must be between 0 and 120.")]
    public int? PerpetratorAge { get; set; }

    public Relationship Relationship { get; set; } = Relationship.IntimatePartner;

    [Required(ErrorMessage = "Give a short account of the circumstances.")]
    public string? Circumstances { get; set; }

    public NotificationInput ToInput() => new(
        Kind, NotifiedOn!.Value, NotifyingAgencyId, DateOfDeath!.Value, VictimPseudonym ?? string.Empty, VictimAge,
        PerpetratorPseudonym, PerpetratorAge, Relationship, Circumstances ?? string.Empty);

    public static NotificationForm From(NotificationInput n) => new()
    {
        Kind = n.Kind,
        NotifiedOn = n.NotifiedOn,
        NotifyingAgencyId = n.NotifyingAgencyId,
        DateOfDeath = n.DateOfDeath,
        VictimPseudonym = n.VictimPseudonym,
        VictimAge = n.VictimAge,
        PerpetratorPseudonym = n.PerpetratorPseudonym,
        PerpetratorAge = n.PerpetratorAge,
        Relationship = n.Relationship,
        Circumstances = n.Circumstances,
    };
}
