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
    /// <summary>
    /// After the first factor: starts the session, or, when the account asks for a second factor that was not used yet,
    /// the second-factor step. Returns the local path to go to next.
    /// </summary>
    /// <param name="multiFactorDone">Whether the first step already counted as two factors (a passkey, a provider's <c>amr</c>).</param>
    /// <param name="extraClaims">Claims the session cookie carries besides the usual ones (e.g. the provider signed in with).</param>
    public async Task<string> StartOrAskSecondFactorAsync(
        ApplicationUser user, bool multiFactorDone, string returnUrl, IReadOnlyList<Claim>? extraClaims = null)
    {
        await StartAsync(user, multiFactorDone, extraClaims);
        return returnUrl;
    }

    /// <summary>Signs <paramref name="user"/> in with the session cookie.</summary>
    /// <param name="multiFactor">Whether a second factor was used (R-AUTH-2).</param>
    public async Task StartAsync(ApplicationUser user, bool multiFactor, IReadOnlyList<Claim>? extraClaims = null)
    {
        List<Claim> claims =
        [
            new(AppClaims.SignedIn, time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            .. extraClaims ?? [],
        ];
        if (multiFactor)
        {
            claims.Add(new Claim(AppClaims.AuthenticationMethod, AppClaims.MultiFactor));
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }
}
