namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>Which second factors an account has, as Beheer shows them.</summary>
public sealed record SecondFactorStatus(bool AuthenticatorOn, int Passkeys)
{
    public bool Any => AuthenticatorOn || Passkeys > 0;
}

/// <summary>The second factors of other people's accounts, for an administrator (a lost or replaced phone).</summary>
public interface IAccountSecondFactors
{
    Task<SecondFactorStatus?> StatusAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Switches every second factor of the account off (the authenticator app, its recovery codes, its passkeys) and ends
    /// its open sessions (a new security stamp).
    /// </summary>
    Task<Result> TurnOffAsync(Guid userId, CancellationToken cancellationToken = default);
}

/// <summary>The second factors of one account (administrators only).</summary>
public sealed class SecondFactorStatusQuery(IAccountSecondFactors factors, AccessScope scope)
{
    public async Task<SecondFactorStatus?> ExecuteAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        return await factors.StatusAsync(userId, cancellationToken);
    }
}

/// <summary>
/// An administrator switches off someone's second factor, when the phone is lost and the recovery codes with it. The person
/// signs in with their password again and can set up a new one; an administrator must (R-AUTH-2). One's own second factor
/// is changed on the page Beveiliging, where an administrator keeps at least one.
/// </summary>
public sealed class TurnOffSecondFactor(IAccountSecondFactors factors, IUserAccounts accounts, IAuditTrail audit, AccessScope scope)
{
    public async Task<Result> ExecuteAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        if (userId == scope.User.UserId)
        {
            return Result.Failure(SecondFactorErrors.OwnViaSecurityPage);
        }

        var account = await accounts.FindAsync(userId, cancellationToken);
        if (account is null)
        {
            return Result.Failure(AccountErrors.NotFound);
        }

        var turnedOff = await factors.TurnOffAsync(userId, cancellationToken);
        if (turnedOff.IsSuccess)
        {
            await audit.RecordAsync(
                AuditKind.SecondFactorRemoved, scope.User.UserId, account.Email, "alle tweede factoren, door een beheerder", cancellationToken);
        }

        return turnedOff;
    }
}
