using DhrTracker.Domain.Agencies;
using DhrTracker.Web.Features.Import;

namespace DhrTracker.Web.Components.Pages.Import;

/// <summary>The preview's form for one agency name in the plan: an existing agency, a new one, or not yet chosen.</summary>
public sealed class AgencyChoiceForm
{
    public const string CreateNew = "new";

    /// <summary>"" (not chosen), <see cref="CreateNew"/>, or an agency's id.</summary>
    public string Selected { get; set; } = string.Empty;

    public string NewName { get; set; } = string.Empty;

    public AgencyKind NewKind { get; set; } = AgencyKind.Other;

    /// <summary>How the importer matched it ("same words"), when it did.</summary>
    public string? MatchedHow { get; init; }

    public bool Creates => Selected == CreateNew;

    public AgencyChoice? ToChoice() =>
        Creates ? AgencyChoice.Create(NewName, NewKind)
        : int.TryParse(Selected, out var id) ? AgencyChoice.Existing(id)
        : null;
}
