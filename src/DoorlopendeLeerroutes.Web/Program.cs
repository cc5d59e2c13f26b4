using System.Globalization;
using DoorlopendeLeerroutes.Application;
using DoorlopendeLeerroutes.Infrastructure;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Web.Accounts;
using DoorlopendeLeerroutes.Web.Agreements;
using DoorlopendeLeerroutes.Web.Api;
using DoorlopendeLeerroutes.Web.Auditing;
using DoorlopendeLeerroutes.Web.Counting;
using DoorlopendeLeerroutes.Web.Components;
using DoorlopendeLeerroutes.Web.Hosting;
using DoorlopendeLeerroutes.Web.Monitoring;
using DoorlopendeLeerroutes.Web.Observability;
using DoorlopendeLeerroutes.Web.RouteFinder;
using DoorlopendeLeerroutes.Web.Routes;
using DoorlopendeLeerroutes.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
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

// The keys that protect the sign-in cookie and antiforgery tokens must survive a restart of the container, and are
// encrypted at rest with a certificate outside Development (Security/KeyProtection.cs).
builder.Services.AddKeyProtection(builder.Configuration);
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Environment.ContentRootPath);

// Accounts: cookie sign-in with sliding and absolute limits, every page closed to anonymous users unless it says
// [AllowAnonymous], the circuit's sign-in re-checked every minute, and a rate limit on signing in.
builder.Services.AddSessionPolicy(builder.Environment);
var signedInWithOwnPassword = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequirePasswordChanged()
    .RequireSecondFactorForAdministrators().Build();
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
builder.Services.AddExternalProviders(); // Authentication:Providers: sign-in through a school's federation (issue 13)
builder.Services.AddApiEndpoints(); // issue 14: the REST API, its OpenAPI document and docs page (Api/ApiEndpoints.cs)
builder.Services.AddApiAuthentication(builder.Configuration, builder.Environment); // the API's OAuth server and policies (issue 14)
builder.Services.AddApiRequestPipeline();
builder.Services.AddRouteFinderRateLimit(); // issue 16: the public route finder, limited per client address
builder.Services.AddSingleton<DoorlopendeLeerroutes.Application.ApiClients.IApiScopeCatalogue, ApiScopeCatalogue>();
builder.Services.AddTelemetry(builder.Configuration); // issue 17: OpenTelemetry by OTLP, only when configured (Observability/Telemetry.cs)

var app = builder.Build();

// Outside Development: no start without configured secrets, hosts and HTTPS (Security/ProductionRequirements.cs).
ProductionRequirements.EnsureMet(app, servesHttp: !AdministratorCommand.IsRequested(args) && !MigrateCommand.IsRequested(args));
if (AdministratorCommand.IsRequested(args))
{
    return await AdministratorCommand.RunAsync(app, args);
}

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(app);
}

// First: every response, also an error page or a 404, gets the CSP and the other browser headers.
app.UseSecurityHeaders();

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
    // HSTS and a redirect to https; /health stays reachable over plain http for a load balancer's probe inside the
    // network. Behind a TLS proxy the request counts as https through ReverseProxy:KnownProxies (above).
    app.UseHsts();
    app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
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
app.UseApiResponses(); // issue 14: API-Version header and problem details under /api/v1, never an HTML page
app.UseCors(); // only the OpenAPI document has a CORS policy
app.UseRateLimiter();
app.UseAuthentication();
app.UsePasswordChangeRequirement(); // before authorization, which would answer "geen toegang" instead of redirecting
app.UseSecondFactorRequirement(); // R-AUTH-2, likewise
app.UseAuthorization();
app.UseApiRequestPipeline(); // API calls: audit per call, rate limit per client, Idempotency-Key (issue 14)
app.UseRouteFinderRateLimit(); // issue 16: anonymous traffic on /routes-zoeken
app.UseAntiforgery();

// Static files answer with the build's own cache headers: a fingerprinted file (app.{hash}.css, its name changes with its
// content) is cached for a year as immutable, any other file is revalidated. Without this setting MapStaticAssets turns
// every file of a build (not published) manifest, which `dotnet run` and the test host serve, into no-cache, so each page
// view fetched every file again; a published app (the container) had the right headers already, now both agree. Pages
// and personal-data downloads keep their own no-store.
app.Configuration["EnableStaticAssetsDevelopmentCaching"] = "true";
app.MapStaticAssets().AllowAnonymous().WithoutSession();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous().WithoutSession();
// Issue 17, for a proxy or orchestrator with several instances: live = the process answers (no dependency checked, so a
// slow database never gets an instance restarted); ready = the database is reachable and migrated (send it traffic).
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
    .AllowAnonymous().WithoutSession();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous().WithoutSession();
app.MapAccountEndpoints();
app.MapExternalSignIn();
app.MapAgreementEndpoints();
app.MapCountEndpoints();
app.MapRioChecklistEndpoints();
app.MapPhaseReconciliationEndpoints();
app.MapAuditEndpoints();
app.MapMonitorEndpoints(); // issue 16: the monitor as xlsx (R-MON-3)
app.MapApi(); // issue 14
app.MapApiTokenEndpoint();
// frame-ancestors as in the app's own policy (Security/SecurityHeaders.cs), which replaces Blazor's header anyway.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = "'none'");

await using (var scope = app.Services.CreateAsyncScope())
{
    // Creates the SQLite file and folder, applies migrations, makes sure the roles exist, and in Development loads demo
    // data and demo accounts into an empty database.
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
        .InitialiseAsync(allowDemoData: app.Environment.IsDevelopment());
    if (app.Environment.IsDevelopment() && scope.ServiceProvider.GetRequiredService<DatabaseOptions>().SeedDemoData)
    {
        await scope.ServiceProvider.GetRequiredService<DoorlopendeLeerroutes.Infrastructure.ApiClients.ApiClientSeeder>()
            .SeedDemoClientsAsync(ApiScopes.ForInstitutions, ApiScopes.ForRegistry); // the README's demo API clients
    }
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the integration tests can start the app with WebApplicationFactory.</summary>
public partial class Program;
