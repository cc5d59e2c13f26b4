using DoorlopendeLeerroutes.Application.Auditing;
using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>How the second step of signing in ended.</summary>
public enum SecondFactorResult
{
    /// <summary>The session started; go to <see cref="SecondFactorOutcome.RedirectTo"/>.</summary>
    Started,

    /// <summary>A wrong code: try again (it counted towards the lockout).</summary>
    WrongCode,

    /// <summary>Locked out or disabled: refused like on the login page, the step is over.</summary>
    Refused,

    /// <summary>No step underway (never started, or its five minutes are over): sign in again.</summary>
    NoStep,
}

public sealed record SecondFactorOutcome(SecondFactorResult Result, string? RedirectTo = null);

/// <summary>
/// The second step of signing in (R-AUTH-2): a code from the authenticator app, or one of the recovery codes. A wrong
/// code counts towards the same lockout as a wrong password (5 attempts, 15 minutes; Identity does not reset the count
/// after a right password while the second factor is still to come); every attempt is audited.
/// </summary>
public sealed class SecondFactorSignIn(SessionStarter sessions, UserManager<ApplicationUser> users, IAuditTrail audit)
{
    /// <summary>Whether a second step is underway in this browser.</summary>
    public async Task<bool> IsUnderwayAsync() => await sessions.PendingSecondFactorAsync() is not null;

    public async Task<SecondFactorOutcome> VerifyAsync(string code, bool recoveryCode, CancellationToken cancellationToken = default)
    {
        var pending = await sessions.PendingSecondFactorAsync();
        if (pending is null)
        {
            return new SecondFactorOutcome(SecondFactorResult.NoStep);
        }

        var user = pending.User;
        if (await RefusalAsync(user, cancellationToken) is { } refused)
        {
            return refused;
        }

        var right = recoveryCode
            ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, NormaliseRecoveryCode(code))).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormaliseCode(code));
        var what = recoveryCode ? "herstelcode" : "code van de authenticator-app";
        if (!right)
        {
            await users.AccessFailedAsync(user);
            await audit.RecordAsync(AuditKind.SecondFactorFailed, user.Id, user.Email, "onjuiste " + what, cancellationToken);
            return await RefusalAsync(user, cancellationToken) ?? new SecondFactorOutcome(SecondFactorResult.WrongCode);
        }

        await users.ResetAccessFailedCountAsync(user);
        if (recoveryCode)
        {
            var left = await users.CountRecoveryCodesAsync(user);
            await audit.RecordAsync(AuditKind.RecoveryCodeUsed, user.Id, user.Email, $"nog {left} over", cancellationToken);
        }

        var next = await sessions.CompleteSecondFactorAsync(pending);
        await audit.RecordAsync(AuditKind.SignedIn, user.Id, user.Email, "met " + what, cancellationToken);
        return new SecondFactorOutcome(SecondFactorResult.Started, next);
    }

    /// <summary>A locked or disabled account is refused here as on the login page, and the step ends.</summary>
    private async Task<SecondFactorOutcome?> RefusalAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (user.IsDisabled)
        {
            await audit.RecordAsync(AuditKind.SignInRefusedDisabled, user.Id, user.Email, "bij de tweede stap", cancellationToken);
        }
        else if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(AuditKind.LockedOut, user.Id, user.Email, "bij de tweede stap", cancellationToken);
        }
        else
        {
            return null;
        }

        await sessions.AbandonSecondFactorAsync();
        return new SecondFactorOutcome(SecondFactorResult.Refused);
    }

    /// <summary>Apps show the code as "123 456"; people type it with spaces or a dash.</summary>
    private static string NormaliseCode(string code) => new(code.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Recovery codes look like <c>A1B2C-3D4E5</c>; typed in lower case or without the dash they still count.</summary>
    internal static string NormaliseRecoveryCode(string code)
    {
        var letters = new string(code.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return letters.Length == 10 ? letters[..5] + "-" + letters[5..] : letters;
    }
}
