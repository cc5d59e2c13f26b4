using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoorlopendeLeerroutes.Infrastructure.ApiClients;

/// <summary>
/// The app's own record of an API client ("koppeling", issue 14): whose it is and what it may do. OpenIddict keeps the
/// credentials (the client id and the hash of the secret) in its own application table; this record ties the client to
/// exactly one institution, as a coordinator of it, or to the registry, as an administrator (R-ACCESS-2). A revoked
/// client keeps its record, so the audit log still names it, but gets no token and no call through.
/// </summary>
public sealed class ApiClient
{
    public const int MaxNameLength = 100;
    public const int MaxClientIdLength = 100;

    /// <summary>The stable id of the client: the token's subject and the actor id of everything it does.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The OAuth <c>client_id</c>.</summary>
    public string ClientId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The institution the client acts for; null for a registry client (acting as an administrator).</summary>
    public Guid? InstitutionId { get; set; }

    /// <summary>The scopes it was given, separated by spaces (<c>ApiScopes</c>).</summary>
    public string Scopes { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public DateTime? RevokedAt { get; set; }

    public Guid? RevokedByUserId { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsRegistryClient => InstitutionId is null;

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How the client is named wherever a person would be named (the audit log, "wie heeft dit gezien").</summary>
    public string DisplayName => DisplayNameFor(Name);

    public static string DisplayNameFor(string name) => "koppeling " + name;
}

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ClientId).HasMaxLength(ApiClient.MaxClientIdLength).IsRequired();
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(ApiClient.MaxNameLength).IsRequired();
        builder.Property(c => c.Scopes).HasMaxLength(300).IsRequired();
        builder.HasIndex(c => c.InstitutionId);
        builder.HasOne<Domain.Institutions.Institution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsRevoked);
        builder.Ignore(c => c.IsRegistryClient);
        builder.Ignore(c => c.ScopeList);
        builder.Ignore(c => c.DisplayName);
    }
}
