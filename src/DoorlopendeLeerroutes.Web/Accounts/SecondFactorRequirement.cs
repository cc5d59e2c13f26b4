using System.Security.Claims;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// R-AUTH-2: an administrator whose session was started without a second factor (no <c>amr=mfa</c>) reaches nothing but
/// the page "Beveiliging" (to set one up or see why not), its passkey endpoints and signing out. Enforced on the server,
/// in two places like <see cref="PasswordChangeRequirement"/>: the authorization policy of every page and endpoint (so
/// navigation inside an open page and form posts are refused too), and a redirect for page loads and downloads.
/// </summary>
public static class SecondFactorRequirement
{
    public const string SetupPath = SecondFactor.SecurityPath;

    private static readonly string[] AllowedPrefixes =
        ["/account/", "/health", "/fout", "/_framework", "/_content", "/_blazor", "/favicon", "/app.css", "/passkeys."];

    /// <summary>Whether this session still has to set up or use a second factor before it may do anything.</summary>
    public static bool MustSetUp(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(UserRoles.Administrator) && !AppClaims.HasMultiFactor(user);

    /// <summary>Part of every page's and endpoint's authorization (the default and fallback policy).</summary>
    public static AuthorizationPolicyBuilder RequireSecondFactorForAdministrators(this AuthorizationPolicyBuilder policy) =>
        policy.RequireAssertion(context => !MustSetUp(context.User));

    public static IApplicationBuilder UseSecondFactorRequirement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (MustSetUp(context.User)
                && HttpMethods.IsGet(context.Request.Method)
                && !AllowedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect(SetupPath);
                return;
            }

            await next(context);
        });
}
