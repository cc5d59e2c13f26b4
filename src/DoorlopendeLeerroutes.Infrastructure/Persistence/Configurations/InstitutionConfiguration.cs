using DoorlopendeLeerroutes.Domain.Institutions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Configurations;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.ToTable("Institutions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Brin).IsRequired();
        builder.HasIndex(i => i.Brin).IsUnique(); // R-INST-3
        builder.Property(i => i.Name).IsRequired().HasMaxLength(Institution.MaxNameLength);
        builder.Property(i => i.Sector).IsRequired();
        builder.Property(i => i.BoardNumber).IsRequired();
        builder.Property(i => i.BoardName).IsRequired().HasMaxLength(Institution.MaxNameLength);
        builder.HasIndex(i => i.BoardNumber);
        builder.Property(i => i.FederationDomain).HasMaxLength(Institution.MaxFederationDomainLength);
        builder.HasIndex(i => i.FederationDomain).IsUnique(); // R-AUTH-1: one domain names one institution
        builder.Property(i => i.Municipality).HasMaxLength(Institution.MaxPlaceLength); // R-MON-1
        builder.Property(i => i.RmcRegion).HasMaxLength(Institution.MaxPlaceLength);
        builder.HasIndex(i => i.Province); // the route finder filters on it
    }
}
