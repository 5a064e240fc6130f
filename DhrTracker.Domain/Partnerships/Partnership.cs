using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Partnerships;

/// <summary>A Community Safety Partnership. One installation may hold several, each seeing only its own data.</summary>
public class Partnership : Entity, IVersioned
{
    private readonly List<Theme> _themes = [];

    protected Partnership()
    {
        Name = string.Empty;
        ShortCode = string.Empty;
        Settings = PartnershipSettings.Defaults();
    }

    public Partnership(string name, string shortCode, string? contactName, string? contactEmail)
    {
        Name = Guard.Required(name, TextLimits.Name, nameof(Name), "Partnership name");
        ShortCode = Guard.Required(shortCode, TextLimits.ShortCode, nameof(ShortCode), "Short code");
        ContactName = Guard.Optional(contactName, TextLimits.Name, nameof(ContactName), "Contact name");
        ContactEmail = Guard.Optional(contactEmail, TextLimits.Email, nameof(ContactEmail), "Contact e-mail");
        Settings = PartnershipSettings.Defaults();
    }

    public string Name { get; private set; }
    public string ShortCode { get; private set; }

    /// <summary>The area the partnership covers (a district, borough or county), as people there name it.</summary>
    public string? Area { get; private set; }

    /// <summary>England (a Domestic Homicide Review) or Wales (a Single Unified Safeguarding Review).</summary>
    public Nation Nation { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }
    public PartnershipSettings Settings { get; private set; }
    public IReadOnlyList<Theme> Themes => _themes;
    public int Version { get; set; }

    /// <summary>A partnership set up in the app by an installation administrator, with the default timescales.</summary>
    public static Partnership Create(string name, string shortCode, string? area, Nation nation, string? contactName, string? contactEmail)
    {
        if (!Enum.IsDefined(nation))
        {
            throw new DomainException("Choose England or Wales.", nameof(Nation));
        }

        return new Partnership(name, shortCode, contactName, contactEmail)
        {
            Area = Guard.Optional(area, TextLimits.Name, nameof(Area), "Area"),
            Nation = nation,
        };
    }

    public void UpdateContact(string? contactName, string? contactEmail)
    {
        ContactName = Guard.Optional(contactName, TextLimits.Name, nameof(ContactName), "Contact name");
        ContactEmail = Guard.Optional(contactEmail, TextLimits.Email, nameof(ContactEmail), "Contact e-mail");
    }

    public void ChangeSettings(PartnershipSettings settings)
    {
        settings.Validate();
        Settings = settings;
    }

    public Theme AddTheme(string name)
    {
        var trimmed = Guard.Required(name, TextLimits.ShortText, "Name", "Theme");
        if (_themes.Any(t => string.Equals(t.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"There is already a theme called \"{trimmed}\".", "Name");
        }

        var theme = new Theme(this, trimmed);
        _themes.Add(theme);
        return theme;
    }
}

/// <summary>Where the partnership is: the statutory review it runs follows from it.</summary>
public enum Nation
{
    England,
    Wales,
}

public static class NationText
{
    public static string Describe(this Nation nation) => nation switch
    {
        Nation.Wales => "Wales (Single Unified Safeguarding Review)",
        _ => "England (Community Safety Partnership, Domestic Homicide Review)",
    };
}
