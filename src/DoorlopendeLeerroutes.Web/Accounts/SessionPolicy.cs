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
/// </summary>
public static class SessionPolicy
{
    public const string SignedInClaim = "dlr:signed_in_utc";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    public static IServiceCollection AddSessionPolicy(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;

            // Refreshing the principal rebuilds its claims; the moment of signing in must survive that.
            options.OnRefreshingPrincipal = context =>
            {
                var signedIn = context.CurrentPrincipal?.FindFirst(SignedInClaim);
                if (signedIn is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(SignedInClaim, signedIn.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "dlr.sessie";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/geen-toegang";
            options.Events.OnValidatePrincipal = ValidateAsync;
        });
        return services;
    }

    /// <summary>A claim that records when the user signed in, added at sign-in.</summary>
    public static Claim SignedInNow(DateTime utcNow) => new(SignedInClaim, utcNow.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Whether a principal's sign-in is still within the absolute limit; a principal without the mark is not.</summary>
    public static bool WithinAbsoluteLimit(ClaimsPrincipal? principal, DateTime utcNow) =>
        principal?.FindFirst(SignedInClaim)?.Value is { } value
        && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
        && utcNow - signedIn.ToUniversalTime() <= AbsoluteTimeout;

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
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
