using System.Security.Claims;
using DoorlopendeLeerroutes.Infrastructure.ApiClients;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DoorlopendeLeerroutes.Web.Api;

/// <summary>
/// The app as an OAuth 2.0 authorization server for its API (issue 14), with OpenIddict: client credentials only, at
/// <see cref="ApiContract.TokenPath"/>, access tokens of <see cref="AccessTokenLifetime"/> as signed, unencrypted JWTs
/// (inspectable), checked by OpenIddict's validation on the same server. Each scope has its policy
/// <see cref="ApiContract.Policy"/>: a bearer token only (a sign-in cookie never satisfies it, and a bearer token never
/// opens a page, whose policies use the cookie), with that scope, of a client that is not revoked.
/// </summary>
public static class ApiAuthentication
{
    public const string BearerScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A PFX with the key that signs (and for OpenIddict's own tokens encrypts) the tokens; required outside Development.</summary>
    public const string CertificatePathKey = "Api:TokenCertificatePath";

    public const string CertificatePasswordKey = "Api:TokenCertificatePassword";

    public static IReadOnlyList<string> AllScopes { get; } = ApiScopes.ForInstitutions.Union(ApiScopes.ForRegistry).ToList();

    /// <summary>
    /// The server, the validation and the policies. The certificate is read here, from the builder's configuration, as
    /// <c>KeyProtection</c> does; without one Development uses keys that live as long as the process (tokens end with a
    /// restart anyway), and elsewhere the app refuses to start (<c>ProductionRequirements</c>).
    /// </summary>
    public static IServiceCollection AddApiAuthentication(
        this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var certificatePath = configuration[CertificatePathKey];
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(ApiContract.TokenPath.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. AllScopes]);
                server.SetAccessTokenLifetime(AccessTokenLifetime);
                server.DisableAccessTokenEncryption();

                // No refresh tokens, no revocation endpoint: nothing needs the token table. A revoked client is stopped by
                // its record, checked on every call (ActiveClientRequirement).
                server.DisableTokenStorage();
                if (!string.IsNullOrWhiteSpace(certificatePath))
                {
                    var certificate = Security.KeyProtection.LoadCertificate(
                        certificatePath, configuration[CertificatePasswordKey], CertificatePathKey, CertificatePasswordKey,
                        "de API-tokens / the API's access tokens");
                    server.AddSigningCertificate(certificate).AddEncryptionCertificate(certificate);
                }
                else if (environment.IsDevelopment())
                {
                    server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
                }

                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (environment.IsDevelopment())
                {
                    aspNetCore.DisableTransportSecurityRequirement(); // http://localhost:5080 in the README's curl example
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        services.AddSingleton<IAuthorizationHandler, ActiveClientHandler>();
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in AllScopes)
        {
            authorization.AddPolicy(ApiContract.Policy(scope), policy => policy
                .AddAuthenticationSchemes(BearerScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new ActiveClientRequirement(), new ScopeRequirement(scope)));
        }

        return services;
    }

    /// <summary>What is missing outside Development: the token certificate.</summary>
    public static IEnumerable<string> MissingInProduction(IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[CertificatePathKey]))
        {
            yield return $"{CertificatePathKey} en {CertificatePasswordKey}: een certificaat (PFX) waarmee de app de "
                         + "toegangstokens van de API ondertekent; hetzelfde op elke instantie / a PFX certificate that signs "
                         + "the API's access tokens, the same on every instance.";
        }
    }

    /// <summary>The token endpoint: OpenIddict has checked the client's id, secret and scopes; this issues the token.</summary>
    public static IEndpointRouteBuilder MapApiTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ApiContract.TokenPath, IssueTokenAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>Whether <paramref name="policy"/> is one of the API's (bearer) policies.</summary>
    public static bool IsApiPolicy(AuthorizationPolicy policy) => policy.AuthenticationSchemes.Contains(BearerScheme);

    /// <summary>
    /// The answer to a refused API call, as problem details: 401 without a valid token or for a revoked client, 403 for
    /// a token without the scope the endpoint needs.
    /// </summary>
    public static Task RefuseAsync(HttpContext context, PolicyAuthorizationResult result)
    {
        var failed = result.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
        if (result.Challenged || failed.OfType<ActiveClientRequirement>().Any())
        {
            var revoked = !result.Challenged;
            context.Response.Headers.WWWAuthenticate = context.Request.Headers.Authorization.Count > 0 || revoked
                ? "Bearer error=\"invalid_token\""
                : "Bearer";
            return ApiProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, revoked
                ? "Deze koppeling is ingetrokken. Vraag de coördinator van uw instelling om een nieuwe koppeling."
                : $"Geen geldig toegangstoken. Vraag een token aan bij {ApiContract.TokenPath} (client credentials) en stuur het "
                  + "mee in de header Authorization: Bearer <token>. Een token is 10 minuten geldig.");
        }

        var scopes = failed.OfType<ScopeRequirement>().Select(r => r.Scope).ToList();
        return ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, scopes.Count > 0
            ? $"Het toegangstoken heeft niet de scope '{string.Join("', '", scopes)}' die hiervoor nodig is."
            : "Deze koppeling mag dit niet doen.");
    }

    private static async Task<IResult> IssueTokenAsync(HttpContext context, ApiClientRegistry registry)
    {
        var request = context.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("Not an OpenIddict token request.");

        // Only client credentials reach here (the only flow allowed); the client may have been revoked a moment ago.
        if (!request.IsClientCredentialsGrantType()
            || await registry.FindActiveAsync(request.ClientId ?? string.Empty, context.RequestAborted) is not { } client)
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidClient,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Deze koppeling bestaat niet of is ingetrokken.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(
            ApiContract.TokenPath, ApiClientClaims.Name, ApiClientClaims.Role);
        identity.AddClaims(ApiClientClaims.For(client));

        // No scope asked: every scope the client was given. OpenIddict has refused scopes the client does not have.
        var requested = request.GetScopes();
        identity.SetScopes(requested.IsEmpty ? client.ScopeList : requested.Intersect(client.ScopeList, StringComparer.Ordinal));
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The token must carry <see cref="Scope"/>.</summary>
    internal sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
    {
        public string Scope { get; } = scope;

        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
        {
            if (context.User.HasScope(requirement.Scope))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>The token's client still exists and is not revoked: revoking stops its tokens from the next call on.</summary>
    internal sealed class ActiveClientRequirement : IAuthorizationRequirement;

    /// <summary>A singleton (authorization handlers are also resolved from the root); the registry comes from the request.</summary>
    private sealed class ActiveClientHandler(IHttpContextAccessor http) : AuthorizationHandler<ActiveClientRequirement>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveClientRequirement requirement)
        {
            if (ApiClientClaims.ClientIdOf(context.User) is { } id
                && http.HttpContext is { } request
                && await request.RequestServices.GetRequiredService<ApiClientRegistry>().IsActiveAsync(id, request.RequestAborted))
            {
                context.Succeed(requirement);
            }
        }
    }
}

/// <summary>The API contract's scopes for the Application layer (the Koppelingen use cases), with their Dutch names.</summary>
public sealed class ApiScopeCatalogue : DoorlopendeLeerroutes.Application.ApiClients.IApiScopeCatalogue
{
    public IReadOnlyList<string> ForInstitutions => ApiScopes.ForInstitutions;

    public IReadOnlyList<string> ForRegistry => ApiScopes.ForRegistry;

    public static string Describe(string scope) => scope switch
    {
        ApiScopes.ReadRoutes => "Leerroutes lezen",
        ApiScopes.WriteRoutes => "Leerroutes aanmaken en wijzigen",
        ApiScopes.ReadPupils => "Leerlingen lezen",
        ApiScopes.WritePupils => "Leerlingen importeren, inschrijven en fasen vastleggen",
        ApiScopes.ReadCount => "Teldatum lezen",
        ApiScopes.Registry => "Register: registreren, afwijzen en beëindigen",
        _ => scope,
    };
}
