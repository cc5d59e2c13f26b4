using DoorlopendeLeerroutes.Web.Accounts;
using System.Text.Json;
using System.Text.Json.Serialization;
using DoorlopendeLeerroutes.Web.Api.Agreements;
using DoorlopendeLeerroutes.Web.Api.Counting;
using DoorlopendeLeerroutes.Web.Api.Pupils;
using DoorlopendeLeerroutes.Web.Api.Routes;
using Microsoft.AspNetCore.Diagnostics;

namespace DoorlopendeLeerroutes.Web.Api;

/// <summary>
/// The REST API of issue 14 under <see cref="ApiContract.BasePath"/>: the endpoints (feature folders Routes, Pupils,
/// Agreements, Counting), the <c>API-Version</c> header, problem details for every error, and the OpenAPI document with
/// its docs page (<see cref="ApiDocumentation"/>).
/// </summary>
public static class ApiEndpoints
{
    public const string VersionHeader = "API-Version";

    public static IServiceCollection AddApiEndpoints(this IServiceCollection services)
    {
        // JSON of the API: lowerCamelCase (the default) and enum values as kebab-case text instead of numbers.
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        services.AddApiDocumentation();
        return services;
    }

    /// <summary>
    /// For every request under the base path: the <c>API-Version</c> header, no HTML status-code page, and an error
    /// without a body (401/403/404/405/415 from the framework) or an exception as <c>application/problem+json</c>.
    /// Place it after <c>UseStatusCodePages</c> and before authentication.
    /// </summary>
    public static IApplicationBuilder UseApiResponses(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiContract.BasePath), api => api.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[VersionHeader] = ApiContract.Version;
                return Task.CompletedTask;
            });
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            if (context.GetEndpoint() is null)
            {
                // No address of the API: "not found" here, before the app's fallback policy would send a browser to sign in.
                await ApiProblems.NotFound(context, "Dit adres bestaat niet in de API.").ExecuteAsync(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
            {
                // A value that does not bind (a date, a number, a body that is no JSON): the client's mistake, not ours.
                context.Response.Clear();
                await ApiProblems.Problem(context, exception.StatusCode, "Ongeldig verzoek",
                        "Een waarde in het verzoek heeft niet de vorm die de documentatie noemt (datums als jjjj-mm-dd, JSON in de body).")
                    .ExecuteAsync(context);
                return;
            }
            catch (Exception exception) when (!context.Response.HasStarted && exception is not OperationCanceledException)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiEndpoints).FullName!)
                    .LogError(exception, "API request failed");
                context.Response.Clear();
                await ApiProblems.Problem(context, StatusCodes.Status500InternalServerError, "Er ging iets mis",
                        "Het verzoek is niet uitgevoerd door een fout aan onze kant. Probeer het later opnieuw; blijft het misgaan, meld dan het correlatie-id uit de log.")
                    .ExecuteAsync(context);
                return;
            }

            if (context.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null or 0 })
            {
                var status = context.Response.StatusCode;
                var (title, detail) = status switch
                {
                    StatusCodes.Status401Unauthorized => ("Niet aangemeld", "Stuur een geldig toegangstoken mee (OAuth 2.0 client credentials, " + ApiContract.TokenPath + ")."),
                    StatusCodes.Status403Forbidden => ("Geen toestemming", "Je koppeling heeft niet de scope die dit verzoek vraagt."),
                    StatusCodes.Status404NotFound => ("Niet gevonden", "Dit adres bestaat niet in de API."),
                    StatusCodes.Status405MethodNotAllowed => ("Methode niet toegestaan", "Deze HTTP-methode kan niet op dit adres."),
                    StatusCodes.Status415UnsupportedMediaType => ("Verkeerd bestandstype", "Stuur de gegevens in het type dat de documentatie noemt."),
                    _ => ("Verzoek niet uitgevoerd", "Het verzoek is niet uitgevoerd."),
                };
                await ApiProblems.Problem(context, status, title, detail).ExecuteAsync(context);
            }
        }));

    /// <summary>Maps the API, its OpenAPI document and its docs page.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiContract.BasePath).WithoutSession();
        api.MapRouteApi();
        api.MapAgreementApi();
        api.MapPupilApi();
        api.MapCountApi();
        endpoints.MapApiDocumentation();
        return endpoints;
    }
}
