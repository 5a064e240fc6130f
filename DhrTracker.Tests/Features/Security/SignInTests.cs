using System.Security.Claims;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Endpoints;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace DhrTracker.Tests.Features.Security;

public sealed class SignInTests
{
    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "DhrTracker.Web";
        public string ContentRootPath { get; set; } = ".";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void DevelopmentWithoutAzureAdUsesDemoSignIn() =>
        Assert.Equal(SignInMode.Demo, AuthenticationSetup.ChooseSignInMode(Config(), new Env("Development")));

    [Fact]
    public void AzureAdConfiguredUsesEntraIdEvenInDevelopment() =>
        Assert.Equal(SignInMode.EntraId, AuthenticationSetup.ChooseSignInMode(Config(("AzureAd:ClientId", "abc")), new Env("Development")));

    [Fact]
    public void ProductionWithoutAzureAdRefusesToStartAndSaysWhatToConfigure()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AuthenticationSetup.ChooseSignInMode(Config(), new Env("Production")));
        Assert.Contains("AzureAd:TenantId", error.Message);
        Assert.Contains("AzureAd:ClientId", error.Message);
    }

    [Fact]
    public void ProductionAppWithoutAzureAdFailsAtStartUp()
    {
        using var app = new TestApp(environment: "Production");
        var error = Assert.ThrowsAny<Exception>(() => app.Start());
        Assert.Contains("AzureAd", error.ToString());
    }

    [Fact]
    public async Task EntraSignInMapsAppRoleAndTakesPartnershipAndAgencyFromTheDirectory()
    {
        await using var database = await TestDatabase.CreateAsync();
        var claims = await EntraDirectory.MapAsync(database.Factory, "oid-police-1", DemoData.Emails.PoliceOfficer, ["LeadOfficer"]);

        Assert.NotNull(claims);
        var user = UserContext.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")))!;
        Assert.Equal(Role.LeadOfficer, user.Role);
        Assert.NotNull(user.AgencyId);
        await using var db = database.Open(DataScope.System);
        var account = await db.Users.SingleAsync(u => u.Email == DemoData.Emails.PoliceOfficer);
        Assert.Equal(account.PartnershipId, user.PartnershipId);
        Assert.Equal("oid-police-1", account.ExternalObjectId);

        // Once linked, the object id alone finds the account, whatever the e-mail claim says.
        var again = await EntraDirectory.MapAsync(database.Factory, "oid-police-1", "changed@example.org", ["LeadOfficer"]);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task EntraSignInIsRefusedForUnknownPeopleAndForTokensWithoutARole()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Null(await EntraDirectory.MapAsync(database.Factory, "oid-x", "stranger@example.org", ["Coordinator"]));
        Assert.Null(await EntraDirectory.MapAsync(database.Factory, "oid-y", DemoData.Emails.Coordinator, []));
        Assert.Null(await EntraDirectory.MapAsync(database.Factory, "oid-z", DemoData.Emails.Coordinator, ["NotARole"]));
    }

    [Fact]
    public async Task TheDirectoryDecidesTheRoleWhateverDhrTrackerAppRoleTheTokenCarries()
    {
        await using var database = await TestDatabase.CreateAsync();
        var claims = await EntraDirectory.MapAsync(database.Factory, "oid-c", DemoData.Emails.Coordinator, ["CspChair"]);
        Assert.Equal(Role.Coordinator, UserContext.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")))!.Role);
        // An app role that is not a partnership role admits no one.
        Assert.Null(await EntraDirectory.MapAsync(database.Factory, "oid-c", DemoData.Emails.Coordinator, ["InstallationAdministrator"]));
    }

    [Fact]
    public async Task ANamedInstallationAdministratorWithoutADirectoryEntrySignsInAsTheInstallationsAdministrator()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: false);
        string[] owners = ["ivy@council.example"];
        var claims = await EntraDirectory.MapAsync(database.Factory, "oid-ivy", "Ivy@Council.example", [], owners, "Ivy Installer");
        var user = UserContext.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")))!;
        Assert.Equal((Role.InstallationAdministrator, 0, "Ivy Installer"), (user.Role, user.PartnershipId, user.Name));

        // Anyone else on the empty installation is refused.
        Assert.Null(await EntraDirectory.MapAsync(database.Factory, "oid-x", "someone@council.example", ["Administrator"], owners));
    }

    [Fact]
    public async Task ADeactivatedPersonOrAnotherMicrosoftAccountOnALinkedAddressIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.NotNull(await EntraDirectory.MapAsync(database.Factory, "oid-first", DemoData.Emails.Scrutiny, ["Scrutiny"]));
        Assert.Null(await EntraDirectory.MapAsync(database.Factory, "oid-second", DemoData.Emails.Scrutiny, ["Scrutiny"]));
        await using (var db = database.Open(DataScope.System))
        {
            (await db.Users.SingleAsync(u => u.Email == DemoData.Emails.Scrutiny)).Deactivate();
            await db.SaveChangesAsync();
        }

        Assert.Null(await EntraDirectory.MapAsync(database.Factory, "oid-first", DemoData.Emails.Scrutiny, ["Scrutiny"]));
    }

    [Theory]
    [InlineData("/reviews/3", "/reviews/3")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData(null, "/")]
    public void ReturnUrlsStayOnThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, AccountEndpoints.LocalOnly(returnUrl));
}
