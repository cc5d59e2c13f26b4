using System.Globalization;
using System.Security.Cryptography;
using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Domain.Agreements;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Infrastructure.Agreements;

/// <summary>
/// Agreement PDFs on disk, outside the web root (default <c>data/agreements</c> beside the database, or
/// <c>Storage:AgreementsFolder</c>), each under a generated name. An upload is streamed to a temporary file while its
/// SHA-256 is computed, so a 20 MB file is never held in memory; it only gets its final name once it has been checked.
/// The PDF is read once, here, by the <see cref="PdfInspector"/> within fixed limits; what it learns (page count, the
/// reviewer's hint) is stored with the agreement version and never recomputed while rendering.
/// </summary>
public sealed class AgreementFileStore(string folder, TimeProvider time, PdfInspector inspector, ILogger<AgreementFileStore> logger)
    : IAgreementFileStore
{
    private const int BufferSize = 81_920;

    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task<Result<StoredFile>> StoreAsync(Stream content, string? originalFileName, CancellationToken cancellationToken = default)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyy}/{Guid.NewGuid():N}.pdf");
        var finalPath = PathOf(key);
        var uploadPath = finalPath + ".upload";
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);

        try
        {
            var (size, hash, looksLikePdf) = await CopyAsync(content, uploadPath, cancellationToken);
            var problem = size switch
            {
                0 => DomainErrors.Agreement.FileEmpty,
                > StoredFile.MaxSizeBytes => DomainErrors.Agreement.FileTooLarge,
                _ when !looksLikePdf => DomainErrors.Agreement.NotAPdf,
                _ => null,
            };
            var inspection = problem is null ? await inspector.InspectAsync(uploadPath, cancellationToken) : null;
            if (inspection is { IsFailure: true })
            {
                problem = inspection.Errors[0];
            }
            else if (inspection is { Value.PageCount: < 1 })
            {
                problem = DomainErrors.Agreement.NotAPdf; // a PDF without pages is no agreement
            }

            if (problem is not null)
            {
                File.Delete(uploadPath);
                return Result<StoredFile>.Failure(problem);
            }

            var (pages, mentionsTransferOption) = inspection!.Value;
            File.Move(uploadPath, finalPath);
            logger.LogInformation("Agreement file {StorageKey} stored ({SizeBytes} bytes, {PageCount} pages)", key, size, pages);
            return StoredFile.Create(key, SafeName(originalFileName), size, hash, pages, mentionsTransferOption);
        }
        catch
        {
            File.Delete(uploadPath);
            throw;
        }
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

    private static async Task<(long Size, string Sha256, bool LooksLikePdf)> CopyAsync(
        Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        var header = new byte[5];
        var headerLength = 0;
        long size = 0;
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > StoredFile.MaxSizeBytes)
                {
                    return (size, string.Empty, false); // stop reading: the rest is never needed
                }

                if (headerLength < header.Length)
                {
                    var take = Math.Min(header.Length - headerLength, read);
                    Array.Copy(buffer, 0, header, headerLength, take);
                    headerLength += take;
                }

                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()), StoredFile.HasPdfSignature(header.AsSpan(0, headerLength)));
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
