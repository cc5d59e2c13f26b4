using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DoorlopendeLeerroutes.TestIdentityProvider;

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict 7 on Kestrel, on a free loopback port, with discovery, keys
/// (ephemeral), authorization (code + PKCE), token, userinfo and end-session endpoints. It has no login form: the
/// authorization endpoint approves at once and issues <see cref="NextIdentity"/>, which the test sets, like a school's
/// federation that vouches for whoever the test says. One registered client: <see cref="ClientId"/>/<see cref="ClientSecret"/>.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "doorlopende-leerroutes";
    public const string ClientSecret = "test-geheim-van-de-federatie";

    private readonly SqliteConnection _store;
    private readonly ConcurrentQueue<string> _endSessions = new();
    private readonly ConcurrentQueue<string> _authorizations = new();
    private WebApplication? _app;

    private TestIdentityProvider(SqliteConnection store) => _store = store;

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234/</c>; the discovery document is under it.</summary>
    public Uri Authority { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Who the next authorization request signs in as. Set it before each sign-in.</summary>
    public TestIdentity NextIdentity { get; set; } = TestIdentity.Entree("test-subject", "docent@school.example", brin: "00AA");

    /// <summary>The <c>post_logout_redirect_uri</c> (or "-") of every request that reached the end-session endpoint.</summary>
    public IReadOnlyCollection<string> EndSessions => _endSessions.ToArray();

    /// <summary>The subject of every identity the authorization endpoint issued.</summary>
    public IReadOnlyCollection<string> Authorizations => _authorizations.ToArray();

    /// <summary>
    /// Starts the provider on <c>http://127.0.0.1:&lt;free port&gt;</c>. <paramref name="redirectUris"/> and
    /// <paramref name="postLogoutRedirectUris"/> are the client's registered addresses (absolute), as a federation registers them.
    /// </summary>
    public static async Task<TestIdentityProvider> StartAsync(
        IEnumerable<string> redirectUris, IEnumerable<string> postLogoutRedirectUris, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ApplicationName = typeof(TestIdentityProvider).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));

        // OpenIddict's applications and tokens in SQLite in memory: one connection, open as long as the provider runs.
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();
        builder.Services.AddDbContext<ProviderDbContext>(options =>
        {
            options.UseSqlite(store);
            options.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();

                // The identity token carries the claims unencrypted, as real federations send them; scopes are not checked.
                server.DisableAccessTokenEncryption();
                server.DisableScopeValidation();
                server.UseAspNetCore()
                    .DisableTransportSecurityRequirement()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        var provider = new TestIdentityProvider(store) { _app = app };
        app.UseAuthentication();
        app.MapGet("connect/authorize", provider.Authorize);
        app.MapPost("connect/authorize", provider.Authorize);
        app.MapGet("connect/userinfo", (Delegate)UserInfoAsync);
        app.MapPost("connect/userinfo", (Delegate)UserInfoAsync);
        app.MapGet("connect/endsession", provider.EndSession);
        app.MapPost("connect/endsession", provider.EndSession);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var client = new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "Doorlopende leerroutes (test)",
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                    Permissions.Prefixes.Scope + Scopes.Email, Permissions.Prefixes.Scope + Scopes.Profile,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var uri in redirectUris)
            {
                client.RedirectUris.Add(new Uri(uri));
            }

            foreach (var uri in postLogoutRedirectUris)
            {
                client.PostLogoutRedirectUris.Add(new Uri(uri));
            }

            await applications.CreateAsync(client);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        provider.Authority = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");

        // Warm up (keys, the store, the first request's JIT work), so an app's first metadata request on a busy test
        // machine is answered as quickly as any other.
        using var warmUp = new HttpClient();
        await warmUp.GetStringAsync(new Uri(provider.Authority, ".well-known/openid-configuration"));
        await warmUp.GetStringAsync(new Uri(provider.Authority, ".well-known/jwks"));
        return provider;
    }

    /// <summary>
    /// Registers more redirect and post-logout addresses for the client, e.g. once an app on a port chosen at start-up
    /// knows its address.
    /// </summary>
    public async Task AllowRedirectsAsync(IEnumerable<string> redirectUris, IEnumerable<string> postLogoutRedirectUris)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = await applications.FindByClientIdAsync(ClientId) ?? throw new InvalidOperationException("No client.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, client);
        descriptor.ClientSecret = ClientSecret; // the store keeps only its hash; the update hashes it again
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in postLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        await applications.UpdateAsync(client, descriptor);
    }

    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("Not an OpenID Connect authorization request.");
        var next = NextIdentity;
        var identity = new ClaimsIdentity(
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, next.Subject);
        if (next.Email is not null)
        {
            identity.SetClaim(Claims.Email, next.Email);
        }

        if (next.EmailVerified is { } verified)
        {
            identity.AddClaim(new Claim(Claims.EmailVerified, verified ? "true" : "false", ClaimValueTypes.Boolean));
        }

        if (next.Name is not null)
        {
            identity.SetClaim(Claims.Name, next.Name);
        }

        foreach (var (type, values) in next.Extra)
        {
            identity.SetClaims(type, [.. values]);
        }

        if (next.Amr.Count > 0)
        {
            identity.SetClaims(Claims.AuthenticationMethodReference, [.. next.Amr]);
        }

        if (next.Acr is not null)
        {
            identity.SetClaim(Claims.AuthenticationContextReference, next.Acr);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        _authorizations.Enqueue(next.Subject);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        // Every claim the identity carried, arrays for repeated ones, like a federation's userinfo answer.
        var skip = new HashSet<string>(StringComparer.Ordinal)
        {
            Claims.Audience, Claims.ExpiresAt, Claims.IssuedAt, Claims.Issuer, Claims.NotBefore, Claims.JwtId,
            Claims.Private.Scope, "oi_prst", "oi_au_id", "oi_tkn_id", "client_id", "scope", "oi_crt_dt", "oi_exp_dt", "oi_tkn_typ",
        };
        var answer = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var group in principal.Claims.Where(c => !skip.Contains(c.Type) && !c.Type.StartsWith("oi_", StringComparison.Ordinal))
                     .GroupBy(c => c.Type))
        {
            var values = group.Select(c => c.ValueType == ClaimValueTypes.Boolean ? (object)bool.Parse(c.Value) : c.Value).ToArray();
            answer[group.Key] = values.Length == 1 && group.Key != Claims.AuthenticationMethodReference ? values[0] : values;
        }

        return Results.Json(answer);
    }

    private IResult EndSession(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest();
        _endSessions.Enqueue(request?.PostLogoutRedirectUri ?? "-");

        // Signing out of the provider's own session (it keeps none) and back to the client's post-logout address.
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        await _store.DisposeAsync();
    }

    private sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
}
