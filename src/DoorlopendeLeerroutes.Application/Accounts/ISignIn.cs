namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>
/// Signing in with an e-mail address and a password, under the sign-in policy: the account looked up, an unknown
/// address answered as slowly as a known one, the lockout counted, a disabled account or an expired one-time password
/// refused, every attempt audited, and only a path on this site as the place to go next. Implemented on ASP.NET Core
/// Identity in Infrastructure; the login page only shows the form and the outcome.
/// </summary>
public interface ISignIn
{
    /// <summary>Signs in (sets the session cookie) and says where to go, or refuses with <see cref="SignInPolicy.RefusedMessage"/>.</summary>
    Task<SignInOutcome> SignInAsync(string email, string password, string? returnUrl, CancellationToken cancellationToken = default);
}

/// <summary>Where a signed-in user goes next; null when refused.</summary>
public sealed record SignInOutcome(string? RedirectTo)
{
    public static readonly SignInOutcome Refused = new((string?)null);

    public bool Succeeded => RedirectTo is not null;
}
