using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Infrastructure.Pupils;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Configurations;

internal sealed class PupilConfiguration : IEntityTypeConfiguration<Pupil>
{
    /// <summary>The keyed hash of the number (shadow property): look-up and uniqueness without the number itself.</summary>
    public const string NumberHash = "NumberHash";

    public void Configure(EntityTypeBuilder<Pupil> builder)
    {
        builder.ToTable("Pupils");
        builder.HasKey(p => p.Id);
        builder.Property<string>(NumberHash).IsRequired().HasMaxLength(PupilNumberProtector.HashLength).IsFixedLength().IsUnicode(false);
        builder.HasIndex(NumberHash).IsUnique();
        builder.Property(p => p.LastName).IsRequired().HasMaxLength(Pupil.MaxNamePartLength);
        builder.Property(p => p.Prefix).HasMaxLength(Pupil.MaxNamePartLength);
        builder.Property(p => p.FirstName).IsRequired().HasMaxLength(Pupil.MaxNamePartLength);
    }

    /// <summary>
    /// R-PUPIL-8: the number column holds ciphertext only. Its hash is set on insert by
    /// <see cref="Interceptors.PupilNumberHashInterceptor"/>; the number never changes after that.
    /// </summary>
    public static void ProtectNumber(EntityTypeBuilder<Pupil> builder, PupilNumberProtector protector)
    {
        builder.Property(p => p.Number)
            .IsRequired()
            .HasColumnName("NumberEncrypted")
            .HasMaxLength(PupilNumberProtector.MaxCipherLength)
            .IsUnicode(false)
            .HasConversion(new ValueConverters.EncryptedPupilNumberConverter(protector))
            .Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Throw);
    }
}

/// <summary>The enrolment aggregate: an enrolment and its phase history.</summary>
internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public const string OpenEnrolmentIndex = "IX_Enrolments_PupilId_Open";

    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("Enrolments");
        builder.HasKey(e => e.Id);
        builder.HasOne<Pupil>().WithMany().HasForeignKey(e => e.PupilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Route>().WithMany().HasForeignKey(e => e.RouteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(e => e.VoInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(e => e.MboInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.OutcomeNote).HasMaxLength(Enrolment.MaxOutcomeNoteLength);

        // Not unique: a pupil may return to a route after an earlier enrolment ended. At most one open enrolment per
        // pupil (R-PUPIL-2) is a filtered unique index whose SQL differs per provider: see AppDbContext.OnModelCreating.
        builder.HasIndex(e => new { e.PupilId, e.RouteId });
        builder.HasIndex(e => e.RouteId);

        builder.HasMany(e => e.Phases).WithOne().HasForeignKey("EnrolmentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Phases).HasField("_phases").AutoInclude();
    }
}

internal sealed class PhaseRegistrationConfiguration : IEntityTypeConfiguration<PhaseRegistration>
{
    public void Configure(EntityTypeBuilder<PhaseRegistration> builder)
    {
        builder.ToTable("PhaseRegistrations");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Phase).IsRequired();
        builder.HasIndex("EnrolmentId", nameof(PhaseRegistration.ValidFrom));
    }
}
