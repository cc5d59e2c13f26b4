using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>
/// The one place a session starts, whichever way the person proved who they are (password, a school's federation, a
/// passkey): the session cookie gets the moment of signing in (the session's absolute limit counts from it) and, when a
/// second factor was used, <see cref="AppClaims.MultiFactor"/>.
/// </summary>
public sealed class SessionStarter(SignInManager<ApplicationUser> signIn, TimeProvider time)
{
    /// <summary>Signs <paramref name="user"/> in with the session cookie.</summary>
    /// <param name="multiFactor">Whether a second factor was used (R-AUTH-2).</param>
    public async Task StartAsync(ApplicationUser user, bool multiFactor)
    {
        List<Claim> claims =
        [
            new(AppClaims.SignedIn, time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        ];
        if (multiFactor)
        {
            claims.Add(new Claim(AppClaims.AuthenticationMethod, AppClaims.MultiFactor));
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }
}
