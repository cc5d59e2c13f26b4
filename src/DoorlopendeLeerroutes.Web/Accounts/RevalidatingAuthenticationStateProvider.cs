using System.Security.Claims;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// A Blazor circuit lives long after the request that started it; every minute it checks again that the account is
/// still enabled, unchanged (security stamp), used in the last 30 minutes and within the 12-hour limit, else the user is
/// signed out of the page.
/// </summary>
internal sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identityOptions,
    CircuitActivity activity,
    TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    /// <summary>The check itself, reachable for tests.</summary>
    internal Task<bool> IsStillValidAsync(AuthenticationState state) => ValidateAuthenticationStateAsync(state, CancellationToken.None);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (activity.IsIdle || !SessionPolicy.WithinAbsoluteLimit(principal, time.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stampInPrincipal = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return stampInPrincipal == await users.GetSecurityStampAsync(user);
    }
}
