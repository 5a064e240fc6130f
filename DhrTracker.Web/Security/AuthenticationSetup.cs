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
                    var factory = context.HttpContext.RequestServices.GetRequiredService<DhrDbContextFactory>();
                    var claims = await EntraDirectory.MapAsync(factory, context.Principal!);
                    if (claims is null)
                    {
                        context.Fail("Your Microsoft account is not registered with DhrTracker, or has no DhrTracker role. Ask your administrator.");
                        return;
                    }

                    context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, context.Principal!.Identity!.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
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
/// the first sign-in (and then linked). The role comes from the token's app roles; partnership and agency
/// from the directory.
/// </summary>
public static class EntraDirectory
{
    public static async Task<IReadOnlyList<Claim>?> MapAsync(DhrDbContextFactory factory, ClaimsPrincipal principal)
    {
        var objectId = principal.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier") ?? principal.FindFirstValue("oid");
        var email = (principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Upn))?.ToLowerInvariant();
        var appRoles = principal.FindAll(ClaimTypes.Role).Concat(principal.FindAll("roles")).Select(c => c.Value);
        return await MapAsync(factory, objectId, email, appRoles);
    }

    public static async Task<IReadOnlyList<Claim>?> MapAsync(DhrDbContextFactory factory, string? objectId, string? email, IEnumerable<string> appRoles)
    {
        await using var db = factory.Create(DataScope.System);
        var account = objectId is not null ? await db.Users.SingleOrDefaultAsync(u => u.ExternalObjectId == objectId) : null;
        if (account is null && email is not null)
        {
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

        // The token's app role decides the role; a person given several gets the first the directory agrees with.
        var roles = appRoles.Select(r => Enum.TryParse<Role>(r, ignoreCase: true, out var role) ? role : (Role?)null).OfType<Role>().ToList();
        if (roles.Count == 0)
        {
            return null;
        }

        var chosen = roles.Contains(account.Role) ? account.Role : roles[0];
        if (chosen == Role.LeadOfficer && account.AgencyId is null)
        {
            return null;
        }

        var partnership = await db.Partnerships.SingleAsync(p => p.Id == account.PartnershipId);
        return UserContext.ClaimsFor(account, partnership.Name, chosen).ToList();
    }
}
