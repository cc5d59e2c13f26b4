using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// Sign-out as a form POST (with antiforgery), so a link or image cannot sign anyone out. It ends every session of the
/// user on the server, not only this browser's cookie, and, after a sign-in through a school's federation, the
/// provider's session when it has an end-session endpoint.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (
                HttpContext context, [FromForm] string? returnUrl, SignInManager<ApplicationUser> signIn, IAuditTrail audit) =>
            {
                var user = AppClaims.ToUserContext(context.User);
                var provider = context.User.FindFirst(AppClaims.ExternalProvider)?.Value;

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

                // Signed in through a school's federation: end that session too, when the provider can (issue 13).
                const string signedOut = "/account/login?uitgelogd=1";
                return await ExternalSignInEndpoints.SignOutAtProviderAsync(context, provider, signedOut)
                    ? Results.Empty
                    : Results.LocalRedirect(signedOut);
            })
            .AllowAnonymous();
        return endpoints;
    }
}
