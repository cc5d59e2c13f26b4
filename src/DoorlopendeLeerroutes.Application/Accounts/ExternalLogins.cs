namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>An identity at a school's federation that is linked to an account; <paramref name="LinkedUtc"/> is unknown for old links.</summary>
/// <param name="Key">The provider's subject; used to remove the link, never shown.</param>
public sealed record LinkedIdentity(string Provider, string ProviderDisplayName, string Key, DateTime? LinkedUtc);

/// <summary>The identities linked to accounts (Identity's external logins), for Beheer.</summary>
public interface IExternalLogins
{
    Task<IReadOnlyList<LinkedIdentity>> ListAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Removes one link; the user's open sessions end (a new security stamp).</summary>
    Task<Result> RemoveAsync(Guid userId, string provider, string key, CancellationToken cancellationToken = default);
}

/// <summary>The identities linked to one account (administrators only).</summary>
public sealed class LinkedIdentitiesQuery(IExternalLogins logins, AccessScope scope)
{
    public async Task<IReadOnlyList<LinkedIdentity>> ExecuteAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        return await logins.ListAsync(userId, cancellationToken);
    }
}

/// <summary>Unlinks an identity from an account (administrators only), written to the audit log.</summary>
public sealed class RemoveLinkedIdentity(IExternalLogins logins, IUserAccounts accounts, IAuditTrail audit, AccessScope scope)
{
    public async Task<Result> ExecuteAsync(Guid userId, LinkedIdentity identity, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        var account = await accounts.FindAsync(userId, cancellationToken);
        if (account is null)
        {
            return Result.Failure(AccountErrors.NotFound);
        }

        var removed = await logins.RemoveAsync(userId, identity.Provider, identity.Key, cancellationToken);
        if (removed.IsSuccess)
        {
            await audit.RecordAsync(
                AuditKind.ExternalLoginRemoved, scope.User.UserId, account.Email, identity.ProviderDisplayName, cancellationToken);
        }

        return removed;
    }
}

/// <summary>Errors of linked identities.</summary>
public static class ExternalLoginErrors
{
    public static readonly DomainError NotFound = new("account.external_login.not_found", "Deze koppeling bestaat niet (meer).");
}
