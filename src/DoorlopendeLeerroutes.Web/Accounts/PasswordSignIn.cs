using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// The password check of the login page. Whoever is refused, an unknown address, a wrong password, a locked or disabled
/// account, an expired one-time password, gets the same <see cref="RefusedMessage"/>, after a password hash was checked
/// and after at least <see cref="MinimumRefusalTime"/>: neither the words nor the time tell whether an account exists.
/// The audit log (internal) still records what really happened.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IAuditTrail audit, TimeProvider time)
{
    public static readonly string RefusedMessage =
        "Inloggen is niet gelukt. Controleer je e-mailadres en wachtwoord. " + SignInPolicy.LockoutRule
        + " Lukt het daarna nog niet, vraag de beheerder dan om hulp.";

    /// <summary>
    /// Every refusal takes at least this long. A hash check costs tens of milliseconds, a lockout update or an audit row a
    /// few more, differently per path; a floor well above their sum hides the difference.
    /// </summary>
    public static readonly TimeSpan MinimumRefusalTime = TimeSpan.FromMilliseconds(400);

    /// <summary>The user to sign in, or null when refused (show <see cref="RefusedMessage"/>).</summary>
    public async Task<ApplicationUser?> CheckAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var user = await CheckCoreAsync(email, password);
        if (user is null)
        {
            var remaining = MinimumRefusalTime - time.GetElapsedTime(started);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, cancellationToken);
            }
        }

        return user;
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
