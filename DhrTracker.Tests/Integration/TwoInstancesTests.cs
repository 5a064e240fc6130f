using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Reviews.Panel;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DhrTracker.Tests.Integration;

/// <summary>
/// Two instances of the app over one database, as two servers behind a load balancer: a sign-in made on one
/// is honoured by the other (the data-protection key ring is in the database), and an update made on one is
/// seen on the other.
/// </summary>
public sealed partial class TwoInstancesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dhr-two-instances", Guid.NewGuid().ToString("N"));

    public TwoInstancesTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task ASignInOnOneInstanceIsHonouredByTheOtherAndAnUpdateOnOneIsSeenOnTheOther()
    {
        var database = Path.Combine(_folder, "shared.db");
        using var a = StartInstance("a", database);
        using var b = StartInstance("b", database);

        // Both instances work from the one key ring in the database.
        await using (var db = a.Services.GetRequiredService<DhrDbContextFactory>().Create(DataScope.System))
        {
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        }

        Assert.Equal(KeyIds(a), KeyIds(b));

        // Sign in on A; then only the auth cookie goes to B, as after the load balancer moved the person.
        var coordinator = await AccountAsync(a, DemoData.Emails.Coordinator);
        using var clientA = Client(a, out var cookiesA);
        var signIn = await SignInAsync(clientA, coordinator.Id);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authCookies = cookiesA.GetCookies(a.RootUri).Where(c => c.Name.StartsWith("DhrTracker.Auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(authCookies);

        using var clientB = Client(b, out var cookiesB);
        foreach (var cookie in authCookies)
        {
            cookiesB.Add(b.RootUri, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        var register = await clientB.GetAsync("/reviews");
        Assert.True(register.StatusCode == HttpStatusCode.OK,
            $"Instance B should honour the sign-in made on instance A, but answered {(int)register.StatusCode} {register.Headers.Location}");
        Assert.Contains(DemoData.References.PanelAndTerms, await register.Content.ReadAsStringAsync());

        // An update made through A (the app's own command, as the co-ordinator) is on B's page.
        var (reviewId, version) = await ReviewAsync(a, DemoData.References.PanelAndTerms);
        var newMember = $"Independent Member {Guid.NewGuid():N}"[..30];
        Assert.DoesNotContain(newMember, await clientB.GetStringAsync($"/reviews/{reviewId}"));

        await using (var scope = a.Services.CreateAsyncScope())
        {
            var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
                UserContext.ClaimsFor(coordinator, DemoData.FirstPartnershipName, coordinator.Role), "test", ClaimTypes.Name, ClaimTypes.Role));
            authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new AddPanelMemberCommand(reviewId, version, null, newMember, "Independent member"));
        }

        var reviewOnB = await clientB.GetAsync($"/reviews/{reviewId}");
        Assert.Equal(HttpStatusCode.OK, reviewOnB.StatusCode);
        Assert.Contains(newMember, await reviewOnB.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheKeyRingIsKeptInTheDatabaseAndNeverCopiedIntoTheAuditTrail()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: false);
        var repository = new DataProtectionKeyRepository(database.Factory, NullLogger<DataProtectionKeyRepository>.Instance);

        repository.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "k1"), "secret material"), "key-k1");

        var stored = Assert.Single(repository.GetAllElements());
        Assert.Equal("k1", stored.Attribute("id")!.Value);
        await using (var db = database.Open(DataScope.System))
        {
            Assert.Equal("key-k1", (await db.DataProtectionKeys.SingleAsync()).FriendlyName);
            Assert.Empty(await db.AuditEntries.ToListAsync());
        }

        // Not partnership data: a context scoped to one partnership neither filters nor refuses it.
        await using (var scoped = database.Open(DataScope.For(1, 1, "Someone")))
        {
            Assert.Single(await scoped.DataProtectionKeys.ToListAsync());
            scoped.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey { FriendlyName = "key-k2", Xml = "<key id=\"k2\" />" });
            await scoped.SaveChangesAsync();
            Assert.Empty(await scoped.AuditEntries.IgnoreQueryFilters().ToListAsync());
        }

        Assert.Equal(2, repository.GetAllElements().Count);
    }

    /// <summary>
    /// An instance as if on its own machine: whatever key store the app does not configure itself falls back to a
    /// folder of this instance alone (on one test machine the default folder, ~/.aspnet/DataProtection-Keys, would
    /// be shared by both and hide a missing shared store).
    /// </summary>
    private TestApp StartInstance(string name, string databasePath)
    {
        var machineLocalKeys = new DirectoryInfo(Path.Combine(_folder, $"keys-{name}"));
        return new TestApp(databasePath: databasePath, configureServices: services =>
            services.PostConfigure<KeyManagementOptions>(o => o.XmlRepository ??= new FileSystemXmlRepository(machineLocalKeys, NullLoggerFactory.Instance)))
            .Start();
    }

    private static List<Guid> KeyIds(TestApp app) =>
        app.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).Order().ToList();

    private static HttpClient Client(TestApp app, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true }) { BaseAddress = app.RootUri };
    }

    private static async Task<DhrTracker.Domain.Users.UserAccount> AccountAsync(TestApp app, string email)
    {
        await using var db = app.Services.GetRequiredService<DhrDbContextFactory>().Create(DataScope.System);
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private static async Task<(int Id, int Version)> ReviewAsync(TestApp app, string reference)
    {
        await using var db = app.Services.GetRequiredService<DhrDbContextFactory>().Create(DataScope.System);
        var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Reference == reference);
        return (review.Id, review.Version);
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp clean-up.
        }
    }
}
