using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DhrTracker.Web.Security;

/// <summary>
/// With <c>Security:TrustForwardedHeaders=true</c> the app reads the client address, scheme and host from the
/// <c>X-Forwarded-*</c> headers, but only when they come from a proxy the deployment names
/// (<c>Security:KnownProxies</c>, addresses; <c>Security:KnownNetworks</c>, CIDR ranges) or from this machine itself.
/// Anyone else's headers are ignored, so a script cannot dodge the sign-in rate limit by inventing addresses.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        // The defaults (loopback only) stay: a proxy on the same machine (IIS, nginx) is trusted.
        foreach (var proxy in Values(configuration, "Security:KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"Security:KnownProxies holds \"{proxy}\", which is not an IP address."));
        }

        foreach (var network in Values(configuration, "Security:KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"Security:KnownNetworks holds \"{network}\", which is not a CIDR range such as 10.0.0.0/24."));
        }
    }

    /// <summary>A list in configuration, given either as an array or as one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.Get<string[]>() ?? [];
        if (items.Length == 0 && !string.IsNullOrWhiteSpace(section.Value))
        {
            items = section.Value.Split(',');
        }

        return items.Select(i => i.Trim()).Where(i => i.Length > 0);
    }
}
