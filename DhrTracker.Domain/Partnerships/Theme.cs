using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Partnerships;

/// <summary>A theme recommendations are tagged with (training, information sharing, risk assessment…).</summary>
public class Theme : Entity, IPartnershipScoped
{
    protected Theme()
    {
        Name = string.Empty;
    }

    internal Theme(Partnership partnership, string name)
    {
        Partnership = partnership;
        PartnershipId = partnership.Id;
        Name = name;
    }

    public int PartnershipId { get; private set; }
    public Partnership? Partnership { get; private set; }
    public string Name { get; private set; }

    public void Rename(string name) => Name = Guard.Required(name, TextLimits.ShortText, nameof(Name), "Theme");
}
