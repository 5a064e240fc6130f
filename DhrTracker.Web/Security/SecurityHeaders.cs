namespace DhrTracker.Web.Security;

/// <summary>
/// Response headers that keep the app's pages from being framed, sniffed or used to leak where people
/// came from, and a Content-Security-Policy the app's own pages pass.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "DhrTracker.CspNonce";

    /// <summary>The nonce this request's Content-Security-Policy allows inline scripts to carry.</summary>
    public static string? CspNonce(this HttpContext context) => context.Items.TryGetValue(NonceKey, out var nonce) ? nonce as string : null;

    /// <param name="connectSources">Origins the page's script may also connect to besides its own: Azure SignalR
    /// Service's https and wss addresses when it carries the circuits.</param>
    /// <param name="nonce">This response's nonce: Blazor's import map is an inline script, and only the script carrying
    /// the nonce may run inline. Null for responses that render no page.</param>
    public static string ContentSecurityPolicy(bool entraId, IReadOnlyList<string>? connectSources = null, string? nonce = null) => string.Join("; ",
        "default-src 'self'",
        nonce is null ? "script-src 'self'" : $"script-src 'self' 'nonce-{nonce}'",
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
        return app.Use(async (context, next) =>
        {
            // Hex, not base64: a "+" would reach the page HTML-encoded in the attribute.
            var nonce = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(entraId, connectSources, nonce);
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
