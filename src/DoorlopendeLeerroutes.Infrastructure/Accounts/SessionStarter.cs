using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>
/// The one place a session starts, whichever way the person proved who they are (password, a school's federation, a
/// passkey): the session cookie gets the moment of signing in (the session's absolute limit counts from it) and, when a
/// second factor was used, <see cref="AppClaims.MultiFactor"/>.
/// </summary>
public sealed class SessionStarter(SignInManager<ApplicationUser> signIn, TimeProvider time)
{
    private const string ReturnUrlItem = "dlr.return_url";

    /// <summary>The second identity of the two-factor cookie: the claims the session will carry besides the usual ones.</summary>
    private const string ExtraClaimsIdentity = "dlr:session_claims";

    /// <summary>
    /// After the first factor: starts the session, or, when the account asks for a second factor that was not used yet,
    /// the second-factor step. Returns the local path to go to next.
    /// </summary>
    /// <remarks>
    /// The second-factor step is Identity's own: the short-lived <see cref="IdentityConstants.TwoFactorUserIdScheme"/>
    /// cookie names the account (so <see cref="SignInManager{TUser}.GetTwoFactorAuthenticationUserAsync"/> finds it), with
    /// its security stamp; the return address and <paramref name="extraClaims"/> travel in the same cookie to
    /// <see cref="CompleteSecondFactorAsync"/>.
    /// </remarks>
    /// <param name="multiFactorDone">Whether the first step already counted as two factors (a passkey, a provider's <c>amr</c>).</param>
    /// <param name="extraClaims">Claims the session cookie carries besides the usual ones (e.g. the provider signed in with).</param>
    public async Task<string> StartOrAskSecondFactorAsync(
        ApplicationUser user, bool multiFactorDone, string returnUrl, IReadOnlyList<Claim>? extraClaims = null)
    {
        if (multiFactorDone || !await AccountSecurity.HasAuthenticatorAsync(signIn.UserManager, user))
        {
            await StartAsync(user, multiFactorDone, extraClaims);
            return returnUrl;
        }

        var account = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        account.AddClaim(new Claim(ClaimTypes.Name, user.Id.ToString()));
        account.AddClaim(new Claim(signIn.Options.ClaimsIdentity.SecurityStampClaimType, await signIn.UserManager.GetSecurityStampAsync(user)));
        var principal = new ClaimsPrincipal(account);
        principal.AddIdentity(new ClaimsIdentity(extraClaims ?? [], ExtraClaimsIdentity));
        var properties = new AuthenticationProperties();
        properties.Items[ReturnUrlItem] = returnUrl;

        // No session of anyone (also not of another account in this browser) while the second step is underway.
        await signIn.Context.SignOutAsync(IdentityConstants.ApplicationScheme);
        await signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, principal, properties);
        return Application.Accounts.SecondFactor.StepPath;
    }

    /// <summary>Whether <paramref name="path"/> (from <see cref="StartOrAskSecondFactorAsync"/>) is the second step, not a session.</summary>
    public static bool IsSecondFactorStep(string path) => path == Application.Accounts.SecondFactor.StepPath;

    /// <summary>
    /// The second step underway in this browser: the account (still with the same security stamp, so a disabled or changed
    /// account drops out), where to go afterwards, and the session's extra claims. Null when there is none (expired after
    /// five minutes, or never started).
    /// </summary>
    public async Task<PendingSecondFactor?> PendingSecondFactorAsync()
    {
        var result = await signIn.Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (result.Principal is not { } principal || result.Properties is not { } properties
            || !properties.Items.TryGetValue(ReturnUrlItem, out var returnUrl) || returnUrl is null)
        {
            return null; // also a passkey ceremony's state, which Identity keeps in the same cookie
        }

        var user = await signIn.ValidateTwoFactorSecurityStampAsync(principal);
        if (user is null)
        {
            return null;
        }

        var extra = principal.Identities.FirstOrDefault(i => i.AuthenticationType == ExtraClaimsIdentity)?.Claims
            .Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer)).ToList() ?? [];
        return new PendingSecondFactor(user, returnUrl, extra);
    }

    /// <summary>Ends the second step (its cookie) without a session: refused, locked out, or given up.</summary>
    public Task AbandonSecondFactorAsync() => signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);

    /// <summary>The second factor was right: the session starts, with <see cref="AppClaims.MultiFactor"/>.</summary>
    public async Task<string> CompleteSecondFactorAsync(PendingSecondFactor pending)
    {
        await AbandonSecondFactorAsync();
        await StartAsync(pending.User, multiFactor: true, pending.ExtraClaims);
        return pending.ReturnUrl;
    }

    /// <summary>Signs <paramref name="user"/> in with the session cookie.</summary>
    /// <param name="multiFactor">Whether a second factor was used (R-AUTH-2).</param>
    public async Task StartAsync(ApplicationUser user, bool multiFactor, IReadOnlyList<Claim>? extraClaims = null)
    {
        List<Claim> claims =
        [
            new(AppClaims.SignedIn, time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            .. (extraClaims ?? []).Where(c => c.Type is not (AppClaims.SignedIn or AppClaims.AuthenticationMethod)),
        ];
        if (multiFactor)
        {
            claims.Add(new Claim(AppClaims.AuthenticationMethod, AppClaims.MultiFactor));
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }

    /// <summary>
    /// Issues the session cookie again after a change to the account (a new password, a second factor set up): the
    /// account's claims are rebuilt, the session's own claims kept (the moment of signing in, so the 12-hour limit still
    /// counts from the first sign-in; <c>amr</c>; a provider). <paramref name="secondFactorUsed"/> adds
    /// <see cref="AppClaims.MultiFactor"/>: the person just proved a second factor.
    /// </summary>
    public async Task RenewAsync(ApplicationUser user, ClaimsPrincipal current, bool secondFactorUsed = false)
    {
        var claims = AppClaims.SessionClaims(current).ToList();
        if (secondFactorUsed && !AppClaims.HasMultiFactor(current))
        {
            claims.Add(new Claim(AppClaims.AuthenticationMethod, AppClaims.MultiFactor));
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }
}

/// <summary>A second step underway: whose, where to go afterwards, and the session's extra claims.</summary>
public sealed record PendingSecondFactor(ApplicationUser User, string ReturnUrl, IReadOnlyList<Claim> ExtraClaims);
