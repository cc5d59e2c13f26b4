using DoorlopendeLeerroutes.Application.Common;

namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>What the security audit log records (issue 3): sign-ins and account and institution changes.</summary>
public enum AuditKind
{
    SignedIn = 1,
    SignInFailed = 2,
    LockedOut = 3,
    SignInRefusedDisabled = 4,
    SignedOut = 5,
    PasswordChanged = 6,
    UserCreated = 10,
    UserChanged = 11,
    UserDisabled = 12,
    UserEnabled = 13,
    PasswordReset = 14,
    InstitutionCreated = 20,
    InstitutionChanged = 21,
}

/// <summary>One line of the audit log as administrators see it. Never holds a password, token or pupil number.</summary>
public sealed record AuditEntryView(DateTime At, AuditKind Kind, string? ActorEmail, string? SubjectEmail, string? Detail);

/// <summary>The stored audit log.</summary>
public interface IAuditTrail
{
    /// <param name="subject">Whom or what it is about: an e-mail address typed at sign-in, or an institution's BRIN.</param>
    Task RecordAsync(
        AuditKind kind, Guid? actorUserId, string? subject, string? detail, CancellationToken cancellationToken = default);

    Task<PagedResult<AuditEntryView>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);
}
