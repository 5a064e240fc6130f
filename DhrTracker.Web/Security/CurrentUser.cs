using Microsoft.AspNetCore.Components.Authorization;

namespace DhrTracker.Web.Security;

public interface ICurrentUser
{
    /// <summary>The signed-in person, or a <see cref="ForbiddenException"/> when nobody is.</summary>
    Task<UserContext> GetAsync(CancellationToken cancellationToken = default);

    Task<UserContext?> TryGetAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads the signed-in person from the Blazor authentication state inside a circuit, or from the request
/// for plain HTTP endpoints (downloads), where the authentication state provider is not set.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider, IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    public async Task<UserContext> GetAsync(CancellationToken cancellationToken = default) =>
        await TryGetAsync(cancellationToken) ?? throw new ForbiddenException();

    public async Task<UserContext?> TryGetAsync(CancellationToken cancellationToken = default)
    {
        if (httpContextAccessor.HttpContext is { } http && !http.WebSockets.IsWebSocketRequest && http.User.Identity?.IsAuthenticated == true)
        {
            return UserContext.FromPrincipal(http.User);
        }

        try
        {
            var state = await authenticationStateProvider.GetAuthenticationStateAsync();
            return UserContext.FromPrincipal(state.User);
        }
        catch (InvalidOperationException)
        {
            return UserContext.FromPrincipal(httpContextAccessor.HttpContext?.User);
        }
    }
}
