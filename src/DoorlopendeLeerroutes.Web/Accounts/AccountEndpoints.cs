using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// Sign-out as a form POST (with antiforgery), so a link or image cannot sign anyone out. It ends every session of the
/// user on the server, not only this browser's cookie.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (
                HttpContext context, [FromForm] string? returnUrl, SignInManager<ApplicationUser> signIn, IAuditTrail audit) =>
            {
                var user = AppClaims.ToUserContext(context.User);

                // A new security stamp makes a copied cookie worthless too: signing out ends every session of this user.
                if (await signIn.UserManager.GetUserAsync(context.User) is { } account)
                {
                    await signIn.UserManager.UpdateSecurityStampAsync(account);
                }

                await signIn.SignOutAsync();
                if (user is not null)
                {
                    await audit.RecordAsync(AuditKind.SignedOut, user.UserId, user.Email, null, context.RequestAborted);
                }

                return TypedResults.LocalRedirect("/account/login?uitgelogd=1");
            })
            .AllowAnonymous();
        return endpoints;
    }
}
