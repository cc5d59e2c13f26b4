using DoorlopendeLeerroutes.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace DoorlopendeLeerroutes.Web.Api;

/// <summary>
/// The OpenAPI 3 document of the API (<see cref="ApiContract.OpenApiPath"/>, public, CORS open) and a readable docs page
/// (Scalar, <see cref="DocsPath"/>). The document is committed as docs/api/openapi-v1.json; a test compares them.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";

    public const string DocsPath = ApiContract.BasePath + "/docs";

    public const string CorsPolicy = "openapi-document";

    public const string SecurityScheme = "oauth2";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET").AllowAnyHeader()));
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith(ApiContract.BasePath.TrimStart('/') + "/", StringComparison.Ordinal) == true;
            options.AddOperationTransformer((operation, context, _) =>
            {
                var scopes = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
                    .Select(a => a.Policy).OfType<string>()
                    .Where(p => p.StartsWith(ApiContract.Policy(string.Empty), StringComparison.Ordinal))
                    .Select(p => p[ApiContract.Policy(string.Empty).Length..])
                    .ToList();
                if (scopes.Count > 0 && context.Document is { } document)
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = scopes }];
                }

                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Maps the document (anonymous, CORS open to any origin) and the docs page, which gets its own CSP.</summary>
    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(ApiContract.OpenApiPath).AllowAnonymous().RequireCors(CorsPolicy).WithoutSession();
        endpoints.MapScalarApiReference(DocsPath, options =>
            {
                options.WithTitle("Doorlopende leerroutes – API");
                options.WithOpenApiRoutePattern(ApiContract.OpenApiPath);
                options.DefaultFonts = false; // no fonts from a CDN: the page's CSP allows this origin only
                options.Telemetry = false;
            })
            .AllowAnonymous()
            .WithoutSession()
            .WithMetadata(new DocsPageMarker());
        return endpoints;
    }

    /// <summary>Marks the docs page, which gets <see cref="DocsContentSecurityPolicy"/> instead of the app's policy.</summary>
    public sealed class DocsPageMarker;

    /// <summary>
    /// The CSP of the docs page alone: Scalar renders from one inline configuration script and injects inline styles, so
    /// this page allows inline script, which no other response of the app does (docs/decisions.md). Everything else stays
    /// on this origin; the page reads only the public document and can call only this origin.
    /// </summary>
    public const string DocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'; "
        + "frame-src 'none'";

    private static readonly Dictionary<string, string> DutchDescriptions = new()
    {
        ["200"] = "Gelukt",
        ["201"] = "Aangemaakt",
        ["204"] = "Gelukt, zonder inhoud",
        ["400"] = "Ongeldig verzoek; `errors` noemt elke fout met veld, of regel en kolom",
        ["401"] = "Geen geldig toegangstoken",
        ["403"] = "De koppeling heeft niet de scope of de rechten hiervoor",
        ["404"] = "Bestaat niet, of hoort bij een andere instelling (dat wordt nooit onthuld)",
        ["409"] = "Intussen gewijzigd; lees opnieuw en probeer het nog eens",
        ["415"] = "Verkeerd bestandstype",
    };

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Doorlopende leerroutes vmbo-mbo – API",
            Version = ApiContract.Version,
            Description = "De API voor administratiesystemen van scholen (Magister, Somtoday, Eduarte, Osiris): leerroutes, "
                + "overeenkomsten, leerlingen en de telling, met dezelfde regels en toegang als de pagina's. Een koppeling "
                + "handelt voor één instelling (of voor het register) en haalt een token met OAuth 2.0 client credentials "
                + "bij " + ApiContract.TokenPath + ". Fouten zijn application/problem+json (RFC 9457) in het Nederlands.",
            Contact = new OpenApiContact
            {
                Name = "Beheer doorlopende leerroutes",
                Email = "beheer@doorlopendeleerroutes.example",
                Url = new Uri("https://doorlopendeleerroutes.example/api"),
            },
        };
        document.Servers = [new OpenApiServer { Url = ApiContract.BasePath, Description = "Deze omgeving, versie 1 van de API" }];

        // Paths relative to the server, which carries the major version (/api/v1).
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            paths[path.StartsWith(ApiContract.BasePath, StringComparison.Ordinal) ? path[ApiContract.BasePath.Length..] : path] = item;
        }

        document.Paths = paths;

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [SecurityScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "OAuth 2.0 client credentials: een koppeling van een instelling of van het register.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(ApiContract.TokenPath, UriKind.Relative),
                        Scopes = new Dictionary<string, string>
                        {
                            [ApiScopes.ReadRoutes] = "Leerroutes en overeenkomsten lezen",
                            [ApiScopes.WriteRoutes] = "Leerroutes en overeenkomsten aanmaken en wijzigen",
                            [ApiScopes.ReadPupils] = "Leerlingen lezen en de bekostigingsfase opzoeken",
                            [ApiScopes.WritePupils] = "Leerlingen inschrijven, importeren, fasen registreren en inschrijvingen beëindigen",
                            [ApiScopes.ReadCount] = "De telling lezen en exporteren",
                            [ApiScopes.Registry] = "Alleen het register: leerroutes registreren, afwijzen en beëindigen",
                        },
                    },
                },
            },
        };

        // Every successful answer carries the API-Version header (NL API Design Rules, /core/version-header).
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
            {
                if (response is OpenApiResponse described && DutchDescriptions.TryGetValue(status, out var dutch))
                {
                    described.Description = dutch;
                }

                if ((status.StartsWith('2') || status.StartsWith('3')) && response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers[ApiEndpoints.VersionHeader] = new OpenApiHeader
                    {
                        Description = "De volledige versie van de API, bijvoorbeeld " + ApiContract.Version + ".",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    };
                }
            }
        }
    }
}
