using System.Globalization;
using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Domain.Agreements;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Infrastructure.Agreements;

/// <summary>
/// Agreement PDFs in a folder (<c>Storage:Agreements:Provider</c> = <c>Folder</c>): outside the web root, each under a
/// generated name; for several instances the folder must be one they all share. An upload passes the
/// <see cref="AgreementUploadCheck"/> as a temporary file in the folder and only gets its final name once it has been
/// checked; what the one inspection learned (page count, the reviewer's hint) is stored with the agreement version.
/// </summary>
public sealed class AgreementFileStore(string folder, AgreementUploadCheck check, TimeProvider time, ILogger<AgreementFileStore> logger)
    : IAgreementFileStore
{
    private const int BufferSize = AgreementUploadCheck.BufferSize;

    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task<Result<StoredFile>> StoreAsync(Stream content, string? originalFileName, CancellationToken cancellationToken = default)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyy}/{Guid.NewGuid():N}.pdf");
        var finalPath = PathOf(key);
        var uploadPath = finalPath + ".upload";
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);

        var checkedUpload = await check.ReceiveAsync(content, uploadPath, cancellationToken);
        if (checkedUpload.IsFailure)
        {
            return Result<StoredFile>.Failure(checkedUpload.Errors[0]);
        }

        var (size, hash, pages, mentionsTransferOption) = checkedUpload.Value;
        try
        {
            File.Move(uploadPath, finalPath);
        }
        catch
        {
            File.Delete(uploadPath);
            throw;
        }

        logger.LogInformation("Agreement file {StorageKey} stored ({SizeBytes} bytes, {PageCount} pages)", key, size, pages);
        return StoredFile.Create(key, SafeName(originalFileName), size, hash, pages, mentionsTransferOption);
    }

    public Task DiscardAsync(string storageKey, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(storageKey));
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken = default)
    {
        var path = PathOf(storageKey);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    /// <summary>The file name as uploaded, reduced to a harmless display name: no folders, no control characters.</summary>
    public static string SafeName(string? uploaded)
    {
        var name = Path.GetFileName((uploaded ?? string.Empty).Replace('\\', '/'));
        // No control, bidi-override or zero-width characters (R-PRIV-4): "contract\u202Efdp.exe" would show as
        // "contractexe.pdf" in a download list.
        var kept = new System.Text.StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (!PrintableText.IsForbidden(rune.Value) && rune.Value is not ('/' or ':' or '"' or '<' or '>' or '|' or '*' or '?'))
            {
                kept.Append(rune.ToString());
            }
        }

        name = kept.ToString().Trim(' ', '.');
        return name.Length == 0 ? "overeenkomst.pdf" : name;
    }

    private string PathOf(string storageKey)
    {
        var path = Path.GetFullPath(Path.Combine(Folder, storageKey));
        if (!path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("A storage key stays inside the store.", nameof(storageKey));
        }

        return path;
    }
}
