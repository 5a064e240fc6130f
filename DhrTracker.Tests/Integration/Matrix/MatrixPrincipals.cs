using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data.Seed;

namespace DhrTracker.Tests.Integration.Matrix;

/// <summary>Who the matrix tries every operation as.</summary>
public sealed record MatrixPrincipal(string Key, string? Email, bool OtherPartnership = false)
{
    public bool SignedOut => Email is null;

    public override string ToString() => Key;
}

public static class MatrixPrincipals
{
    public static readonly MatrixPrincipal Chair = new("chair", DemoData.Emails.Chair);
    public static readonly MatrixPrincipal Coordinator = new("coordinator", DemoData.Emails.Coordinator);
    public static readonly MatrixPrincipal LeadOfficer = new("lead-officer", DemoData.Emails.PoliceOfficer);
    public static readonly MatrixPrincipal OtherAgencyOfficer = new("other-agency-officer", DemoData.Emails.IcbOfficer);
    public static readonly MatrixPrincipal Scrutiny = new("scrutiny", DemoData.Emails.Scrutiny);
    public static readonly MatrixPrincipal Administrator = new("administrator", DemoData.Emails.Administrator);

    /// <summary>
    /// The most powerful role of partnership B: if even its co-ordinator learns nothing of partnership A's
    /// records, no one of B does.
    /// </summary>
    public static readonly MatrixPrincipal OtherPartnership = new("other-partnership", DemoData.Emails.SecondCoordinator, OtherPartnership: true);

    /// <summary>Named in Security:InstallationAdministrators with no directory entry: sets up partnerships, sees no case data.</summary>
    public const string InstallationEmail = "installation@dhrtracker.example";

    public static readonly MatrixPrincipal InstallationAdministrator = new("installation-administrator", InstallationEmail);

    public static readonly MatrixPrincipal SignedOut = new("signed-out", null);

    /// <summary>The installation's owners: they pass the installation condition (backups, partnerships) as well as the role.</summary>
    public static bool IsInstallationOwner(MatrixPrincipal principal) => principal == Administrator || principal == InstallationAdministrator;

    public static readonly IReadOnlyList<MatrixPrincipal> All =
        [Chair, Coordinator, LeadOfficer, OtherAgencyOfficer, Scrutiny, Administrator, InstallationAdministrator, OtherPartnership, SignedOut];

    /// <summary>Every role of partnership A is among the principals, so a new role cannot go untried.</summary>
    public static IEnumerable<Role> RolesCovered => [Role.CspChair, Role.Coordinator, Role.LeadOfficer, Role.Scrutiny, Role.Administrator, Role.InstallationAdministrator];

    public static MatrixPrincipal ByKey(string key) => All.Single(p => p.Key == key);
}
