using System.Security.Claims;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Identity.Web;

namespace DhrTracker.Web.Security;

public enum SignInMode
{
    EntraId,
    Demo,
}

/// <summary>
/// Production signs in with Microsoft Entra ID; Development without an AzureAd section signs in as a seeded
/// demo user. Production without AzureAd refuses to start.
/// </summary>
public static class AuthenticationSetup
{
    /// <summary>Why a Microsoft sign-in was refused, as the failure carries it to the not-registered page.</summary>
    public const string NotRegistered = "Your Microsoft account is not registered with DhrTracker. Ask your partnership's administrator.";

    public static SignInMode ChooseSignInMode(IConfiguration configuration, IHostEnvironment environment)
    {
        var azureAd = configuration.GetSection("AzureAd");
        if (!string.IsNullOrWhiteSpace(azureAd["ClientId"]))
        {
            return SignInMode.EntraId;
        }

        if (environment.IsDevelopment())
        {
            return SignInMode.Demo;
        }

        throw new InvalidOperationException(
            "Sign-in is not configured. Outside Development DhrTracker signs people in with Microsoft Entra ID: set AzureAd:Instance " +
            "(https://login.microsoftonline.com/), AzureAd:TenantId, AzureAd:ClientId, AzureAd:ClientSecret (or AzureAd:ClientCertificates) " +
            "and AzureAd:CallbackPath (/signin-oidc), e.g. as environment variables AzureAd__TenantId and so on. See README.md, 'Configuration'.");
    }

    public static SignInMode AddDhrAuthentication(this WebApplicationBuilder builder)
    {
        var mode = ChooseSignInMode(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(new SignInOptions(mode));
        if (mode == SignInMode.EntraId)
        {
            builder.Services
                .AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"));
            builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                var previous = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await previous(context);
                    var services = context.HttpContext.RequestServices;
                    var factory = services.GetRequiredService<DhrDbContextFactory>();
                    var claims = await EntraDirectory.MapAsync(factory, context.Principal!, InstallationAdministrators.From(services.GetRequiredService<IConfiguration>()));
                    if (claims is null)
                    {
                        context.Fail(NotRegistered);
                        return;
                    }

                    context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, context.Principal!.Identity!.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
                };

                // A refused sign-in (unknown person, no DhrTracker app role, deactivated, another Microsoft account on a linked
                // e-mail) says so and who can help, rather than "Something went wrong".
                var previousFailure = options.Events.OnRemoteFailure;
                options.Events.OnRemoteFailure = async context =>
                {
                    if (context.Failure?.Message == NotRegistered)
                    {
                        context.Response.Redirect("/account/not-registered");
                        context.HandleResponse();
                        return;
                    }

                    await previousFailure(context);
                };
            });
            builder.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => ConfigureCookie(o, builder.Environment));
        }
        else
        {
            builder.Services
                .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(options =>
                {
                    ConfigureCookie(options, builder.Environment);
                    options.LoginPath = "/account/demo";
                });
        }

        return mode;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, IHostEnvironment environment)
    {
        options.Cookie.Name = "DhrTracker.Auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        // Development runs on plain http://localhost; everywhere else the cookie never travels unencrypted.
        options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.AccessDeniedPath = "/access-denied";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
    }
}

public sealed record SignInOptions(SignInMode Mode);

/// <summary>
/// Maps an Entra ID sign-in to the app's own directory: the account is found by object id, or by e-mail on
/// the first sign-in (and then linked). Role, partnership and agency come from the directory; the token must carry
/// a DhrTracker app role.
/// </summary>
public static class EntraDirectory
{
    public static async Task<IReadOnlyList<Claim>?> MapAsync(DhrDbContextFactory factory, ClaimsPrincipal principal, IReadOnlyCollection<string>? installationAdministrators = null)
    {
        var objectId = principal.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier") ?? principal.FindFirstValue("oid");
        var email = (principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Upn))?.ToLowerInvariant();
        var appRoles = principal.FindAll(ClaimTypes.Role).Concat(principal.FindAll("roles")).Select(c => c.Value);
        var name = principal.FindFirstValue("name") ?? principal.FindFirstValue(ClaimTypes.Name) ?? email;
        return await MapAsync(factory, objectId, email, appRoles, installationAdministrators, name);
    }

    /// <summary>
    /// The claims for a Microsoft sign-in, or null when it is refused. The directory decides the role; the token's
    /// DhrTracker app role only admits the person (docs/decisions/admin-role-source.md). A person named in
    /// <c>Security:InstallationAdministrators</c> who has no directory entry signs in as the installation administrator.
    /// </summary>
    public static async Task<IReadOnlyList<Claim>?> MapAsync(
        DhrDbContextFactory factory, string? objectId, string? email, IEnumerable<string> appRoles,
        IReadOnlyCollection<string>? installationAdministrators = null, string? name = null)
    {
        await using var db = factory.Create(DataScope.System);
        var account = objectId is not null ? await db.Users.SingleOrDefaultAsync(u => u.ExternalObjectId == objectId) : null;
        if (account is null && email is not null)
        {
            if (installationAdministrators?.Contains(email, StringComparer.OrdinalIgnoreCase) == true
                && !await db.Users.AnyAsync(u => u.Email == email || (objectId != null && u.ExternalObjectId == objectId)))
            {
                return UserContext.ClaimsForInstallationAdministrator(email, string.IsNullOrWhiteSpace(name) ? email : name).ToList();
            }

            account = await db.Users.SingleOrDefaultAsync(u => u.Email == email && u.ExternalObjectId == null);
            if (account is not null && objectId is not null)
            {
                account.LinkExternalIdentity(objectId);
                await db.SaveChangesAsync();
            }
        }

        if (account is not { IsActive: true })
        {
            return null;
        }

        // Any DhrTracker app role admits the person; the role they act in is the one the directory holds.
        var admitted = appRoles.Any(r => Enum.GetNames<Role>().Contains(r, StringComparer.OrdinalIgnoreCase)
            && !string.Equals(r, nameof(Role.InstallationAdministrator), StringComparison.OrdinalIgnoreCase));
        if (!admitted)
        {
            return null;
        }

        if (account.Role == Role.LeadOfficer && account.AgencyId is null)
        {
            return null;
        }

        var partnership = await db.Partnerships.SingleAsync(p => p.Id == account.PartnershipId);
        return UserContext.ClaimsFor(account, partnership.Name, account.Role).ToList();
    }
}
