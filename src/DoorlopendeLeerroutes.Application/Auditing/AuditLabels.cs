namespace DoorlopendeLeerroutes.Application.Auditing;

/// <summary>The Dutch words for audit events, shared by the audit log page, its export and a pupil's access history.</summary>
public static class AuditLabels
{
    public static string Describe(AuditKind kind) => kind switch
    {
        AuditKind.SignedIn => "Ingelogd",
        AuditKind.SignInFailed => "Inloggen mislukt",
        AuditKind.LockedOut => "Geblokkeerd",
        AuditKind.SignInRefusedDisabled => "Inloggen geweigerd (uitgeschakeld)",
        AuditKind.SignedOut => "Uitgelogd",
        AuditKind.PasswordChanged => "Wachtwoord gewijzigd",
        AuditKind.UserCreated => "Account aangemaakt",
        AuditKind.UserChanged => "Account gewijzigd",
        AuditKind.UserDisabled => "Account uitgeschakeld",
        AuditKind.UserEnabled => "Account ingeschakeld",
        AuditKind.PasswordReset => "Nieuw eenmalig wachtwoord",
        AuditKind.InstitutionCreated => "Instelling toegevoegd",
        AuditKind.InstitutionChanged => "Instelling gewijzigd",
        AuditKind.InstitutionsImported => "Instellingen geïmporteerd",
        AuditKind.TrackChanged => "Leerweg gewijzigd",
        AuditKind.PupilPageViewed => "Leerlingpagina bekeken",
        AuditKind.FundingPhaseLookedUp => "Bekostigingsfase opgezocht",
        AuditKind.CountExported => "Teldatum geëxporteerd",
        AuditKind.PupilsImported => "Leerlingen geïmporteerd",
        AuditKind.PhaseFileUploaded => "Fasen vergeleken (bestand geüpload)",
        AuditKind.PhaseDifferencesExported => "Faseverschillen geëxporteerd",
        AuditKind.PupilEnrolled => "Leerling ingeschreven",
        AuditKind.PhaseRecorded => "Fase vastgelegd",
        AuditKind.EnrolmentEnded => "Inschrijving beëindigd",
        AuditKind.AgreementDownloaded => "Overeenkomst gedownload",
        AuditKind.AccessRefused => "Toegang geweigerd",
        AuditKind.PupilNumberRefused => "Leerlingnummer geweigerd",
        AuditKind.PupilNumberLimitReached => "Daglimiet leerlingnummers bereikt",
        AuditKind.PupilNumberBlocked => "Geblokkeerd voor leerlingnummers",
        AuditKind.SecondFactorSetUp => "Tweede factor ingesteld",
        AuditKind.SecondFactorRemoved => "Tweede factor verwijderd",
        AuditKind.SecondFactorFailed => "Onjuiste code",
        AuditKind.RecoveryCodeUsed => "Herstelcode gebruikt",
        AuditKind.RecoveryCodesRenewed => "Nieuwe herstelcodes",
        AuditKind.PasskeyAdded => "Passkey toegevoegd",
        AuditKind.PasskeyRemoved => "Passkey verwijderd",
        AuditKind.ExternalSignInRefused => "Inloggen via school geweigerd",
        AuditKind.ExternalLoginLinked => "Schoolaccount gekoppeld",
        AuditKind.ExternalLoginRemoved => "Koppeling schoolaccount verwijderd",
        AuditKind.ExternalAccountCreated => "Account aangemaakt via school",
        AuditKind.ApiClientCreated => "Koppeling aangemaakt",
        AuditKind.ApiClientRevoked => "Koppeling ingetrokken",
        AuditKind.ApiCall => "API-aanroep",
        AuditKind.RouteNoticeSent => "Melding per e-mail ontvangen",
        AuditKind.TaskDigestSent => "Weekoverzicht per e-mail ontvangen",
        AuditKind.MonitorExported => "Monitor geëxporteerd",
        _ => kind.ToString(),
    };

    public static string Describe(AuditObject what) => what switch
    {
        AuditObject.Route => "leerroute",
        AuditObject.Enrolment => "inschrijving",
        AuditObject.Agreement => "overeenkomst",
        AuditObject.SchoolYear => "schooljaar",
        AuditObject.ApiClient => "koppeling",
        _ => what.ToString(),
    };

    /// <summary>The kinds an administrator can filter on, grouped as on the page.</summary>
    public static readonly IReadOnlyList<(string Group, AuditKind[] Kinds)> Groups =
    [
        ("Inloggen en accounts", [AuditKind.SignedIn, AuditKind.SignInFailed, AuditKind.LockedOut, AuditKind.SignInRefusedDisabled,
            AuditKind.SignedOut, AuditKind.PasswordChanged, AuditKind.UserCreated, AuditKind.UserChanged, AuditKind.UserDisabled,
            AuditKind.UserEnabled, AuditKind.PasswordReset, AuditKind.InstitutionCreated, AuditKind.InstitutionChanged,
            AuditKind.InstitutionsImported]),
        ("Tweede factor en inloggen via school", [AuditKind.SecondFactorSetUp, AuditKind.SecondFactorRemoved,
            AuditKind.SecondFactorFailed, AuditKind.RecoveryCodeUsed, AuditKind.RecoveryCodesRenewed, AuditKind.PasskeyAdded,
            AuditKind.PasskeyRemoved, AuditKind.ExternalSignInRefused, AuditKind.ExternalLoginLinked,
            AuditKind.ExternalLoginRemoved, AuditKind.ExternalAccountCreated]),
        ("Persoonsgegevens ingezien of gewijzigd", [AuditKind.PupilPageViewed, AuditKind.FundingPhaseLookedUp, AuditKind.CountExported,
            AuditKind.PupilsImported, AuditKind.PupilEnrolled, AuditKind.PhaseRecorded, AuditKind.EnrolmentEnded, AuditKind.AgreementDownloaded,
            AuditKind.PhaseFileUploaded, AuditKind.PhaseDifferencesExported, AuditKind.TrackChanged]),
        ("Geweigerd", [AuditKind.AccessRefused, AuditKind.PupilNumberRefused, AuditKind.PupilNumberLimitReached, AuditKind.PupilNumberBlocked]),
        ("Koppelingen (API)", [AuditKind.ApiClientCreated, AuditKind.ApiClientRevoked, AuditKind.ApiCall]),
        ("E-mail", [AuditKind.RouteNoticeSent, AuditKind.TaskDigestSent]),
        ("Monitor", [AuditKind.MonitorExported]),
    ];
}
