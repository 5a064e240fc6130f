using System.Net;
using System.Reflection;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Integration.Matrix;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DhrTracker.Tests.Integration;

/// <summary>
/// The demo database (migrated and seeded once, then copied for every command case), a harness for the queries,
/// and the running app with a signed-in HTTP client per principal.
/// </summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    public TestDatabase Template { get; private set; } = default!;
    public MatrixTargets Targets { get; private set; } = default!;
    public HandlerHarness Reader { get; private set; } = default!;
    public IReadOnlyDictionary<string, UserContext> Users { get; private set; } = default!;
    public IReadOnlyList<string> FirstPartnershipMarkers { get; private set; } = default!;

    public TestApp App { get; private set; } = default!;
    public MatrixTargets AppTargets { get; private set; } = default!;
    public IReadOnlyDictionary<string, UserContext> AppUsers { get; private set; } = default!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        Template = await TestDatabase.CreateAsync();
        Targets = await MatrixTargets.LoadAsync(Template.Factory);
        Reader = HandlerHarness.Over(await Template.CopyAsync());
        var users = new Dictionary<string, UserContext>();
        foreach (var p in MatrixPrincipals.All.Where(p => !p.SignedOut))
        {
            users[p.Key] = p == MatrixPrincipals.InstallationAdministrator
                ? UserContext.ForInstallationAdministrator(p.Email!, p.Email!)
                : await TestUsers.ByEmailAsync(Template, p.Email!);
        }

        Users = users;
        await using (var db = Template.Open(DataScope.System))
        {
            var first = await db.Partnerships.SingleAsync(p => p.ShortCode == DemoData.FirstPartnershipCode);
            // Names only partnership A has (review references are numbered per partnership, so B has its own DHR-2026-01).
            var secondAgencies = await db.Agencies.Where(a => a.PartnershipId != first.Id).Select(a => a.Name).ToListAsync();
            // (National bodies such as the Home Office are named in every partnership's pages, so only local names count.)
            FirstPartnershipMarkers =
            [
                first.Name,
                .. (await db.Agencies.Where(a => a.PartnershipId == first.Id).Select(a => a.Name).ToListAsync()).Except(secondAgencies).Where(n => n.Contains("Eastshire", StringComparison.Ordinal)),
                .. await db.Users.Where(u => u.PartnershipId == first.Id).Select(u => u.DisplayName).ToListAsync(),
            ];
        }

        App = new TestApp(new Dictionary<string, string?>
        {
            ["Security:InstallationAdministrators:0"] = DemoData.Emails.Administrator,
            ["Security:InstallationAdministrators:1"] = MatrixPrincipals.InstallationEmail,
        }).Start();
        AppTargets = await MatrixTargets.LoadAsync(App.Services.GetRequiredService<DhrDbContextFactory>());
        var appUsers = new Dictionary<string, UserContext>();
        foreach (var p in MatrixPrincipals.All)
        {
            _clients[p.Key] = await HttpSignIn.ClientAsync(App, p.Email);
            if (!p.SignedOut)
            {
                appUsers[p.Key] = await HttpSignIn.UserAsync(App, p.Email!);
            }
        }

        AppUsers = appUsers;
    }

    public HttpClient Client(MatrixPrincipal principal) => _clients[principal.Key];

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
        await Reader.DisposeAsync();
        await Template.DisposeAsync();
    }
}

/// <summary>
/// The authorization matrix, tried. Every command and query of the app (found by reflection), every page (found by
/// its @page route) and every download (found among the running app's endpoints) is tried as each role of
/// partnership A, as a lead officer of another agency, as partnership B's co-ordinator and signed out. What should
/// happen is worked out from <see cref="Permissions"/> alone: allowed where the matrix says; otherwise "no access"
/// for a role that may not, "not found" for another agency's or partnership's record (the same answer as for an
/// id no record has), and the sign-in page for someone signed out.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture fixture, ITestOutputHelper output) : IClassFixture<MatrixFixture>
{
    /// <summary>Every string a result holds, however deep, for the check that nothing of partnership A is in it.</summary>
    private static IEnumerable<string> TextIn(object? value, int depth = 0, HashSet<object>? seen = null)
    {
        seen ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (value is null || depth > 8)
        {
            yield break;
        }

        if (value is string s)
        {
            yield return s;
            yield break;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is DateOnly or DateTime or DateTimeOffset or decimal or byte[] || (!type.IsValueType && !seen.Add(value)))
        {
            yield break;
        }

        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
            {
                foreach (var text in TextIn(item, depth + 1, seen))
                {
                    yield return text;
                }
            }

            yield break;
        }

        foreach (var member in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => p.GetValue(value))
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => f.GetValue(value))))
        {
            foreach (var text in TextIn(member, depth + 1, seen))
            {
                yield return text;
            }
        }
    }

    // ---------- Nothing can be forgotten ----------

    public static IEnumerable<Type> DiscoveredRequests() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(IsMediatorRequest))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static readonly HashSet<string> RequestInterfaces =
        ["ICommand", "ICommand`1", "IQuery`1", "IRequest", "IRequest`1", "IStreamCommand`1", "IStreamQuery`1", "IStreamRequest`1"];

    private static bool IsMediatorRequest(Type i) => i.Namespace == "Mediator" && RequestInterfaces.Contains(i.Name);

    [Fact]
    public void EveryCommandAndQueryOfTheAppIsInTheCatalogue()
    {
        var discovered = DiscoveredRequests().ToList();
        Assert.True(discovered.Count > 50, $"Reflection found only {discovered.Count} requests: the discovery is broken.");
        var catalogued = RequestCatalogue.All.Select(c => c.RequestType).ToHashSet();
        var missing = discovered.Where(t => !catalogued.Contains(t)).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "These commands or queries have no entry in RequestCatalogue (say which operations of Permissions govern them):\n" + string.Join("\n", missing));
        var stale = catalogued.Where(t => !discovered.Contains(t)).Select(t => t.FullName).ToList();
        Assert.True(stale.Count == 0, "The catalogue names requests the app no longer has:\n" + string.Join("\n", stale));
    }

    public static IEnumerable<string> DiscoveredPageRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>(inherit: false))
            .Select(r => r.Template)
            .Distinct()
            .Order(StringComparer.Ordinal);

    [Fact]
    public void EveryPageRouteIsInTheCatalogue()
    {
        var routes = DiscoveredPageRoutes().ToList();
        var catalogued = PageCatalogue.All.Select(p => p.Template).ToHashSet();
        var missing = routes.Where(r => !catalogued.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "These @page routes have no entry in PageCatalogue:\n" + string.Join("\n", missing));
        var stale = catalogued.Where(c => !routes.Contains(c)).ToList();
        Assert.True(stale.Count == 0, "PageCatalogue names routes the app no longer has:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void EveryEndpointOfTheRunningAppIsInTheCatalogue()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var known = EndpointCatalogue.Downloads.Select(d => d.Template).Concat(EndpointCatalogue.Public).ToHashSet();
        var uncatalogued = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata"))
            {
                // A page: the page test covers it.
                continue;
            }

            if (pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_framework", StringComparison.Ordinal))
            {
                // Blazor's own circuit and script endpoints: the circuit runs as the signed-in person, whose pages are tried below.
                continue;
            }

            if (IsStaticFile(endpoint, pattern))
            {
                continue;
            }

            if (pattern == "/{**path:file}")
            {
                // Blazor's fallback for a file path nothing else matched: it serves nothing (checked below).
                continue;
            }

            if (!known.Contains(pattern))
            {
                uncatalogued.Add($"{pattern} ({endpoint.DisplayName})");
            }
        }

        Assert.True(uncatalogued.Count == 0, "These endpoints have no entry in EndpointCatalogue:\n" + string.Join("\n", uncatalogued));
    }

    [Fact]
    public async Task AnUnknownFileServesNothingToAnyone()
    {
        using var response = await fixture.Client(MatrixPrincipals.SignedOut).GetAsync("/downloads/reviews/1/secret.db");
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"Got {(int)response.StatusCode}.");
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    /// <summary>The app's own CSS, scripts and images: anonymous by design (the sign-in page needs them) and holding no data.</summary>
    private static bool IsStaticFile(RouteEndpoint endpoint, string pattern) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
        && !pattern.StartsWith("/downloads", StringComparison.Ordinal)
        && Path.HasExtension(pattern.Split('/')[^1].Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal))
        && !pattern.Contains("{**", StringComparison.Ordinal) || endpoint.DisplayName?.Contains("static", StringComparison.OrdinalIgnoreCase) == true;

    [Fact]
    public void EveryRoleIsTriedAndEveryCaseNamesOperationsOfTheMatrix()
    {
        Assert.Equal(Enum.GetValues<Role>().Order(), MatrixPrincipals.RolesCovered.Order());
        foreach (var rule in RequestCatalogue.All.Select(c => c.Rule).Concat(PageCatalogue.All.Select(p => p.Rule)).Concat(EndpointCatalogue.Downloads.Select(d => d.Rule)))
        {
            Assert.True(rule.Anonymous || rule.AnySignedIn || rule.AnyOf.Count > 0);
        }

        Assert.Equal(RequestCatalogue.All.Count, RequestCatalogue.All.Select(c => c.Name).Distinct().Count());
    }

    // ---------- Commands and queries, through the mediator ----------

    public static TheoryData<string, string> RequestCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var request in RequestCatalogue.All)
        {
            foreach (var principal in MatrixPrincipals.All)
            {
                data.Add(request.Name, principal.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequestCases))]
    public async Task Request(string request, string principal)
    {
        var entry = RequestCatalogue.ByName(request);
        var who = MatrixPrincipals.ByKey(principal);
        var user = who.SignedOut ? null : fixture.Users[who.Key];
        var expected = MatrixExpectation.For(entry.Rule, entry.Target(fixture.Targets), who, user, installationOwner: MatrixPrincipals.IsInstallationOwner(who));
        // Handlers have no sign-in page: with nobody signed in they refuse, as for a role that may not.
        if (expected == Outcome.SignIn)
        {
            expected = Outcome.Forbidden;
        }

        var harness = entry.Writes ? HandlerHarness.Over(await fixture.Template.CopyAsync()) : fixture.Reader;
        try
        {
            var coordinator = fixture.Users[MatrixPrincipals.Coordinator.Key];
            // The installation administrator has no partnership of their own: requests that need one get partnership A's.
            var context = new CaseContext(fixture.Targets, harness.Database, user is { PartnershipId: > 0 } ? user.PartnershipId : coordinator.PartnershipId, async (key, r) =>
            {
                harness.CurrentUser.User = fixture.Users[key];
                return await harness.SendObjectAsync(r);
            });
            var message = await entry.Make(context);
            harness.CurrentUser.User = user;
            var auditBefore = await AuditCountAsync(harness.Database);

            object? result = null;
            Exception? problem = null;
            try
            {
                result = await harness.SendObjectAsync(message);
            }
            catch (Exception ex)
            {
                problem = ex;
            }

            switch (expected)
            {
                case Outcome.Allowed when problem is null:
                    if (who.OtherPartnership)
                    {
                        AssertRevealsNothingOfPartnershipA(string.Join("\n", TextIn(result)), $"{request} as {principal}");
                    }

                    break;
                case Outcome.Allowed when problem is DomainException or ConflictException && entry.MayBeRejectedBecause is not null:
                    output.WriteLine($"Permitted, then refused by a rule ({entry.MayBeRejectedBecause}): {problem.Message}");
                    break;
                case Outcome.Allowed:
                    Assert.Fail($"{request} as {principal}: the matrix allows it, but it failed with {problem!.GetType().Name}: {problem.Message}");
                    break;
                case Outcome.Forbidden:
                    Assert.True(problem is ForbiddenException, $"{request} as {principal}: expected 'no access', got {Describe(result, problem)}");
                    break;
                case Outcome.NotFound:
                    Assert.True(problem is NotFoundException, $"{request} as {principal}: expected 'not found', got {Describe(result, problem)}");
                    // One message for "not there" and "not yours": nothing tells them apart.
                    Assert.Equal(new NotFoundException().Message, problem!.Message);
                    break;
            }

            if (expected != Outcome.Allowed)
            {
                Assert.Equal(auditBefore, await AuditCountAsync(harness.Database));
            }
        }
        finally
        {
            if (entry.Writes)
            {
                await harness.DisposeAsync();
            }
        }
    }

    private static string Describe(object? result, Exception? problem) =>
        problem is null ? $"success ({result?.GetType().Name})" : $"{problem.GetType().Name}: {problem.Message}";

    private static async Task<int> AuditCountAsync(TestDatabase database)
    {
        await using var db = database.Open(DataScope.System);
        return await db.AuditEntries.CountAsync();
    }

    private void AssertRevealsNothingOfPartnershipA(string content, string what)
    {
        foreach (var marker in fixture.FirstPartnershipMarkers)
        {
            Assert.False(content.Contains(marker, StringComparison.Ordinal), $"{what} shows '{marker}', which belongs to partnership A.");
        }
    }

    // ---------- Pages and downloads, over HTTP against the running app ----------

    public static TheoryData<string, string> PageCases() => RouteCases(PageCatalogue.All);

    public static TheoryData<string, string> DownloadCases() => RouteCases(EndpointCatalogue.Downloads);

    private static TheoryData<string, string> RouteCases(IEnumerable<RouteCase> routes)
    {
        var data = new TheoryData<string, string>();
        foreach (var route in routes)
        {
            foreach (var principal in MatrixPrincipals.All)
            {
                data.Add(route.Name, principal.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageCases))]
    public Task Page(string page, string principal) => GetAsync(PageCatalogue.All.Single(p => p.Name == page), principal, isPage: true);

    [Theory]
    [MemberData(nameof(DownloadCases))]
    public Task Download(string download, string principal) => GetAsync(EndpointCatalogue.Downloads.Single(d => d.Name == download), principal, isPage: false);

    private async Task GetAsync(RouteCase route, string principal, bool isPage)
    {
        var who = MatrixPrincipals.ByKey(principal);
        var user = who.SignedOut ? null : fixture.AppUsers[who.Key];
        var targets = fixture.AppTargets;
        var expected = MatrixExpectation.For(route.Rule, route.Target(targets), who, user, installationOwner: MatrixPrincipals.IsInstallationOwner(who));
        var client = fixture.Client(who);
        var url = route.Url(targets);
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var what = $"GET {url} as {principal}";

        switch (expected)
        {
            case Outcome.Allowed:
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: the matrix allows it, got {(int)response.StatusCode}.");
                // The sign-in, error, not-found and no-access pages say those words by design; the demo sign-in page lists every demo user.
                if (isPage && !route.Rule.Anonymous && !route.Rule.AnySignedIn)
                {
                    Assert.DoesNotContain("You do not have access", body, StringComparison.Ordinal);
                    Assert.DoesNotContain("it is not yours to see", body, StringComparison.Ordinal);
                }

                if (who.OtherPartnership && isPage && !route.Rule.Anonymous)
                {
                    AssertRevealsNothingOfPartnershipA(body, what);
                }

                break;
            case Outcome.SignIn:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected a redirect to sign in, got {(int)response.StatusCode}.");
                var location = new Uri(fixture.App.RootUri, response.Headers.Location!);
                Assert.True(location.AbsolutePath is "/account/demo" or "/account/signin", $"{what}: redirected to {location}, not to sign in.");
                break;
            case Outcome.Forbidden:
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: expected 403, got {(int)response.StatusCode}.");
                if (isPage)
                {
                    Assert.Contains("You do not have access", body, StringComparison.Ordinal);
                }

                break;
            case Outcome.NotFound:
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: expected 404, got {(int)response.StatusCode}.");
                if (route.MissingUrl is { } missing)
                {
                    // Exactly what an id no record has gets: nothing says the record exists.
                    using var nothing = await client.GetAsync(missing(targets));
                    Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
                    Assert.Equal(HttpSignIn.Normalise(await nothing.Content.ReadAsStringAsync()), HttpSignIn.Normalise(body));
                }

                break;
        }

        if (expected != Outcome.Allowed && !isPage)
        {
            Assert.False(response.Content.Headers.ContentDisposition is not null, $"{what}: a refused download must not send a file.");
        }
    }
}
