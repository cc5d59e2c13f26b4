using DoorlopendeLeerroutes.Application.Accounts;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>A stored line of the security audit log. Only ever added, never changed.</summary>
public sealed class AuditEntry
{
    public const int MaxSubjectLength = 256;
    public const int MaxDetailLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public DateTime At { get; set; }

    public AuditKind Kind { get; set; }

    public Guid? ActorUserId { get; set; }

    /// <summary>The account (e-mail address) or institution (BRIN) the line is about.</summary>
    public string? Subject { get; set; }

    public string? Detail { get; set; }
}
