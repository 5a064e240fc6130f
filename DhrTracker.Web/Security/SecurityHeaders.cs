namespace DhrTracker.Web.Security;

/// <summary>
/// Response headers that keep the app's pages from being framed, sniffed or used to leak where people
/// came from, and a Content-Security-Policy the app's own pages pass.
/// </summary>
public static class SecurityHeaders
{
    /// <param name="connectSources">Origins the page's script may also connect to besides its own: Azure SignalR
    /// Service's https and wss addresses when it carries the circuits.</param>
    public static string ContentSecurityPolicy(bool entraId, IReadOnlyList<string>? connectSources = null) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        // Blazor and Bootstrap set style attributes at run time; styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        string.Join(' ', ["connect-src 'self'", .. connectSources ?? []]),
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        entraId ? "form-action 'self' https://login.microsoftonline.com" : "form-action 'self'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool entraId, IReadOnlyList<string>? connectSources = null)
    {
        var csp = ContentSecurityPolicy(entraId, connectSources);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
