using DoorlopendeLeerroutes.Application.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary><see cref="IAccountSecondFactors"/> on Identity, each call in a scope of its own (fresh data in a long circuit).</summary>
internal sealed class AccountSecondFactors(IServiceScopeFactory scopes) : IAccountSecondFactors
{
    public async Task<SecondFactorStatus?> StatusAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.FindByIdAsync(userId.ToString()) is { } user
            ? new SecondFactorStatus(await AccountSecurity.HasAuthenticatorAsync(users, user), (await users.GetPasskeysAsync(user)).Count)
            : null;
    }

    public async Task<Result> TurnOffAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var store = scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return Result.Failure(AccountErrors.NotFound);
        }

        var passkeys = await users.GetPasskeysAsync(user);
        if (!await AccountSecurity.HasAuthenticatorAsync(users, user) && passkeys.Count == 0)
        {
            return Result.Failure(SecondFactorErrors.NoneToTurnOff);
        }

        foreach (var passkey in passkeys)
        {
            await users.RemovePasskeyAsync(user, passkey.CredentialId);
        }

        await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, null!, cancellationToken);
        await ((IUserTwoFactorRecoveryCodeStore<ApplicationUser>)store).ReplaceCodesAsync(user, [], cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, false); // saves the changes above
        await users.UpdateSecurityStampAsync(user); // open sessions end at their next request
        return Result.Success();
    }
}
