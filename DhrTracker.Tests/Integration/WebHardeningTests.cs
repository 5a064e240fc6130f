using System.Net;
using System.Text.RegularExpressions;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DhrTracker.Tests.Integration;

/// <summary>HTTP-level checks of the guarantees a partnership's information governance lead will ask about.</summary>
public sealed partial class WebHardeningTests
{
    private static readonly Dictionary<string, string?> EntraSettings = new()
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001",
        ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
        ["AzureAd:ClientSecret"] = "test-secret",
        ["AzureAd:CallbackPath"] = "/signin-oidc",
    };

    [Fact]
    public async Task EveryPageCarriesTheSecurityHeaders()
    {
        using var app = new TestApp().Start();
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/account/demo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task TheOnlyInlineScriptIsTheImportMapCarryingThisResponsesNonce()
    {
        using var app = new TestApp().Start();
        using var client = app.CreateHttpClient();
        var first = await client.GetAsync("/account/demo");
        var second = await client.GetAsync("/account/demo");

        string Nonce(HttpResponseMessage response) =>
            Regex.Match(string.Join(";", response.Headers.GetValues("Content-Security-Policy")), "script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'").Groups[1].Value;
        var nonce = Nonce(first);
        Assert.NotEmpty(nonce);
        Assert.NotEqual(nonce, Nonce(second));
        Assert.DoesNotContain("unsafe-inline", Regex.Match(string.Join(";", first.Headers.GetValues("Content-Security-Policy")), "script-src[^;]*").Value);

        var html = await first.Content.ReadAsStringAsync();
        var inline = Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase).Select(m => m.Value).ToList();
        Assert.Equal(["importmap"], inline.Select(tag => Regex.Match(tag, "type=\"([^\"]+)\"").Groups[1].Value));
        Assert.Contains($"nonce=\"{nonce}\"", System.Net.WebUtility.HtmlDecode(inline.Single()));
    }

    [Fact]
    public async Task SignedOutRequestsAreSentToSignIn()
    {
        using var app = new TestApp().Start();
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/reviews");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/demo", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task DemoSignInSetsAnHttpOnlyCookieAndNeedsTheAntiforgeryToken()
    {
        using var app = new TestApp().Start();
        using var client = app.CreateHttpClient();
        var userId = await UserIdAsync(app, DemoData.Emails.Coordinator);

        var withoutToken = await client.PostAsync("/account/demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "demo-signin",
            ["UserId"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        var response = await SignInAsync(client, userId);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("DhrTracker.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var register = await client.GetAsync("/reviews");
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Contains(DemoData.References.PublishedRecent, await register.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOutNeedsTheAntiforgeryToken()
    {
        using var app = new TestApp().Start();
        using var client = app.CreateHttpClient();
        await SignInAsync(client, await UserIdAsync(app, DemoData.Emails.Chair));

        var forged = await client.PostAsync("/account/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/reviews")).StatusCode);
    }

    [Fact]
    public async Task SignInAttemptsAreRateLimitedPerAddress()
    {
        using var app = new TestApp(new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "3" }).Start();
        using var client = app.CreateHttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsync("/account/demo", new FormUrlEncodedContent([]))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(3, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/signed-out")).StatusCode);
    }

    [Fact]
    public async Task ProductionRedirectsToHttpsSendsHstsAndHasNoDemoSignIn()
    {
        var settings = new Dictionary<string, string?>(EntraSettings) { ["Security:TrustForwardedHeaders"] = "true" };
        using var app = new TestApp(settings, environment: "Production").Start();
        using var client = app.CreateHttpClient();

        var http = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, http.StatusCode);
        Assert.Equal("https", http.Headers.Location!.Scheme);

        // Behind a TLS-terminating proxy the app sees https through the forwarded headers: then HSTS is sent.
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/health");
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        viaProxy.Headers.Add("X-Forwarded-Host", "dhr.example.org");
        var https = await client.SendAsync(viaProxy);
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.Contains("max-age=", https.Headers.GetValues("Strict-Transport-Security").Single());

        // No demo users in Production: the demo page offers Microsoft sign-in instead.
        using var demoRequest = new HttpRequestMessage(HttpMethod.Get, "/account/demo");
        demoRequest.Headers.Add("X-Forwarded-Proto", "https");
        demoRequest.Headers.Add("X-Forwarded-Host", "dhr.example.org");
        var demo = await (await client.SendAsync(demoRequest)).Content.ReadAsStringAsync();
        Assert.Contains("Demo sign-in is available only in Development", demo);
        Assert.DoesNotContain(DemoData.Emails.Coordinator, demo);

        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, options.Cookie.SecurePolicy);
        Assert.True(options.Cookie.HttpOnly);
    }

    private static async Task<int> UserIdAsync(TestApp app, string email)
    {
        var factory = app.Services.GetRequiredService<DhrDbContextFactory>();
        await using var db = factory.Create(DataScope.System);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, int userId)
    {
        var page = await client.GetStringAsync("/account/demo");
        var token = AntiforgeryField().Match(page).Groups["token"].Value;
        Assert.False(string.IsNullOrEmpty(token), "The demo sign-in form should carry an antiforgery token.");
        return await client.PostAsync("/account/demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "demo-signin",
            ["__RequestVerificationToken"] = token,
            ["UserId"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
