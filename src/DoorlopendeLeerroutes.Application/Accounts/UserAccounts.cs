namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>An account as the Beheer pages list it; <paramref name="OneTimePasswordExpired"/>: its one-time password no longer works.</summary>
public sealed record UserListItem(
    Guid Id, string Email, string DisplayName, UserRole Role, Guid? InstitutionId, string? InstitutionName, bool IsDisabled,
    bool IsLockedOut, bool MustChangePassword, bool OneTimePasswordExpired = false);

/// <summary>A created account and the one-time password to hand over; it is shown once and never stored readable.</summary>
public sealed record NewAccount(Guid UserId, string Email, string OneTimePassword);

/// <summary>
/// Accounts in the identity store. Implemented with ASP.NET Core Identity in Infrastructure; callers go through
/// the account use cases (<see cref="CreateUser"/>, <see cref="ChangeUser"/>, …), which check the role and write the audit log.
/// </summary>
public interface IUserAccounts
{
    Task<PagedResult<UserListItem>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);

    Task<UserListItem?> FindAsync(Guid userId, CancellationToken cancellationToken = default);

    Task<Result<NewAccount>> CreateAsync(
        string email, string displayName, UserRole role, Guid? institutionId, CancellationToken cancellationToken = default);

    /// <summary>Refused with <see cref="AccountErrors.LastAdministrator"/> when it would demote the last active administrator.</summary>
    Task<Result> ChangeAsync(
        Guid userId, string displayName, UserRole role, Guid? institutionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Disabling also ends every session of the user at their next request; refused with
    /// <see cref="AccountErrors.LastAdministrator"/> for the last active administrator.
    /// </summary>
    Task<Result> SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken = default);

    Task<Result<string>> ResetPasswordAsync(Guid userId, CancellationToken cancellationToken = default);
}

/// <summary>Errors of account and institution management that are not rules of the domain.</summary>
public static class AccountErrors
{
    public static readonly DomainError EmailTaken = new(
        "account.email.taken", "Er is al een account met dit e-mailadres.");

    public static readonly DomainError NotFound = new("account.not_found", "Dit account bestaat niet (meer).");

    public static readonly DomainError InstitutionRequired = new(
        "account.institution.required", "Een coördinator of partner (alleen lezen) hoort bij precies één instelling. Kies de instelling.");

    public static readonly DomainError AdministratorHasNoInstitution = new(
        "account.institution.administrator", "Een beheerder hoort niet bij een instelling. Laat de instelling leeg.");

    public static readonly DomainError InstitutionUnknown = new(
        "account.institution.unknown", "Deze instelling bestaat niet (meer).");

    public static readonly DomainError CannotDisableYourself = new(
        "account.disable.self", "Je kunt je eigen account niet uitschakelen.");

    public static readonly DomainError LastAdministrator = new(
        "account.last_administrator",
        "Dit is de laatste actieve beheerder. Maak eerst een andere beheerder aan, anders kan niemand de applicatie meer beheren.");
}
