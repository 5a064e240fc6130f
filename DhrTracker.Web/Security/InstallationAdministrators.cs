namespace DhrTracker.Web.Security;

/// <summary>
/// The installation's owners, named by e-mail in <c>Security:InstallationAdministrators</c>: they set up partnerships
/// (and, on SQLite, take backups). One without a directory entry of their own signs in as
/// <see cref="Domain.Users.Role.InstallationAdministrator"/>, which sees no partnership's data
/// (docs/decisions/admin-role-source.md).
/// </summary>
public static class InstallationAdministrators
{
    public static IReadOnlyList<string> From(IConfiguration configuration) =>
        (configuration.GetSection("Security:InstallationAdministrators").Get<string[]>() ?? [])
            .Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim().ToLowerInvariant()).ToList();

    public static bool Includes(IConfiguration configuration, string? email) =>
        email is not null && From(configuration).Contains(email.Trim(), StringComparer.OrdinalIgnoreCase);

    public static bool Includes(IConfiguration configuration, UserContext user) => Includes(configuration, user.Email);
}
