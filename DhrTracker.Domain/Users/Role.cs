namespace DhrTracker.Domain.Users;

/// <summary>The five roles of DOMAIN.md (the names are also the Entra ID app-role values), and the installation's own administrator.</summary>
public enum Role
{
    CspChair,
    Coordinator,
    LeadOfficer,
    Scrutiny,
    Administrator,

    /// <summary>
    /// A person named in <c>Security:InstallationAdministrators</c> who has no directory entry of their own: they set up
    /// partnerships and appoint each one's administrator, and see no partnership's data. Never a directory role.
    /// </summary>
    InstallationAdministrator,
}

public static class RoleText
{
    public static string Describe(this Role role) => role switch
    {
        Role.CspChair => "CSP chair",
        Role.Coordinator => "DA & SV co-ordinator",
        Role.LeadOfficer => "Lead agency officer",
        Role.Scrutiny => "Scrutiny panel member",
        Role.Administrator => "Administrator",
        Role.InstallationAdministrator => "Installation administrator",
        _ => role.ToString(),
    };
}
