namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>
/// The password and lockout rules, in one place: Identity is configured from these values (Infrastructure) and every text
/// that tells a person about them (sign-in, change password) is formatted from them, so the two cannot drift apart.
/// </summary>
public static class SignInPolicy
{
    public const int MinPasswordLength = 12;

    /// <summary>Different characters a password needs, so <c>aaaaaaaaaaA1</c> does not pass.</summary>
    public const int MinUniquePasswordChars = 5;

    public const int MaxFailedAttempts = 5;

    public const int LockoutMinutes = 15;

    public static TimeSpan LockoutDuration { get; } = TimeSpan.FromMinutes(LockoutMinutes);

    /// <summary>What a refused sign-in says about the lockout: <c>Na 5 mislukte pogingen kun je 15 minuten niet inloggen.</c></summary>
    public static string LockoutRule { get; } =
        $"Na {MaxFailedAttempts} mislukte pogingen kun je {LockoutMinutes} minuten niet inloggen.";

    /// <summary>What a locked-out person is told when changing their password.</summary>
    public static string LockedOut { get; } = $"Te veel mislukte pogingen: je account is {LockoutMinutes} minuten geblokkeerd.";

    /// <summary>The help text under a new-password field.</summary>
    public static string PasswordRules { get; } =
        $"Minstens {MinPasswordLength} tekens, met een hoofdletter, een kleine letter en een cijfer.";

    /// <summary>Whoever is refused gets this one message: it never tells whether the address has an account.</summary>
    public static string RefusedMessage { get; } =
        "Inloggen is niet gelukt. Controleer je e-mailadres en wachtwoord. " + LockoutRule
        + " Lukt het daarna nog niet, vraag de beheerder dan om hulp.";

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
