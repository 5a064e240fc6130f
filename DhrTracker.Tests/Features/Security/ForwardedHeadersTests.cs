using System.Net;
using DhrTracker.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DhrTracker.Tests.Features.Security;

/// <summary>
/// With Security:TrustForwardedHeaders=true, X-Forwarded-For decides the client address (and so the sign-in rate limit's
/// partition) only when the request comes from a configured proxy.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static async Task<IPAddress?> ClientAddressAsync(string connectedFrom, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var options = new ForwardedHeadersOptions();
        ForwardedHeadersSetup.Configure(options, configuration);
        IPAddress? seen = null;
        var middleware = new ForwardedHeadersMiddleware(c => { seen = c.Connection.RemoteIpAddress; return Task.CompletedTask; }, NullLoggerFactory.Instance, Options.Create(options));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(connectedFrom);
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.77";
        await middleware.Invoke(context);
        return seen;
    }

    [Fact]
    public async Task AnInventedForwardedAddressFromAnUnknownClientIsIgnored() =>
        Assert.Equal(IPAddress.Parse("198.51.100.9"), await ClientAddressAsync("198.51.100.9"));

    [Fact]
    public async Task AConfiguredProxyOrNetworkIsBelieved()
    {
        Assert.Equal(IPAddress.Parse("203.0.113.77"), await ClientAddressAsync("10.1.2.3", ("Security:KnownProxies:0", "10.1.2.3")));
        Assert.Equal(IPAddress.Parse("203.0.113.77"), await ClientAddressAsync("10.1.2.3", ("Security:KnownNetworks", "10.1.0.0/16")));
        Assert.Equal(IPAddress.Parse("10.9.2.3"), await ClientAddressAsync("10.9.2.3", ("Security:KnownNetworks", "10.1.0.0/16")));
    }

    [Fact]
    public void AProxyThatIsNotAnAddressStopsTheAppWithAMessage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Security:KnownProxies:0", "my-proxy")]).Build();
        var error = Assert.Throws<InvalidOperationException>(() => ForwardedHeadersSetup.Configure(new ForwardedHeadersOptions(), configuration));
        Assert.Contains("Security:KnownProxies", error.Message);
    }
}
