using System.Globalization;
using DoorlopendeLeerroutes.Application;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Infrastructure;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Web.Accounts;
using DoorlopendeLeerroutes.Web.Agreements;
using DoorlopendeLeerroutes.Web.Auditing;
using DoorlopendeLeerroutes.Web.Counting;
using DoorlopendeLeerroutes.Web.Components;
using DoorlopendeLeerroutes.Web.Observability;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Serilog from configuration (console + rolling file); request logging below. Never log pupil numbers or names.
// The configuration is taken from the built services, so sources added by hosts and tests after this line count too.
// preserveStaticLogger: each host keeps its own logger instead of replacing the process-wide Log.Logger, so hosts
// started side by side (integration tests) never write into each other's log.
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
        .ReadFrom.Services(services)
        .Enrich.FromLogContext(),
    preserveStaticLogger: true);

// The keys that protect the sign-in cookie and antiforgery tokens must survive a restart of the container.
if (builder.Configuration["DataProtection:KeysFolder"] is { Length: > 0 } keysFolder)
{
    builder.Services.AddDataProtection()
        .PersistKeysToFileSystem(new DirectoryInfo(keysFolder))
        .SetApplicationName("DoorlopendeLeerroutes");
}

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Environment.ContentRootPath);

// Accounts: cookie sign-in with sliding and absolute limits, every page closed to anonymous users unless it says
// [AllowAnonymous], the circuit's sign-in re-checked every minute, and a rate limit on signing in.
builder.Services.AddSessionPolicy();
var signedInWithOwnPassword = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequirePasswordChanged().Build();
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(signedInWithOwnPassword)
    .SetDefaultPolicy(signedInWithOwnPassword);
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<CircuitActivity>();
builder.Services.AddScoped<CircuitHandler, CircuitActivity.Tracker>();
builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ForbiddenRecorder>();
builder.Services.AddLoginRateLimiting(builder.Configuration);

var app = builder.Build();

if (AdministratorCommand.IsRequested(args))
{
    return await AdministratorCommand.RunAsync(app, args);
}

// Behind a reverse proxy (ReverseProxy:KnownProxies), take the client address and https from its headers: the rate
// limit needs the real client, the cookie its Secure flag.
app.UseKnownProxies(app.Configuration);

// First, so that every log line of the request, the exception handler's included, carries the correlation id.
app.UseCorrelationId();

// Outside the exception handler, so a failed request is logged once, with the status the user finally got. The
// host's own logger, not the process-wide one (see preserveStaticLogger above).
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());

// A user never sees a stack trace, in any environment: a Dutch page with the correlation id that is also in the log.
app.UseExceptionHandler("/fout", createScopeForErrors: true);
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

var dutch = new CultureInfo("nl-NL");
CultureInfo.DefaultThreadCurrentCulture = dutch;
CultureInfo.DefaultThreadCurrentUICulture = dutch;
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(dutch),
    SupportedCultures = [dutch],
    SupportedUICultures = [dutch],
});

app.UseStatusCodePagesWithReExecute("/niet-gevonden", createScopeForStatusCodePages: true);
app.UseRateLimiter();
app.UseAuthentication();
app.UsePasswordChangeRequirement(); // before authorization, which would answer "geen toegang" instead of redirecting
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapAccountEndpoints();
app.MapAgreementEndpoints();
app.MapCountEndpoints();
app.MapAuditEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await using (var scope = app.Services.CreateAsyncScope())
{
    // Creates the SQLite file and folder, applies migrations, makes sure the roles exist, and in Development loads demo
    // data and demo accounts into an empty database.
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
        .InitialiseAsync(allowDemoData: app.Environment.IsDevelopment());
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can start the app with WebApplicationFactory.</summary>
public partial class Program;
