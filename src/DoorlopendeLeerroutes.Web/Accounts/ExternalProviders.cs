using System.Security.Claims;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// <c>Authentication:Providers:&lt;Name&gt;</c>: the schools' federations (Entree Federatie, SURFconext, any OpenID Connect
/// provider) a person may sign in with. No provider configured: only e-mail and password, as before.
/// </summary>
public sealed class ExternalProvidersOptions
{
    public const string Section = "Authentication";

    public Dictionary<string, ExternalProviderSettings> Providers { get; set; } = [];
}

/// <summary>One provider, as its configuration section says.</summary>
public sealed class ExternalProviderSettings
{
    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "profile", "email"];

    /// <summary>The name people know it by: the login button says "Inloggen met &lt;DisplayName&gt;".</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The issuer; its discovery document is at <c>&lt;Authority&gt;/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    /// <summary>From a secret store or the environment, never from a file in the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Empty: <see cref="DefaultScopes"/>. <c>openid</c> is always asked for.</summary>
    public List<string> Scopes { get; set; } = [];

    public ExternalClaimMapping Claims { get; set; } = new();

    /// <summary>
    /// Whether a person without an account, whose institution claim names a known institution, gets a read-only account of
    /// that institution (R-AUTH-1). Off: only accounts an administrator created can be reached.
    /// </summary>
    public bool JustInTimeAccounts { get; set; }

    /// <summary>The <c>amr</c> values that mean the provider used two factors (e.g. <c>mfa</c>); none: never (R-AUTH-2).</summary>
    public List<string> MultiFactorAmr { get; set; } = [];

    /// <summary>The <c>acr</c> values that mean the provider used two factors.</summary>
    public List<string> MultiFactorAcr { get; set; } = [];

    /// <summary>Whether to ask the userinfo endpoint for the claims besides the identity token (SURFconext sends most there).</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; } = true;

    /// <summary>Only a test or development provider may be reached over plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public IReadOnlyList<string> EffectiveScopes =>
        Scopes.Count == 0 ? DefaultScopes : ["openid", .. Scopes.Where(s => s != "openid").Distinct(StringComparer.Ordinal)];
}

/// <summary>Which claim holds what. The defaults are OpenID Connect's standard claims; only the institution claim has none.</summary>
public sealed class ExternalClaimMapping
{
    public string Subject { get; set; } = "sub";

    public string Email { get; set; } = "email";

    public string EmailVerified { get; set; } = "email_verified";

    /// <summary>
    /// For a provider that sends no <c>email_verified</c> but whose addresses the schools themselves manage: every address
    /// counts as verified. Only for such a provider; a provider where people choose their own address must keep this off.
    /// </summary>
    public bool EmailAlwaysVerified { get; set; }

    public string Name { get; set; } = "name";

    /// <summary>Entree: <c>nlEduPersonHomeOrganizationId</c> (a BRIN); SURFconext: <c>schac_home_organization</c> (a domain).</summary>
    public string? Institution { get; set; }

    public InstitutionClaimKind InstitutionKind { get; set; } = InstitutionClaimKind.Brin;
}

/// <summary>A configured provider with its scheme and paths.</summary>
public sealed class ExternalProvider(string name, ExternalProviderSettings settings)
{
    public string Name { get; } = name;

    public ExternalProviderSettings Settings { get; } = settings;

    public string DisplayName => Settings.DisplayName;

    /// <summary>The authentication scheme, e.g. <c>oidc-entree</c>.</summary>
    public string Scheme => "oidc-" + Name.ToLowerInvariant();

    /// <summary>The redirect URI to register at the provider: <c>https://&lt;host&gt;/signin-oidc-entree</c>.</summary>
    public string CallbackPath => "/signin-" + Scheme;

    /// <summary>The post-logout redirect URI to register: <c>https://&lt;host&gt;/signout-callback-oidc-entree</c>.</summary>
    public string SignedOutCallbackPath => "/signout-callback-" + Scheme;

    public string RemoteSignOutPath => "/signout-" + Scheme;

    /// <summary>Where the login button goes: starts the sign-in at the provider.</summary>
    public string StartPath(string? returnUrl) =>
        "/account/extern/" + Uri.EscapeDataString(Name.ToLowerInvariant())
        + (SignInPolicy.SafeReturnUrl(returnUrl) is var local && local != "/" ? "?ReturnUrl=" + Uri.EscapeDataString(local) : string.Empty);

    /// <summary>
    /// The person as this provider vouches for them, read by the claim mapping. Role and group claims are not read: a
    /// claim never gives a role (R-AUTH-1).
    /// </summary>
    public ExternalIdentity Read(ClaimsPrincipal principal)
    {
        var claims = Settings.Claims;
        string? Value(string? type) => string.IsNullOrEmpty(type) ? null : principal.FindFirst(type)?.Value;
        var amr = principal.FindAll("amr").Select(c => c.Value);
        var acr = principal.FindAll("acr").Select(c => c.Value);
        var multiFactor = amr.Intersect(Settings.MultiFactorAmr, StringComparer.Ordinal).Any()
                          || acr.Intersect(Settings.MultiFactorAcr, StringComparer.Ordinal).Any();
        var verified = claims.EmailAlwaysVerified
                       || string.Equals(Value(claims.EmailVerified), "true", StringComparison.OrdinalIgnoreCase);
        return new ExternalIdentity(
            Name, DisplayName, Value(claims.Subject) ?? string.Empty, Value(claims.Email), verified, Value(claims.Name),
            Value(claims.Institution), claims.InstitutionKind, Settings.JustInTimeAccounts, multiFactor);
    }
}

/// <summary>The configured providers, read once from <see cref="ExternalProvidersOptions"/>.</summary>
public sealed class ExternalProviderCatalog(IOptions<ExternalProvidersOptions> options)
{
    private readonly Lazy<IReadOnlyList<ExternalProvider>> _all = new(() => options.Value.Providers
        .Select(p => new ExternalProvider(p.Key, p.Value))
        .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)
        .ToList());

    public IReadOnlyList<ExternalProvider> All => _all.Value;

    /// <summary>By its name (case-insensitive), as the login button's address carries it.</summary>
    public ExternalProvider? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public ExternalProvider? ByScheme(string scheme) => All.FirstOrDefault(p => p.Scheme == scheme);

    /// <summary>The origins of the providers, which <c>form-action</c> must allow: a sign-out form redirects there.</summary>
    public IEnumerable<string> Origins =>
        All.Select(p => Uri.TryCreate(p.Settings.Authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Registers every configured provider as an OpenID Connect scheme, when the services are first resolved.</summary>
public static partial class ExternalProviders
{
    public static IServiceCollection AddExternalProviders(this IServiceCollection services)
    {
        // Read when first resolved, not now: hosts and tests may still add configuration sources.
        services.AddOptions<ExternalProvidersOptions>().BindConfiguration(ExternalProvidersOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExternalProvidersOptions>, Validator>();
        services.AddSingleton<ExternalProviderCatalog>();
        services.AddSingleton<IConfigureOptions<AuthenticationOptions>, RegisterSchemes>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, ConfigureScheme>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());

        // Refreshing the session's principal (every request, SessionPolicy) rebuilds its claims: keep the provider's name.
        services.PostConfigure<SecurityStampValidatorOptions>(options =>
        {
            var inner = options.OnRefreshingPrincipal;
            options.OnRefreshingPrincipal = async context =>
            {
                if (inner is not null)
                {
                    await inner(context);
                }

                var provider = context.CurrentPrincipal?.FindFirst(AppClaims.ExternalProvider);
                if (provider is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity
                    && !identity.HasClaim(c => c.Type == AppClaims.ExternalProvider))
                {
                    identity.AddClaim(new Claim(AppClaims.ExternalProvider, provider.Value));
                }
            };
        });
        return services;
    }

    /// <summary>What is wrong with the configuration, one Dutch line per problem; empty when it is fine.</summary>
    public static IReadOnlyList<string> Problems(ExternalProvidersOptions options)
    {
        var problems = new List<string>();
        foreach (var (name, p) in options.Providers)
        {
            var key = $"{ExternalProvidersOptions.Section}:Providers:{name}";
            if (!ProviderName().IsMatch(name))
            {
                problems.Add($"{key}: de naam mag alleen letters, cijfers en streepjes bevatten (hoogstens 40).");
            }

            if (string.IsNullOrWhiteSpace(p.DisplayName))
            {
                problems.Add($"{key}:DisplayName ontbreekt (de naam op de knop \"Inloggen met …\").");
            }

            if (!Uri.TryCreate(p.Authority, UriKind.Absolute, out var authority)
                || (authority.Scheme != Uri.UriSchemeHttps && !(authority.Scheme == Uri.UriSchemeHttp && !p.RequireHttpsMetadata)))
            {
                problems.Add($"{key}:Authority ontbreekt of is geen https-adres.");
            }

            if (string.IsNullOrWhiteSpace(p.ClientId))
            {
                problems.Add($"{key}:ClientId ontbreekt.");
            }

            if (p.JustInTimeAccounts && string.IsNullOrWhiteSpace(p.Claims.Institution))
            {
                problems.Add($"{key}:Claims:Institution ontbreekt; zonder instelling kan JustInTimeAccounts geen account aanmaken.");
            }

            if (!Enum.IsDefined(p.Claims.InstitutionKind))
            {
                problems.Add($"{key}:Claims:InstitutionKind moet Brin of Domain zijn.");
            }
        }

        var schemes = options.Providers.Keys.GroupBy(n => n.ToLowerInvariant()).Where(g => g.Count() > 1);
        problems.AddRange(schemes.Select(g => $"{ExternalProvidersOptions.Section}:Providers: de naam '{g.Key}' komt meer dan eens voor."));
        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex ProviderName();

    /// <summary>A clear start-up error that names every problem.</summary>
    private sealed class Validator : IValidateOptions<ExternalProvidersOptions>
    {
        public ValidateOptionsResult Validate(string? name, ExternalProvidersOptions options)
        {
            var problems = Problems(options);
            return problems.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(["Aanmelden via een federatie is onjuist ingesteld:", .. problems]);
        }
    }

    private sealed class RegisterSchemes(ExternalProviderCatalog catalog) : IConfigureOptions<AuthenticationOptions>
    {
        public void Configure(AuthenticationOptions options)
        {
            foreach (var provider in catalog.All)
            {
                options.AddScheme(provider.Scheme, scheme =>
                {
                    scheme.HandlerType = typeof(OpenIdConnectHandler);
                    scheme.DisplayName = provider.DisplayName;
                });
            }
        }
    }

    /// <summary>
    /// Authorization code with PKCE (no implicit flow), the answer posted back (form_post, the handler's default: the code
    /// never appears in an address or a log), claims under their own names (no mapping to long URIs), and the events that
    /// turn the outcome into a session or a Dutch refusal (<see cref="ExternalSignInEndpoints"/>).
    /// </summary>
    private sealed class ConfigureScheme(ExternalProviderCatalog catalog, IHostEnvironment environment) : IConfigureNamedOptions<OpenIdConnectOptions>
    {
        public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

        public void Configure(string? name, OpenIdConnectOptions options)
        {
            if (name is null || catalog.ByScheme(name) is not { } provider)
            {
                return;
            }

            var settings = provider.Settings;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = string.IsNullOrWhiteSpace(settings.ClientSecret) ? null : settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.ResponseMode = OpenIdConnectResponseMode.FormPost;
            options.UsePkce = true;
            options.Scope.Clear();
            foreach (var scope in settings.EffectiveScopes)
            {
                options.Scope.Add(scope);
            }

            options.CallbackPath = provider.CallbackPath;
            options.SignedOutCallbackPath = provider.SignedOutCallbackPath;
            options.RemoteSignOutPath = provider.RemoteSignOutPath;
            options.SignInScheme = IdentityConstants.ExternalScheme; // never used: the ticket becomes the app's own session
            options.SignOutScheme = IdentityConstants.ExternalScheme;
            options.SaveTokens = false;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = settings.GetClaimsFromUserInfoEndpoint;
            options.BackchannelTimeout = TimeSpan.FromSeconds(15);
            options.TokenValidationParameters.NameClaimType = settings.Claims.Name;

            // The handler drops amr and acr by default; they decide whether the provider's sign-in counts as two factors.
            options.ClaimActions.Remove("amr");
            options.ClaimActions.Remove("acr");
            options.ClaimActions.MapJsonKey("amr", "amr");
            options.ClaimActions.MapUniqueJsonKey("acr", "acr");
            foreach (var claim in new[] { settings.Claims.Subject, settings.Claims.Email, settings.Claims.EmailVerified, settings.Claims.Name, settings.Claims.Institution })
            {
                if (!string.IsNullOrEmpty(claim))
                {
                    options.ClaimActions.MapUniqueJsonKey(claim, claim);
                }
            }

            if (environment.IsDevelopment())
            {
                // Development serves plain http (dotnet run, tests): cookies a browser accepts there. Elsewhere the
                // handler's defaults hold (Secure, SameSite=None for the posted answer).
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
            }

            options.Events = new OpenIdConnectEvents
            {
                OnTicketReceived = ExternalSignInEndpoints.TicketReceivedAsync,
                OnRemoteFailure = ExternalSignInEndpoints.RemoteFailureAsync,
                OnRedirectToIdentityProviderForSignOut = context =>
                {
                    // No identity token is kept, so name the client: the provider then accepts the post-logout address.
                    context.ProtocolMessage.ClientId = settings.ClientId;
                    return Task.CompletedTask;
                },
            };
        }
    }
}
