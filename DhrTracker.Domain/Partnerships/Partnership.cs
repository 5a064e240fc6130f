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
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }
    public PartnershipSettings Settings { get; private set; }
    public IReadOnlyList<Theme> Themes => _themes;
    public int Version { get; set; }

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
