using System.Globalization;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Web.Components;
using DhrTracker.Web.Endpoints;
using DhrTracker.Web.Hosting;
using DhrTracker.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

// Dates and numbers as a UK partnership writes them, whatever the server's own locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-GB");

var builder = WebApplication.CreateBuilder(args);

var signInMode = builder.AddDhrAuthentication();
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddHttpContextAccessor();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => DhrDbContextFactory.FromConfiguration(
    builder.Configuration, sp.GetRequiredService<TimeProvider>(), builder.Environment.ContentRootPath));
// One key ring for every instance, kept in the database: a sign-in cookie or antiforgery token made by one
// server is read by the others behind the load balancer (README, "Deployment"; docs/decisions/0008).
builder.Services.AddDataProtection()
    .SetApplicationName("DhrTracker")
    .PersistKeysToDhrDatabase();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<AppDb>();
AppServices.AddFeatureServices(builder.Services);
builder.Services.AddMediator();

builder.Services.AddSignInRateLimit(builder.Configuration);
// Azure SignalR Service carries the circuits' connections when Azure:SignalR:ConnectionString is set (docs/decisions/0008);
// otherwise the app servers hold them, and this registers nothing.
var signalRServiceOrigins = builder.AddAzureSignalRIfConfigured();
builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddHealthChecks();
builder.Services.AddHttpsRedirection(o => o.HttpsPort = builder.Configuration.GetValue<int?>("HttpsPort") ?? 443);
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    // Only when the deployment says a TLS-terminating proxy sits in front (App Service, IIS ARR, nginx).
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    o.KnownIPNetworks.Clear();
    o.KnownProxies.Clear();
});

var app = builder.Build();

var factory = app.Services.GetRequiredService<DhrDbContextFactory>();
await DatabaseInitializer.PrepareAsync(factory, app.Configuration.GetValue("Database:MigrateOnStart", false));
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Database:SeedDemoData", true))
{
    var clock = app.Services.GetRequiredService<TimeProvider>();
    await DemoData.SeedIfEmptyAsync(factory, UkClock.Today(clock));
}

if (app.Configuration.GetValue("Security:TrustForwardedHeaders", false))
{
    app.UseForwardedHeaders();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders(signInMode == SignInMode.EntraId, signalRServiceOrigins);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapAccountEndpoints(signInMode);
app.MapDownloadEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
