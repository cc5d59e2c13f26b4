using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;

namespace DoorlopendeLeerroutes.Application.Agreements;

/// <summary>
/// Where agreement PDFs live: outside the web root, under generated names (R-AGR-3). Implemented in Infrastructure.
/// </summary>
public interface IAgreementFileStore
{
    /// <summary>
    /// Streams an upload to the store while hashing it; refuses (and keeps nothing of) an empty file, a file over 20 MB
    /// and anything that is not a readable PDF by its content.
    /// </summary>
    Task<Result<StoredFile>> StoreAsync(Stream content, string? originalFileName, CancellationToken cancellationToken = default);

    /// <summary>Removes a stored file that was never recorded (the agreement itself was refused): nothing half-saved.</summary>
    Task DiscardAsync(string storageKey, CancellationToken cancellationToken = default);

    /// <summary>The file's content, or null when it is missing from the store.</summary>
    Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken = default);

    /// <summary>A hint for the reviewer: whether the PDF's text mentions the overstapoptie (null when it has no text layer).</summary>
    Task<bool?> MentionsTransferOptionAsync(string storageKey, CancellationToken cancellationToken = default);
}
