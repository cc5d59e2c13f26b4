using DoorlopendeLeerroutes.Domain.Pupils;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Configurations;

/// <summary>R-RECON-1/2: a partner's checked phase file, kept until it expires; one per route, institution and date.</summary>
internal sealed class PhaseUploadConfiguration : IEntityTypeConfiguration<PhaseUpload>
{
    public void Configure(EntityTypeBuilder<PhaseUpload> builder)
    {
        builder.ToTable("PhaseUploads");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Rows).IsRequired();
        builder.HasIndex(u => new { u.RouteId, u.InstitutionId, u.Date }).IsUnique();
        builder.HasIndex(u => u.ExpiresAt);
    }
}
