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

/// <summary>The parts of the sign-in policy the pages and the implementation share.</summary>
public static class SignInPolicy
{
    /// <summary>Whoever is refused gets this one message: it never tells whether the address has an account.</summary>
    public const string RefusedMessage =
        "Inloggen is niet gelukt. Controleer je e-mailadres en wachtwoord. Na vijf mislukte pogingen kun je een kwartier "
        + "niet inloggen. Lukt het daarna nog niet, vraag de beheerder dan om hulp.";

    /// <summary>Where an account with a one-time password goes first.</summary>
    public const string ChangePasswordPath = "/account/wachtwoord";

    /// <summary>
    /// Every refusal takes at least this long. A hash check costs tens of milliseconds, a lockout update or an audit row a
    /// few more, differently per path; a floor well above their sum hides the difference.
    /// </summary>
    public static readonly TimeSpan MinimumRefusalTime = TimeSpan.FromMilliseconds(400);

    /// <summary>Only a path on this site: an open redirect would let a phishing link borrow our sign-in page.</summary>
    public static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            ? url
            : "/";
}
