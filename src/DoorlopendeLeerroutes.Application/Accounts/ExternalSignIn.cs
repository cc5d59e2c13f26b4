namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>What a provider's institution claim holds: a BRIN (Entree Federatie) or a domain (SURFconext).</summary>
public enum InstitutionClaimKind
{
    Brin = 1,
    Domain = 2,
}

/// <summary>
/// A person as a school's federation (an OpenID Connect provider) vouches for them, already read from the provider's
/// claims by its configuration. Role or group claims are never part of it (R-AUTH-1).
/// </summary>
/// <param name="Provider">The provider's configured name (<c>Authentication:Providers:&lt;Name&gt;</c>).</param>
/// <param name="Subject">The provider's stable identifier of the person (<c>sub</c>).</param>
/// <param name="EmailVerified">Whether the provider says the e-mail address is the person's.</param>
/// <param name="Institution">The institution claim's value (a BRIN or a domain), if any.</param>
/// <param name="JustInTimeAccounts">Whether this provider may create read-only accounts for people of known institutions.</param>
/// <param name="MultiFactor">Whether the provider's <c>amr</c>/<c>acr</c> counts as two factors by its configuration.</param>
public sealed record ExternalIdentity(
    string Provider,
    string ProviderDisplayName,
    string Subject,
    string? Email,
    bool EmailVerified,
    string? Name,
    string? Institution,
    InstitutionClaimKind InstitutionKind,
    bool JustInTimeAccounts,
    bool MultiFactor);

/// <summary>Why a sign-in through a provider was refused; each has its own message (<see cref="ExternalSignInPolicy.Message"/>).</summary>
public enum ExternalSignInRefusal
{
    UnknownInstitution = 1,
    EmailNotVerified = 2,
    NoAccount = 3,
    AccountDisabled = 4,
    AccountLockedOut = 5,
    AlreadyLinked = 6,
    RemoteFailure = 7,
    ProviderUnreachable = 8,

    /// <summary>An administrator's account is never linked by its e-mail address: a provider's word is not enough (R-AUTH-1).</summary>
    AdministratorNotLinked = 9,
}

/// <summary>Where to go after a sign-in through a provider, or why it was refused.</summary>
public sealed record ExternalSignInOutcome(string? RedirectTo, ExternalSignInRefusal? Refusal)
{
    public bool Succeeded => RedirectTo is not null;

    public static ExternalSignInOutcome Started(string redirectTo) => new(redirectTo, null);

    public static ExternalSignInOutcome Refused(ExternalSignInRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Signing in through a school's federation, never granting power by itself (R-AUTH-1): the identity reaches an account
/// by its linked subject; else by a verified e-mail address of an account an administrator created (which is then linked);
/// else, when the provider allows it and names a known institution, a new read-only account of that institution. Every
/// refusal is audited. Implemented on ASP.NET Core Identity's external logins in Infrastructure.
/// </summary>
public interface IExternalSignIn
{
    /// <summary>Starts the session (or the second-factor step) and says where to go, or refuses.</summary>
    Task<ExternalSignInOutcome> SignInAsync(ExternalIdentity identity, string? returnUrl, CancellationToken cancellationToken = default);

    /// <summary>Records a refusal that happened before an identity was known (a failed or unreachable provider).</summary>
    Task RecordRefusalAsync(
        string providerDisplayName, ExternalSignInRefusal refusal, string detail, CancellationToken cancellationToken = default);
}

/// <summary>The texts and codes of a sign-in through a provider, in one place.</summary>
public static class ExternalSignInPolicy
{
    /// <summary>The login page's query parameters that carry a refusal back to it.</summary>
    public const string RefusalParameter = "schoolfout";

    public const string ProviderParameter = "aanbieder";

    /// <summary>What the login button says: <c>Inloggen met Entree Federatie</c>.</summary>
    public static string ButtonText(string providerDisplayName) => "Inloggen met " + providerDisplayName;

    /// <summary>What a refused person is told on the login page.</summary>
    public static string Message(ExternalSignInRefusal refusal, string providerDisplayName) => refusal switch
    {
        ExternalSignInRefusal.UnknownInstitution =>
            $"Je school of instelling is niet bekend in deze applicatie, dus met {providerDisplayName} kun je hier nog niet inloggen. " +
            "Vraag de beheerder om een account voor je aan te maken.",
        ExternalSignInRefusal.EmailNotVerified =>
            $"{providerDisplayName} heeft niet bevestigd dat het e-mailadres van jou is, dus we kunnen je niet aan een account koppelen. " +
            "Log in met je e-mailadres en wachtwoord, of vraag de beheerder om hulp.",
        ExternalSignInRefusal.NoAccount =>
            $"Er is geen account voor jou in deze applicatie. Vraag de beheerder om een account met je e-mailadres van school; " +
            $"daarna kun je inloggen met {providerDisplayName}.",
        ExternalSignInRefusal.AccountDisabled =>
            "Je account is uitgeschakeld. Vraag de beheerder om hulp.",
        ExternalSignInRefusal.AccountLockedOut =>
            "Je account is tijdelijk geblokkeerd na te veel mislukte pogingen. " + SignInPolicy.LockoutRule,
        ExternalSignInRefusal.AlreadyLinked =>
            $"Je account is al gekoppeld aan een ander account bij {providerDisplayName}. Vraag de beheerder om de koppeling te controleren.",
        ExternalSignInRefusal.RemoteFailure =>
            $"Inloggen met {providerDisplayName} is niet gelukt: de aanmelding was verlopen of klopte niet. Probeer het opnieuw.",
        ExternalSignInRefusal.ProviderUnreachable =>
            $"{providerDisplayName} is nu niet bereikbaar. Probeer het later opnieuw, of log in met je e-mailadres en wachtwoord.",
        ExternalSignInRefusal.AdministratorNotLinked =>
            $"Een beheerdersaccount kan niet via {providerDisplayName} worden gekoppeld. Log in met je e-mailadres, wachtwoord en tweede factor.",
        _ => $"Inloggen met {providerDisplayName} is niet gelukt.",
    };

    /// <summary>The refusal as it travels in the login page's address: a short Dutch code.</summary>
    public static string Code(ExternalSignInRefusal refusal) => refusal switch
    {
        ExternalSignInRefusal.UnknownInstitution => "onbekende-instelling",
        ExternalSignInRefusal.EmailNotVerified => "e-mail-niet-bevestigd",
        ExternalSignInRefusal.NoAccount => "geen-account",
        ExternalSignInRefusal.AccountDisabled => "uitgeschakeld",
        ExternalSignInRefusal.AccountLockedOut => "geblokkeerd",
        ExternalSignInRefusal.AlreadyLinked => "al-gekoppeld",
        ExternalSignInRefusal.RemoteFailure => "mislukt",
        ExternalSignInRefusal.ProviderUnreachable => "onbereikbaar",
        ExternalSignInRefusal.AdministratorNotLinked => "beheerder",
        _ => "mislukt",
    };

    public static ExternalSignInRefusal? FromCode(string? code) =>
        Enum.GetValues<ExternalSignInRefusal>().Cast<ExternalSignInRefusal?>().FirstOrDefault(r => Code(r!.Value) == code);

    /// <summary>The login page that shows <paramref name="refusal"/> for the provider named <paramref name="provider"/>.</summary>
    public static string LoginPath(ExternalSignInRefusal refusal, string provider) =>
        $"/account/login?{RefusalParameter}={Code(refusal)}&{ProviderParameter}={Uri.EscapeDataString(provider)}";

    /// <summary>What the audit log says about a refusal.</summary>
    public static string AuditDetail(ExternalSignInRefusal refusal) => refusal switch
    {
        ExternalSignInRefusal.UnknownInstitution => "onbekende instelling",
        ExternalSignInRefusal.EmailNotVerified => "e-mailadres niet bevestigd",
        ExternalSignInRefusal.NoAccount => "geen account",
        ExternalSignInRefusal.AccountDisabled => "account uitgeschakeld",
        ExternalSignInRefusal.AccountLockedOut => "account geblokkeerd",
        ExternalSignInRefusal.AlreadyLinked => "account al gekoppeld aan een ander schoolaccount",
        ExternalSignInRefusal.RemoteFailure => "aanmelding mislukt",
        ExternalSignInRefusal.ProviderUnreachable => "aanbieder onbereikbaar",
        ExternalSignInRefusal.AdministratorNotLinked => "beheerdersaccount niet gekoppeld via e-mailadres",
        _ => refusal.ToString(),
    };
}
