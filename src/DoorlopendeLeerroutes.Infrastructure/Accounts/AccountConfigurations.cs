using DoorlopendeLeerroutes.Domain.Institutions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).IsRequired().HasMaxLength(ApplicationUser.MaxDisplayNameLength);
        builder.HasOne<Institution>().WithMany().HasForeignKey(u => u.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
