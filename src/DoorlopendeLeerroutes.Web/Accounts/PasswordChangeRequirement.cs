using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// Someone signed in with a one-time password goes to "Wachtwoord wijzigen" first; every other page redirects there.
/// Account pages, health, errors and static files stay reachable.
/// </summary>
public static class PasswordChangeRequirement
{
    public const string ChangePasswordPath = Application.Accounts.SignInPolicy.ChangePasswordPath;

    private static readonly string[] AllowedPrefixes =
        ["/account/", "/health", "/fout", "/_framework", "/_content", "/_blazor", "/favicon", "/app.css"];

    /// <summary>
    /// Part of every page's authorization, so navigation inside an open page cannot get round the redirect either:
    /// a user who must change the password is "not authorized" until they have.
    /// </summary>
    public static AuthorizationPolicyBuilder RequirePasswordChanged(this AuthorizationPolicyBuilder policy) =>
        policy.RequireAssertion(context => !context.User.HasClaim(AppClaims.MustChangePassword, "true"));

    public static IApplicationBuilder UsePasswordChangeRequirement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (context.User.HasClaim(AppClaims.MustChangePassword, "true")
                && HttpMethods.IsGet(context.Request.Method)
                && !AllowedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect(ChangePasswordPath);
                return;
            }

            await next(context);
        });
}
