using System.Globalization;
using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Infrastructure.Time;
using DhrTracker.Web;
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

// The one source of time (UTC for storage, the UK date for rules); tests replace the TimeProvider beneath it.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IClock>(sp => new UkClock(sp.GetRequiredService<TimeProvider>()));
builder.Services.AddSingleton(sp => DhrDbContextFactory.FromConfiguration(
    builder.Configuration, sp.GetRequiredService<IClock>(), builder.Environment.ContentRootPath, sp.GetRequiredService<ILoggerFactory>()));
// One key ring for every instance, kept in the database: a sign-in cookie or antiforgery token made by one
// server is read by the others behind the load balancer (README, "Deployment"; docs/decisions/0008).
builder.Services.AddDataProtection()
    .SetApplicationName("DhrTracker")
    .PersistKeysToDhrDatabase();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<AppDb>();
AppServices.AddFeatureServices(builder.Services);
// E-mail: the transport chosen by Email:Transport (files in App_Data/mail when nothing is configured), the outbox
// sender and the digest cycle, run in the background on every instance (README, "Email").
builder.Services.AddDhrMail(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddMediator();

builder.Services.AddSignInRateLimit(builder.Configuration);
// Azure SignalR Service carries the circuits' connections when Azure:SignalR:ConnectionString is set (docs/decisions/0008);
// otherwise the app servers hold them, and this registers nothing.
var signalRServiceOrigins = builder.AddAzureSignalRIfConfigured();
builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddHttpsRedirection(o => o.HttpsPort = builder.Configuration.GetValue<int?>("HttpsPort") ?? 443);
// Browsers remember to use HTTPS only for a year (the default is 30 days).
builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
// Only when the deployment says a TLS-terminating proxy sits in front (App Service, IIS ARR, nginx), and only its headers.
builder.Services.Configure<ForwardedHeadersOptions>(o => ForwardedHeadersSetup.Configure(o, builder.Configuration));

var app = builder.Build();

var factory = app.Services.GetRequiredService<DhrDbContextFactory>();
await DatabaseInitializer.PrepareAsync(factory, app.Configuration.GetValue("Database:MigrateOnStart", false));
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Database:SeedDemoData", true))
{
    await DemoData.SeedIfEmptyAsync(factory, app.Services.GetRequiredService<IClock>().Today);
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
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
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
