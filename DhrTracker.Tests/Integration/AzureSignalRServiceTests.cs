using System.Net;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Integration.Matrix;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Hosting;
using Microsoft.Azure.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DhrTracker.Tests.Integration;

/// <summary>
/// Azure SignalR Service is wired only when <c>Azure:SignalR:ConnectionString</c> is set (docs/decisions/0008). The
/// fake service below cannot be reached (no such host; and with no network here, no host at all): the SDK keeps
/// retrying its server connections in the background and answers a browser's negotiation with "not connected yet"
/// itself, while the app's own pages are served as usual. Nothing here waits for the service.
/// </summary>
public sealed class AzureSignalRServiceTests
{
    private const string FakeConnectionString =
        "Endpoint=https://fake.service.signalr.net;AccessKey=ZmFrZS1hY2Nlc3Mta2V5LWZvci10ZXN0cy1vbmx5LTEyMzQ1Njc4OTA=;Version=1.0;";

    [Fact]
    public async Task WithAConnectionStringTheServiceCarriesTheCircuitsAndTheCspAllowsIt()
    {
        var services = new List<ServiceDescriptor>();
        using var app = new TestApp(
            new Dictionary<string, string?> { [AzureSignalRService.ConnectionStringKey] = FakeConnectionString },
            configureServices: s => services.AddRange(s)).Start();

        // The app started and serves its pages although the service is unreachable.
        using var anonymous = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var page = await anonymous.GetAsync("/account/demo");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(
            "connect-src 'self' https://fake.service.signalr.net wss://fake.service.signalr.net;",
            page.Headers.GetValues("Content-Security-Policy").Single());

        var options = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        Assert.Equal(ServerStickyMode.Required, options.ServerStickyMode);
        Assert.Equal("https://fake.service.signalr.net", new ServiceEndpoint(options.ConnectionString!).Endpoint);
        Assert.Contains(services, d => d.ServiceType.Assembly.GetName().Name!.StartsWith("Microsoft.Azure.SignalR", StringComparison.Ordinal));

        // The circuit hub's negotiation is answered by the SDK, not by the app's own SignalR: it sends the browser to
        // the service when the service is connected, and says it is not connected yet while it cannot reach it.
        using var signedIn = await HttpSignIn.ClientAsync(app, DemoData.Emails.Coordinator);
        var negotiate = await signedIn.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        var body = await negotiate.Content.ReadAsStringAsync();
        Assert.True(
            body.Contains("Azure SignalR Service is not connected yet", StringComparison.Ordinal)
            || body.Contains("\"url\":\"https://fake.service.signalr.net/client/", StringComparison.Ordinal),
            $"Negotiation answered {(int)negotiate.StatusCode}: {body}");
        Assert.DoesNotContain("availableTransports", body);
    }

    [Fact]
    public async Task WithoutAConnectionStringNothingOfTheServiceIsRegisteredAndTheAppServesItsCircuits()
    {
        var services = new List<ServiceDescriptor>();
        using var app = new TestApp(configureServices: s => services.AddRange(s)).Start();

        using var anonymous = app.CreateHttpClient();
        var page = await anonymous.GetAsync("/account/demo");
        Assert.Contains("connect-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain(services, d =>
            d.ServiceType.Assembly.GetName().Name!.StartsWith("Microsoft.Azure.SignalR", StringComparison.Ordinal)
            || (d.ImplementationType?.Assembly.GetName().Name?.StartsWith("Microsoft.Azure.SignalR", StringComparison.Ordinal) ?? false));

        using var signedIn = await HttpSignIn.ClientAsync(app, DemoData.Emails.Coordinator);
        var negotiate = await signedIn.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        var body = await negotiate.Content.ReadAsStringAsync();
        Assert.Contains("\"connectionToken\"", body);
        Assert.Contains("\"availableTransports\"", body);
    }

    [Theory]
    [InlineData("Endpoint=https://dhr.service.signalr.net;AccessKey=abc;Version=1.0;", "https://dhr.service.signalr.net", "wss://dhr.service.signalr.net")]
    [InlineData("Endpoint=https://dhr.service.signalr.net;AccessKey=abc;Port=8443;Version=1.0;", "https://dhr.service.signalr.net:8443", "wss://dhr.service.signalr.net:8443")]
    [InlineData("Endpoint=https://dhr.service.signalr.net;ClientEndpoint=https://signalr.partnership.example;AccessKey=abc;Version=1.0;", "https://signalr.partnership.example", "wss://signalr.partnership.example")]
    public void TheBrowserMayConnectToTheServicesClientAddress(string connectionString, string https, string wss)
    {
        Assert.Equal([https, wss], AzureSignalRService.ClientOrigins(connectionString));
    }
}
