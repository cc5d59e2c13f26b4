using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoorlopendeLeerroutes.Infrastructure.ApiClients;

/// <summary>
/// A write to the API made with an <c>Idempotency-Key</c> (issue 14): the key of one client, a hash of the request, and
/// once done the response, which a retry with the same key and the same request gets again instead of a second run.
/// Kept for 24 hours. The body is the API's own answer (no pupil numbers: the API never returns one in full).
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxKeyLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The API client's id (<see cref="ApiClient.Id"/>).</summary>
    public Guid ClientId { get; set; }

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the method, the path with query, and the body.</summary>
    public string RequestHash { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    /// <summary>False while the first request with this key is still running.</summary>
    public bool Completed { get; set; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public byte[]? Body { get; set; }

    /// <summary>A <c>Location</c> header of a create, replayed with the rest.</summary>
    public string? Location { get; set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("IdempotentRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Key).HasMaxLength(IdempotentRequest.MaxKeyLength).IsRequired();
        builder.HasIndex(r => new { r.ClientId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(500);
    }
}
