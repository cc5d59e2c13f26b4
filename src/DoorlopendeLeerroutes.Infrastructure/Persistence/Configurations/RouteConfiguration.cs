using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Configurations;

/// <summary>The route aggregate: the route, its partners, agreement versions and history.</summary>
internal sealed class RouteConfiguration : IEntityTypeConfiguration<Route>
{
    public void Configure(EntityTypeBuilder<Route> builder)
    {
        builder.ToTable("Routes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Code).IsRequired().HasMaxLength(Route.MaxCodeLength);
        builder.HasIndex(r => new { r.Code, r.VersionNumber }).IsUnique();
        builder.Property(r => r.Status).IsRequired();
        builder.HasIndex(r => r.Status);
        builder.Property(r => r.RejectionReason).HasMaxLength(Route.MaxReasonLength);

        // The definition is a value object: its fields are columns of the route row.
        builder.ComplexProperty(r => r.Definition, d =>
        {
            d.Ignore(x => x.Warnings);
            d.Ignore(x => x.Sector);
            d.Property(x => x.Name).HasColumnName("Name").IsRequired().HasMaxLength(RouteDefinition.MaxNameLength);
            d.Property(x => x.Type).HasColumnName("Type").IsRequired();
            d.Property(x => x.Profile).HasColumnName("Profile").IsRequired();
            d.Property(x => x.Tracks).HasColumnName("Tracks").IsRequired().HasMaxLength(20)
                .HasConversion(new ValueConverters.TrackListConverter(), new ValueConverters.TrackListComparer());
            d.Property(x => x.Crebo).HasColumnName("Crebo");
            d.Property(x => x.TrainingDomain).HasColumnName("TrainingDomain").HasMaxLength(RouteDefinition.MaxTrainingDomainLength);
            d.Property(x => x.Level).HasColumnName("Level").IsRequired();
            d.Property(x => x.EntryYear).HasColumnName("EntryYear").IsRequired();
            d.Property(x => x.FirstSchoolYear).HasColumnName("FirstSchoolYear").IsRequired();
            d.Property(x => x.Location).HasColumnName("Location").IsRequired();
            d.Property(x => x.IncludesWorkBasedTrack).HasColumnName("IncludesWorkBasedTrack").IsRequired();
        });

        builder.HasMany(r => r.Partners).WithOne().HasForeignKey("RouteId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Agreements).WithOne().HasForeignKey("RouteId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.History).WithOne().HasForeignKey("RouteId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Partners).AutoInclude();
        builder.Navigation(r => r.History).HasField("_history");
        // The route's own rules read the current agreement (R-ROUTE-7, numbering of versions), so it always comes along.
        builder.Navigation(r => r.Agreements).HasField("_agreements").AutoInclude();
    }
}

internal sealed class RoutePartnerConfiguration : IEntityTypeConfiguration<RoutePartner>
{
    public void Configure(EntityTypeBuilder<RoutePartner> builder)
    {
        builder.ToTable("RoutePartners");
        builder.HasKey(p => p.Id);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);

        // R-ROUTE-1: an institution appears at most once in a route.
        builder.HasIndex("RouteId", nameof(RoutePartner.InstitutionId)).IsUnique();
        builder.Property(p => p.Sector).IsRequired();
        builder.Property(p => p.BoardNumber).IsRequired();
    }
}

internal sealed class RouteHistoryEntryConfiguration : IEntityTypeConfiguration<RouteHistoryEntry>
{
    public void Configure(EntityTypeBuilder<RouteHistoryEntry> builder)
    {
        builder.ToTable("RouteHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Event).IsRequired();
        builder.Property(h => h.StatusAfter).IsRequired();
        builder.Property(h => h.Reason).HasMaxLength(Route.MaxReasonLength);
        builder.HasIndex("RouteId", nameof(RouteHistoryEntry.At));
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.HasKey(a => a.Id);
        builder.HasIndex("RouteId", nameof(Agreement.Number)).IsUnique();
        builder.Property(a => a.Kind).IsRequired();
        builder.ComplexProperty(a => a.File, f =>
        {
            f.Property(x => x.StorageKey).HasColumnName("FileStorageKey").IsRequired().HasMaxLength(100);
            f.Property(x => x.OriginalFileName).HasColumnName("FileOriginalName").IsRequired().HasMaxLength(StoredFile.MaxFileNameLength);
            f.Property(x => x.SizeBytes).HasColumnName("FileSizeBytes").IsRequired();
            f.Property(x => x.Sha256).HasColumnName("FileSha256").IsRequired().HasMaxLength(64).IsFixedLength();
            f.Property(x => x.PageCount).HasColumnName("FilePageCount").IsRequired();
            f.Property(x => x.MentionsTransferOption).HasColumnName("FileMentionsTransferOption");
        });

        builder.OwnsMany(a => a.Items, items =>
        {
            items.ToTable("AgreementItems");
            items.WithOwner().HasForeignKey("AgreementId");
            items.Property(i => i.Item).IsRequired();
            items.Property(i => i.Page).IsRequired();
            items.HasKey("AgreementId", nameof(AgreementItemCoverage.Item));
        });
        builder.Navigation(a => a.Items).HasField("_items");

        builder.OwnsMany(a => a.Parties, parties =>
        {
            parties.ToTable("AgreementParties");
            parties.WithOwner().HasForeignKey("AgreementId");
            // A Guid key part would be "generated on add" by convention, making EF update instead of insert new parties.
            parties.Property(p => p.InstitutionId).IsRequired().ValueGeneratedNever();
            parties.Property(p => p.Board).IsRequired();
            parties.HasKey("AgreementId", nameof(AgreementParty.InstitutionId));
        });
        builder.Navigation(a => a.Parties).HasField("_parties");
    }
}
