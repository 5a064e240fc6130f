using System.Globalization;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Web.Components;
using DhrTracker.Web.Endpoints;
using DhrTracker.Web.Security;
using Microsoft.AspNetCore.Authorization;

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
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<AppDb>();
AppServices.AddFeatureServices(builder.Services);
builder.Services.AddMediator();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddHealthChecks();

var app = builder.Build();

var factory = app.Services.GetRequiredService<DhrDbContextFactory>();
await DatabaseInitializer.PrepareAsync(factory, app.Configuration.GetValue("Database:MigrateOnStart", false));
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Database:SeedDemoData", true))
{
    var clock = app.Services.GetRequiredService<TimeProvider>();
    await DemoData.SeedIfEmptyAsync(factory, UkClock.Today(clock));
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapAccountEndpoints(signInMode);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
