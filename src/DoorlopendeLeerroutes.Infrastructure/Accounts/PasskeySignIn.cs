using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>
/// Signing in with a passkey, without a password: the authenticator checked the person (user verification), so the
/// session counts as two factors (R-AUTH-2). A disabled or locked account is refused like a wrong password; every attempt
/// is audited.
/// </summary>
public sealed class PasskeySignIn(
    SignInManager<ApplicationUser> signIn, SessionStarter sessions, IAuditTrail audit)
{
    /// <summary>The options for <c>navigator.credentials.get()</c>, for any account (the browser offers its passkeys).</summary>
    public Task<string> RequestOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    /// <summary>Checks the browser's answer and starts the session; null when refused.</summary>
    public async Task<string?> SignInAsync(string? credentialJson, string? returnUrl, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            return null;
        }

        PasskeyAssertionResult<ApplicationUser> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No ceremony underway (its cookie expired, or the form was posted twice).
            await audit.RecordAsync(AuditKind.SignInFailed, null, "(passkey)", "geen passkey-aanvraag bezig", cancellationToken);
            return null;
        }

        if (!assertion.Succeeded)
        {
            await audit.RecordAsync(AuditKind.SignInFailed, null, "(passkey)", "passkey niet geaccepteerd", cancellationToken);
            return null;
        }

        var user = assertion.User;
        if (user.IsDisabled)
        {
            await audit.RecordAsync(AuditKind.SignInRefusedDisabled, user.Id, user.Email, "met passkey", cancellationToken);
            return null;
        }

        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(AuditKind.LockedOut, user.Id, user.Email, "met passkey", cancellationToken);
            return null;
        }

        // The new signature counter, so a cloned authenticator shows up.
        await signIn.UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
        await signIn.UserManager.ResetAccessFailedCountAsync(user);
        var next = user.MustChangePassword ? SignInPolicy.ChangePasswordPath : SignInPolicy.SafeReturnUrl(returnUrl);
        var redirectTo = await sessions.StartOrAskSecondFactorAsync(user, multiFactorDone: assertion.Passkey.IsUserVerified, next);
        if (!SessionStarter.IsSecondFactorStep(redirectTo))
        {
            await audit.RecordAsync(AuditKind.SignedIn, user.Id, user.Email, "met passkey", cancellationToken);
        }

        return redirectTo;
    }
}
