namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>
/// The second factor (R-AUTH-2): an authenticator app's six-digit codes with ten one-use recovery codes, and passkeys.
/// The pages and texts in one place; Identity does the cryptography (Infrastructure).
/// </summary>
public static class SecondFactor
{
    /// <summary>The sign-in's second step: the code page after the password.</summary>
    public const string StepPath = "/account/tweede-stap";

    /// <summary>The account page "Beveiliging": set up, replace, remove; recovery codes; passkeys.</summary>
    public const string SecurityPath = "/account/beveiliging";

    /// <summary>How many recovery codes a person gets at a time.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>How many passkeys one account may have.</summary>
    public const int MaxPasskeys = 10;

    public const int MaxPasskeyNameLength = 60;

    /// <summary>The name the authenticator app shows above the codes (the <c>issuer</c> of the <c>otpauth://</c> URI).</summary>
    public const string Issuer = "Doorlopende leerroutes";

    /// <summary>What a wrong code says; the lockout rule is the same as for passwords.</summary>
    public static string WrongCode { get; } = "De code klopt niet. Controleer de code en probeer het opnieuw. " + SignInPolicy.LockoutRule;
}

/// <summary>The Dutch messages of the second factor (R-AUTH-2).</summary>
public static class SecondFactorErrors
{
    public static readonly DomainError WrongSetupCode = new(
        "second_factor.setup.wrong_code",
        "De code klopt niet. Kijk of de tijd op je telefoon goed staat en typ de code die de app nu toont.");

    public static readonly DomainError NotSetUp = new(
        "second_factor.not_set_up", "Er is geen authenticator-app ingesteld.");

    public static readonly DomainError LastFactorOfAdministrator = new(
        "second_factor.administrator.last",
        "Als beheerder heb je altijd een tweede factor nodig. Stel eerst een andere in (een authenticator-app of een passkey) " +
        "en verwijder deze daarna.");

    public static readonly DomainError PasskeyFailed = new(
        "second_factor.passkey.failed",
        "De passkey kon niet worden gebruikt. Probeer het opnieuw, of gebruik je wachtwoord.");

    public static readonly DomainError PasskeyLimit = new(
        "second_factor.passkey.limit", $"Je kunt hoogstens {SecondFactor.MaxPasskeys} passkeys hebben. Verwijder er eerst een.");

    public static readonly DomainError PasskeyUnknown = new(
        "second_factor.passkey.unknown", "Deze passkey bestaat niet (meer).");

    public static readonly DomainError OwnViaSecurityPage = new(
        "second_factor.own_via_security_page", "Je eigen tweede factor wijzig je op de pagina Beveiliging.");

    public static readonly DomainError NoneToTurnOff = new(
        "second_factor.none", "Dit account heeft geen tweede factor.");

    public static readonly DomainError PasskeyName = new(
        "second_factor.passkey.name", $"Geef de passkey een naam van 1 tot {SecondFactor.MaxPasskeyNameLength} tekens.");
}
