using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// Sign-out as a form POST (with antiforgery), so a link or image cannot sign anyone out. It ends every session of the
/// user on the server, not only this browser's cookie, and, after a sign-in through a school's federation, the
/// provider's session when it has an end-session endpoint. And the two calls the passkey script makes.
/// </summary>
public static class AccountEndpoints
{
    public const string PasskeyCreationOptionsPath = "/account/passkey/aanmaakopties";
    public const string PasskeyRequestOptionsPath = "/account/passkey/aanvraagopties";

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

        // Passkeys: the options for the browser's WebAuthn call (wwwroot/passkeys.js), with the antiforgery token in a
        // header. Identity keeps the challenge in its short-lived two-factor cookie; the form post that follows checks
        // the browser's answer. Anonymous on purpose: creating one is for the signed-in account (checked here, not by the
        // default policy, which an administrator without a second factor does not yet meet), requesting one is how a
        // person signs in.
        endpoints.MapPost(PasskeyCreationOptionsPath, async (
                HttpContext context, IAntiforgery antiforgery, UserManager<ApplicationUser> users, AccountSecurity security) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.BadRequest();
                }

                if (context.User.HasClaim(AppClaims.MustChangePassword, "true") || await users.GetUserAsync(context.User) is not { } user)
                {
                    return Results.Unauthorized();
                }

                context.Response.Headers.CacheControl = "no-store";
                return Results.Content(await security.PasskeyCreationOptionsAsync(user), "application/json");
            })
            .AllowAnonymous();
        endpoints.MapPost(PasskeyRequestOptionsPath, async (HttpContext context, IAntiforgery antiforgery, PasskeySignIn passkeys) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.BadRequest();
                }

                context.Response.Headers.CacheControl = "no-store";
                return Results.Content(await passkeys.RequestOptionsAsync(), "application/json");
            })
            .AllowAnonymous();
        return endpoints;
    }
}
