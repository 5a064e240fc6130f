using System.Security.Claims;
using Bunit;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DhrTracker.Tests.Components;

/// <summary>
/// bUnit with the app's real handlers over a real SQLite database with the demo data, signed in as a
/// chosen demo user: page tests exercise the page and its queries together.
/// </summary>
public abstract class PageTestContext : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;
    protected TestCurrentUser User { get; } = new();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Services.AddSingleton(Database.Factory);
        Services.AddSingleton<DhrTracker.Domain.Common.IClock>(Database.UkClock);
        Services.AddSingleton<ICurrentUser>(User);
        Services.AddScoped<AppDb>();
        DhrTracker.Web.AppServices.AddFeatureServices(Services);
        Services.AddMediator();
    }

    protected async Task SignInAsAsync(string email)
    {
        User.User = await TestUsers.ByEmailAsync(Database, email);
        var auth = AddAuthorization();
        auth.SetAuthorized(User.User.Name);
        auth.SetRoles(User.User.Role.ToString());
        auth.SetClaims(
            new Claim(DhrClaims.UserId, User.User.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(DhrClaims.PartnershipId, User.User.PartnershipId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Role, User.User.Role.ToString()),
            new Claim(ClaimTypes.Name, User.User.Name));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
