namespace DhrTracker.Domain.Users;

/// <summary>The five roles of DOMAIN.md. The names are also the Entra ID app-role values.</summary>
public enum Role
{
    CspChair,
    Coordinator,
    LeadOfficer,
    Scrutiny,
    Administrator,
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
        _ => role.ToString(),
    };
}
