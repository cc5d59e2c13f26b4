using DoorlopendeLeerroutes.Domain.Agreements;

namespace DoorlopendeLeerroutes.Application.Agreements;

/// <summary>
/// Where agreement PDFs live: outside the web root, under generated names (R-AGR-3). Implemented in Infrastructure.
/// </summary>
public interface IAgreementFileStore
{
    /// <summary>
    /// Streams an upload to the store while hashing it; refuses (and keeps nothing of) an empty file, a file over 20 MB,
    /// anything that is not a readable PDF by its content, an encrypted PDF and a PDF beyond the inspection limits. The
    /// stored file carries what the one inspection learned (pages, the reviewer's hint).
    /// </summary>
    Task<Result<StoredFile>> StoreAsync(Stream content, string? originalFileName, CancellationToken cancellationToken = default);

    /// <summary>Removes a stored file that was never recorded (the agreement itself was refused): nothing half-saved.</summary>
    Task DiscardAsync(string storageKey, CancellationToken cancellationToken = default);

    /// <summary>The file's content, or null when it is missing from the store.</summary>
    Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken = default);
}
