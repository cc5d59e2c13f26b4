using System.Globalization;
using System.Security.Claims;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// Sessions: the cookie lasts 30 minutes without use and is renewed while used (sliding), but never beyond 12 hours after
/// signing in. The account is checked at every request (security stamp, disabled), so disabling an account or
/// changing its role ends its sessions at once.
/// Outside Development the session and antiforgery cookies are <c>Secure</c> and carry the <c>__Host-</c> prefix (so the
/// browser accepts them only from HTTPS, for this host alone, on path /); in Development over plain http they keep
/// their plain names, so <c>dotnet run</c> on http://localhost works.
/// </summary>
public static class SessionPolicy
{
    public const string SignedInClaim = Infrastructure.Accounts.AppClaims.SignedIn;
    public const string DevelopmentCookieName = "dlr.sessie";
    public const string SecureCookieName = "__Host-dlr.sessie";
    public const string SecureAntiforgeryCookieName = "__Host-dlr.antiforgery";
    public const string DevelopmentSecondStepCookieName = "dlr.tweede-stap";
    public const string SecureSecondStepCookieName = "__Host-dlr.tweede-stap";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    public static IServiceCollection AddSessionPolicy(this IServiceCollection services, IHostEnvironment environment)
    {
        var secureCookies = !environment.IsDevelopment();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;

            // Refreshing the principal rebuilds its claims from the account; the session's own claims (the moment of
            // signing in, the second factor's amr) must survive that.
            options.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaims(Infrastructure.Accounts.AppClaims.SessionClaims(context.CurrentPrincipal));
                }

                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = secureCookies ? SecureCookieName : DevelopmentCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/"; // __Host- requires path / and no Domain
            options.Cookie.Domain = null;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/geen-toegang";
            options.Events.OnValidatePrincipal = ValidateAsync;
            options.Events.OnCheckSlidingExpiration = context =>
            {
                context.ShouldRenew &= !IsSessionless(context.HttpContext);
                return Task.CompletedTask;
            };
        });
        // The second step of signing in (and a passkey ceremony) keeps its state in Identity's short-lived two-factor
        // cookie (5 minutes); it gets the same flags as the session cookie.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = secureCookies ? SecureSecondStepCookieName : DevelopmentSecondStepCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            options.Cookie.Domain = null;
        });
        if (secureCookies)
        {
            services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options =>
            {
                options.Cookie.Name = SecureAntiforgeryCookieName;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.Path = "/";
                options.Cookie.Domain = null;
            });
        }

        return services;
    }

    /// <summary>
    /// Marks endpoints that never read or renew the session: static files and /health. Without it every such request
    /// would validate the cookie against the database and (sliding expiration, security-stamp refresh) send a new
    /// Set-Cookie, on responses that caches and proxies may keep.
    /// </summary>
    public static TBuilder WithoutSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SessionlessEndpoint.Instance);

    private static bool IsSessionless(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<SessionlessEndpoint>() is not null;

    /// <summary>A claim that records when the user signed in, added at sign-in.</summary>
    public static Claim SignedInNow(DateTime utcNow) => new(SignedInClaim, utcNow.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Whether a principal's sign-in is still within the absolute limit; a principal without the mark is not.</summary>
    public static bool WithinAbsoluteLimit(ClaimsPrincipal? principal, DateTime utcNow) =>
        principal?.FindFirst(SignedInClaim)?.Value is { } value
        && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
        && utcNow - signedIn.ToUniversalTime() <= AbsoluteTimeout;

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // A static file or /health: the request is served as anonymous, the cookie left as it is (no database check, no
        // renewal by the security-stamp refresh; sliding renewal is switched off in OnCheckSlidingExpiration).
        if (IsSessionless(context.HttpContext))
        {
            context.RejectPrincipal();
            return;
        }

        // Identity's check first: a changed security stamp (disabled account, new role) rejects the cookie.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is null)
        {
            return;
        }

        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (!WithinAbsoluteLimit(context.Principal, time.GetUtcNow().UtcDateTime))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}

/// <summary>Endpoint metadata: no session here (see <see cref="SessionPolicy.WithoutSession{TBuilder}"/>).</summary>
public sealed class SessionlessEndpoint
{
    public static readonly SessionlessEndpoint Instance = new();

    private SessionlessEndpoint()
    {
    }
}
