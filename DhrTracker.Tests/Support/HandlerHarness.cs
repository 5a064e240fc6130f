using DhrTracker.Web.Security;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DhrTracker.Tests.Support;

/// <summary>
/// The app's handlers wired as the app wires them (the same generated AddMediator), over a real SQLite
/// database, with the signed-in person chosen by the test.
/// </summary>
public sealed class HandlerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private HandlerHarness(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Security:InstallationAdministrators:0"] = DhrTracker.Infrastructure.Data.Seed.DemoData.Emails.Administrator,
                ["Security:InstallationAdministrators:1"] = InstallationEmail,
            })
            .Build());
        services.AddSingleton(database.Factory);
        services.AddSingleton<DhrTracker.Domain.Common.IClock>(database.UkClock);
        services.AddSingleton(CurrentUser);
        services.AddSingleton<ICurrentUser>(CurrentUser);
        services.AddScoped<AppDb>();
        DhrTracker.Web.AppServices.AddFeatureServices(services);
        services.AddMediator();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>The installation administrator the harness's configuration names (with no directory entry).</summary>
    public const string InstallationEmail = "installation@dhrtracker.example";

    public TestDatabase Database { get; }
    public TestCurrentUser CurrentUser { get; } = new();

    public static async Task<HandlerHarness> CreateAsync(bool withDemoData = true) => new(await TestDatabase.CreateAsync(withDemoData));

    /// <summary>A harness over a database the test made (a copy, say); disposing the harness disposes it.</summary>
    public static HandlerHarness Over(TestDatabase database) => new(database);

    /// <summary>Sends any request found by reflection, as the mediator's untyped Send does.</summary>
    public async Task<object?> SendObjectAsync(object request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<HandlerHarness> SignInAsAsync(string email)
    {
        CurrentUser.User = await TestUsers.ByEmailAsync(Database, email);
        return this;
    }

    public HandlerHarness SignInAsInstallationAdministrator()
    {
        CurrentUser.User = UserContext.ForInstallationAdministrator(InstallationEmail, "Ivy Installer");
        return this;
    }

    public void SignOut() => CurrentUser.User = null;

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
