using System.Runtime.CompilerServices;
using Microsoft.Azure.SignalR;

namespace DhrTracker.Web.Hosting;

/// <summary>
/// Azure SignalR Service, when <c>Azure:SignalR:ConnectionString</c> is set: the browsers' circuit connections go to the
/// service instead of to the app servers (docs/decisions/0008). Without the setting nothing of the SDK is registered
/// or loaded: the app serves its circuits itself, as before.
/// </summary>
public static class AzureSignalRService
{
    public const string ConnectionStringKey = "Azure:SignalR:ConnectionString";

    /// <summary>
    /// Wires the service when it is configured and returns the origins the browser must be allowed to connect to
    /// (https and wss of the service's client endpoint), for the Content-Security-Policy; none when it is not.
    /// </summary>
    public static IReadOnlyList<string> AddAzureSignalRIfConfigured(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration[ConnectionStringKey];
        return string.IsNullOrWhiteSpace(connectionString) ? [] : Wire(builder.Services, connectionString);
    }

    // A method of its own, so that the SDK's assembly is loaded only when this runs (the JIT resolves the types a
    // method uses when it compiles that method, not its caller).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IReadOnlyList<string> Wire(IServiceCollection services, string connectionString)
    {
        var origins = ClientOrigins(connectionString);
        services.AddSignalR().AddAzureSignalR(options =>
        {
            options.ConnectionString = connectionString;
            // A circuit lives in the memory of the server that prerendered its page: every message of a browser's
            // connection must reach that server, never another one.
            options.ServerStickyMode = ServerStickyMode.Required;
        });
        return origins;
    }

    /// <summary>The origins a browser connects to: the connection string's <c>ClientEndpoint</c> when it has one (a
    /// gateway in front of the service), otherwise its <c>Endpoint</c>, with the port when one is given.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyList<string> ClientOrigins(string connectionString)
    {
        // The SDK's own parser: the same rules (and the same error for a malformed string) as the service connection.
        var endpoint = new ServiceEndpoint(connectionString);
        var client = endpoint.ClientEndpoint ?? new Uri(endpoint.Endpoint);
        var origin = client.GetLeftPart(UriPartial.Authority);
        var socketScheme = client.Scheme == Uri.UriSchemeHttp ? "ws" : "wss";
        return [origin, socketScheme + origin[client.Scheme.Length..]];
    }
}
