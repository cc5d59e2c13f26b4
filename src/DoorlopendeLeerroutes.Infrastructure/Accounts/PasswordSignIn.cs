using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>
/// <see cref="ISignIn"/> on ASP.NET Core Identity. Whoever is refused, an unknown address, a wrong password, a locked or
/// disabled account, an expired one-time password, gets the same <see cref="SignInPolicy.RefusedMessage"/>, after a
/// password hash was checked and after at least <see cref="SignInPolicy.MinimumRefusalTime"/>: neither the words nor the
/// time tell whether an account exists. The audit log (internal) still records what really happened.
/// </summary>
internal sealed class PasswordSignIn(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, SessionStarter sessions, IAuditTrail audit,
    TimeProvider time) : ISignIn
{
    public async Task<SignInOutcome> SignInAsync(string email, string password, string? returnUrl, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        var started = time.GetTimestamp();
        var user = await CheckCoreAsync(email, password);
        if (user is null)
        {
            var remaining = SignInPolicy.MinimumRefusalTime - time.GetElapsedTime(started);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, cancellationToken);
            }

            return SignInOutcome.Refused;
        }

        var next = user.MustChangePassword ? SignInPolicy.ChangePasswordPath : SignInPolicy.SafeReturnUrl(returnUrl);
        var redirectTo = await sessions.StartOrAskSecondFactorAsync(user, multiFactorDone: false, next);
        if (!SessionStarter.IsSecondFactorStep(redirectTo))
        {
            // With a second factor the session starts only after the code (SecondFactorSignIn records it then).
            await audit.RecordAsync(AuditKind.SignedIn, user.Id, email, null, cancellationToken);
        }

        return new SignInOutcome(redirectTo);
    }

    private async Task<ApplicationUser?> CheckCoreAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the same time as a real password check, so the answer time does not reveal which addresses exist.
            UnknownAccount.Verify(password);
            await audit.RecordAsync(AuditKind.SignInFailed, null, AuditSubject(email), "onbekend e-mailadres");
            return null;
        }

        // Every wrong password counts towards the lockout, also for a disabled account.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // Identity answers a locked account without checking the password: check one, or the quick answer gives it away.
            UnknownAccount.Verify(password);
            await audit.RecordAsync(AuditKind.LockedOut, user.Id, email, "na te veel mislukte pogingen");
            return null;
        }

        if (!result.Succeeded)
        {
            await audit.RecordAsync(AuditKind.SignInFailed, user.Id, email, "onjuist wachtwoord");
            return null;
        }

        if (OneTimePassword.HasExpired(user, time.GetUtcNow().UtcDateTime))
        {
            await audit.RecordAsync(AuditKind.SignInFailed, user.Id, email, "eenmalig wachtwoord verlopen");
            return null;
        }

        if (user.IsDisabled)
        {
            await audit.RecordAsync(AuditKind.SignInRefusedDisabled, user.Id, email, null);
            return null;
        }

        return user;
    }

    /// <summary>
    /// What the audit log keeps of an unknown address: people sometimes type their password in the e-mail field, so
    /// anything that does not look like an e-mail address is not stored.
    /// </summary>
    private static string AuditSubject(string typed) =>
        typed.Contains('@', StringComparison.Ordinal) && !typed.Contains(' ', StringComparison.Ordinal) && typed.Length <= 256
            ? typed
            : "(geen e-mailadres)";
}
