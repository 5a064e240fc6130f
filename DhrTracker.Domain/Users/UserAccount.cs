using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Users;

/// <summary>
/// The app's own directory entry for a person: which partnership they work in, their role there and,
/// for a lead officer, their agency. Keyed to Entra ID by object id, or by e-mail until the first sign-in.
/// </summary>
public class UserAccount : Entity, IPartnershipScoped, IVersioned
{
    protected UserAccount()
    {
        DisplayName = string.Empty;
        Email = string.Empty;
    }

    public UserAccount(int partnershipId, string displayName, string email, Role role, int? agencyId, bool isDemo = false)
    {
        PartnershipId = partnershipId;
        DisplayName = Guard.Required(displayName, TextLimits.Name, nameof(DisplayName), "Name");
        Email = Guard.Required(email, TextLimits.Email, nameof(Email), "E-mail").ToLowerInvariant();
        IsDemo = isDemo;
        IsActive = true;
        ChangeRole(role, agencyId);
    }

    public int PartnershipId { get; private set; }
    public string DisplayName { get; private set; }
    public string Email { get; private set; }
    public string? ExternalObjectId { get; private set; }
    public Role Role { get; private set; }
    public int? AgencyId { get; private set; }
    public bool IsDemo { get; private set; }
    public bool IsActive { get; private set; }
    public int Version { get; set; }

    public void ChangeRole(Role role, int? agencyId)
    {
        if (!Enum.IsDefined(role) || role == Role.InstallationAdministrator)
        {
            throw new DomainException("Choose one of the partnership's roles.", nameof(Role));
        }

        if (role == Role.LeadOfficer && agencyId is null)
        {
            throw new DomainException("A lead agency officer must belong to an agency.", nameof(AgencyId));
        }

        Role = role;
        AgencyId = agencyId;
    }

    public void LinkExternalIdentity(string objectId) =>
        ExternalObjectId = Guard.Required(objectId, 64, nameof(ExternalObjectId), "Object id");

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
