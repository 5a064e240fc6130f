using System.Security.Claims;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;

namespace DhrTracker.Web.Security;

/// <summary>The claims the app issues at sign-in, whichever way the person signed in.</summary>
public static class DhrClaims
{
    public const string UserId = "dhr:uid";
    public const string PartnershipId = "dhr:pid";
    public const string AgencyId = "dhr:aid";
    public const string PartnershipName = "dhr:pname";
}

/// <summary>Who is asking: their partnership, role and (for a lead officer) agency.</summary>
public sealed record UserContext(int UserId, string Name, int PartnershipId, string PartnershipName, Role Role, int? AgencyId)
{
    public string? Email { get; init; }

    public Actor Actor => new(UserId, Name);

    public bool Can(Operation operation) => Permissions.Allows(Role, operation);

    /// <summary>Throws when the matrix does not allow it: the check every handler makes first.</summary>
    public void Require(Operation operation)
    {
        if (!Can(operation))
        {
            throw new ForbiddenException();
        }
    }

    public static UserContext? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (!int.TryParse(principal.FindFirstValue(DhrClaims.UserId), out var userId)
            || !int.TryParse(principal.FindFirstValue(DhrClaims.PartnershipId), out var partnershipId)
            || !Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        int? agencyId = int.TryParse(principal.FindFirstValue(DhrClaims.AgencyId), out var a) ? a : null;
        return new UserContext(
            userId,
            principal.FindFirstValue(ClaimTypes.Name) ?? "Unknown",
            partnershipId,
            principal.FindFirstValue(DhrClaims.PartnershipName) ?? string.Empty,
            role,
            agencyId)
        {
            Email = principal.FindFirstValue(ClaimTypes.Email),
        };
    }

    /// <summary>An installation administrator with no directory entry: no partnership (so no partnership's rows), no agency.</summary>
    public static UserContext ForInstallationAdministrator(string email, string name) =>
        new(0, name, 0, "Installation", Role.InstallationAdministrator, null) { Email = email.ToLowerInvariant() };

    public static IEnumerable<Claim> ClaimsForInstallationAdministrator(string email, string name)
    {
        yield return new Claim(DhrClaims.UserId, "0");
        yield return new Claim(DhrClaims.PartnershipId, "0");
        yield return new Claim(DhrClaims.PartnershipName, "Installation");
        yield return new Claim(ClaimTypes.Name, name);
        yield return new Claim(ClaimTypes.Email, email.ToLowerInvariant());
        yield return new Claim(ClaimTypes.Role, Role.InstallationAdministrator.ToString());
    }

    public static IEnumerable<Claim> ClaimsFor(UserAccount account, string partnershipName, Role role)
    {
        yield return new Claim(DhrClaims.UserId, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new Claim(DhrClaims.PartnershipId, account.PartnershipId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new Claim(DhrClaims.PartnershipName, partnershipName);
        yield return new Claim(ClaimTypes.Name, account.DisplayName);
        yield return new Claim(ClaimTypes.Email, account.Email);
        yield return new Claim(ClaimTypes.Role, role.ToString());
        if (account.AgencyId is { } agency)
        {
            yield return new Claim(DhrClaims.AgencyId, agency.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>The person may not do this. Shown as "You do not have access to this."</summary>
public sealed class ForbiddenException() : Exception("You do not have access to this.");

/// <summary>Not there, or not theirs to know about: the two are deliberately indistinguishable.</summary>
public sealed class NotFoundException() : Exception("That could not be found.");
