using DhrTracker.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace DhrTracker.Web.Endpoints;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app, SignInMode mode)
    {
        var group = app.MapGroup("/account").AllowAnonymous();

        group.MapGet("/signin", (string? returnUrl) => mode == SignInMode.EntraId
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.LocalRedirect($"/account/demo?returnUrl={Uri.EscapeDataString(LocalOnly(returnUrl))}"));

        // A form post with the antiforgery token: signing out cannot be triggered by another site.
        group.MapPost("/signout", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (mode == SignInMode.EntraId)
            {
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signed-out" }, [OpenIdConnectDefaults.AuthenticationScheme]);
            }

            return Results.LocalRedirect("/account/signed-out");
        });
    }

    /// <summary>Only paths on this site: an open redirect would let a phishing link borrow our sign-in page.</summary>
    public static string LocalOnly(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
