using System.Net;
using System.Text.RegularExpressions;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DhrTracker.Tests.Integration.Matrix;

/// <summary>Plain HTTP clients signed in through the demo sign-in form, as a browser would be.</summary>
public static partial class HttpSignIn
{
    public static async Task<UserContext> UserAsync(TestApp app, string email)
    {
        if (email == MatrixPrincipals.InstallationEmail)
        {
            return UserContext.ForInstallationAdministrator(email, email);
        }

        var factory = app.Services.GetRequiredService<DhrDbContextFactory>();
        await using var db = factory.Create(DataScope.System);
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == account.PartnershipId);
        return new UserContext(account.Id, account.DisplayName, account.PartnershipId, partnership.Name, account.Role, account.AgencyId) { Email = email };
    }

    /// <summary>A cookie-keeping client that does not follow redirects, signed in as this person (or not at all).</summary>
    public static async Task<HttpClient> ClientAsync(TestApp app, string? email) =>
        email is null ? app.CreateHttpClient() : (await SignInAsync(app, email)).Client;

    /// <summary>The sign-in cookie of a fresh session for this person, to hand to a browser context.</summary>
    public static async Task<Cookie> CookieAsync(TestApp app, string email)
    {
        var (client, cookies) = await SignInAsync(app, email);
        client.Dispose();
        return cookies.GetCookies(app.RootUri).Single(c => c.Name == "DhrTracker.Auth");
    }

    private static async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(TestApp app, string email)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true }) { BaseAddress = app.RootUri };

        var user = await UserAsync(app, email);
        var page = await client.GetStringAsync("/account/demo");
        var token = AntiforgeryField().Match(page).Groups["token"].Value;
        var response = await client.PostAsync("/account/demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "demo-signin",
            ["__RequestVerificationToken"] = token,
            [user.Role == Role.InstallationAdministrator ? "InstallationEmail" : "UserId"] =
                user.Role == Role.InstallationAdministrator ? email : user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Demo sign-in as {email} answered {(int)response.StatusCode}.");
        }

        return (client, cookies);
    }

    /// <summary>
    /// The page as a person reads it: without the per-request antiforgery token and Blazor's prerender markers,
    /// which differ on every response whatever the page says.
    /// </summary>
    public static string Normalise(string html) =>
        CspNonce().Replace(AntiforgeryValue().Replace(BlazorMarker().Replace(html, ""), "token"), "nonce");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("(?<=__RequestVerificationToken\" value=\")[^\"]+")]
    private static partial Regex AntiforgeryValue();

    /// <summary>Each response's Content-Security-Policy nonce, on the import map.</summary>
    [GeneratedRegex("(?<= nonce=\")[^\"]+")]
    private static partial Regex CspNonce();

    [GeneratedRegex("<!--Blazor:.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlazorMarker();
}
