using DoorlopendeLeerroutes.Infrastructure.Accounts;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// Someone signed in with a one-time password goes to "Wachtwoord wijzigen" first; every other page redirects there.
/// Account pages, health, errors and static files stay reachable.
/// </summary>
public static class PasswordChangeRequirement
{
    public const string ChangePasswordPath = "/account/wachtwoord";

    private static readonly string[] AllowedPrefixes =
        ["/account/", "/health", "/fout", "/_framework", "/_content", "/_blazor", "/favicon", "/app"];

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
