using DoorlopendeLeerroutes.Application.Auditing;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoorlopendeLeerroutes.Infrastructure.Auditing;

/// <summary>
/// A stored line of the audit log. Only ever added, never changed; removed only by the retention job. Holds no pupil
/// number, password or token: a pupil is named by its internal id.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxSubjectLength = 256;
    public const int MaxDetailLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public DateTime At { get; set; }

    public AuditKind Kind { get; set; }

    public Guid? ActorUserId { get; set; }

    /// <summary>The actor's institution at that moment (null for administrators and before sign-in).</summary>
    public Guid? ActorInstitutionId { get; set; }

    /// <summary>The account (e-mail address), institution (BRIN) or school year the line is about.</summary>
    public string? Subject { get; set; }

    public AuditObject? ObjectKind { get; set; }

    public Guid? ObjectId { get; set; }

    public Guid? PupilId { get; set; }

    public int? Count { get; set; }

    public string? Detail { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.ObjectKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Subject).HasMaxLength(AuditEntry.MaxSubjectLength);
        builder.Property(a => a.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        builder.HasIndex(a => a.At);

        // The daily limit on refused pupil numbers (R-PRIV-3) counts one person's lines of one kind since midnight.
        builder.HasIndex(a => new { a.ActorUserId, a.Kind, a.At });

        // "Wie heeft deze gegevens bekeken" on a pupil's page (R-PRIV-2).
        builder.HasIndex(a => a.PupilId);
    }
}
