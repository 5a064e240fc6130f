using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DhrTracker.Tests.Support;

/// <summary>
/// The real app on a real loopback port (Kestrel), in Development with demo sign-in, over its own SQLite
/// file with the demo data. Several instances may share one database file (<c>databasePath</c>), as several
/// servers behind a load balancer share one database; the caller then owns that file.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dhr-app-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sharedDatabasePath;
    private readonly Action<IServiceCollection>? _configureServices;

    public TestApp(
        IDictionary<string, string?>? settings = null,
        string environment = "Development",
        string? databasePath = null,
        Action<IServiceCollection>? configureServices = null)
    {
        Directory.CreateDirectory(_folder);
        Environment = environment;
        _sharedDatabasePath = databasePath;
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dhr"] = $"Data Source={DatabasePath}",
            ["Database:Provider"] = "Sqlite",
            // Browser tests sign in many times a minute from one address; the limit itself has its own test.
            ["Security:SignInAttemptsPerMinute"] = "10000",
            // E-mail goes to this app's own folder, never the source tree; the background cycle only where a test asks for it.
            ["Email:PickupDirectory"] = Path.Combine(_folder, "mail"),
            ["Email:Background"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public string Environment { get; }

    /// <summary>Where the pickup transport writes this app's .eml files (unless the test's settings moved it).</summary>
    public string PickupDirectory => _settings["Email:PickupDirectory"]!;

    public string DatabasePath => _sharedDatabasePath ?? Path.Combine(_folder, "app.db");

    public Uri RootUri { get; private set; } = default!;

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateHttpClient(Uri? baseAddress = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer(), UseCookies = true })
        {
            BaseAddress = baseAddress ?? RootUri,
        };

    public TestApp Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        RootUri = new Uri(addresses.First());
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
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
