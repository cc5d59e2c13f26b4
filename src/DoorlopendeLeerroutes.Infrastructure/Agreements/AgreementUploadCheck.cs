using System.Security.Cryptography;
using DoorlopendeLeerroutes.Domain.Agreements;

namespace DoorlopendeLeerroutes.Infrastructure.Agreements;

/// <summary>What an accepted upload is: its size, hash and what the one inspection learned.</summary>
public sealed record CheckedUpload(long SizeBytes, string Sha256, int PageCount, bool? MentionsTransferOption);

/// <summary>
/// The door every agreement upload passes, whichever store keeps it (R-AGR-3): the upload is streamed to a temporary
/// file while its SHA-256 is computed, so a 20 MB file is never held in memory; then size, PDF signature and the
/// <see cref="PdfInspector"/> (within its fixed limits) decide. A refused upload leaves no file behind.
/// </summary>
public sealed class AgreementUploadCheck(PdfInspector inspector)
{
    internal const int BufferSize = 81_920;

    /// <summary>
    /// Streams <paramref name="content"/> to <paramref name="uploadPath"/> and checks it. On success the file stays there
    /// for the store to keep; on refusal (or an exception) it is deleted.
    /// </summary>
    public async Task<Result<CheckedUpload>> ReceiveAsync(Stream content, string uploadPath, CancellationToken cancellationToken = default)
    {
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
                return Result<CheckedUpload>.Failure(problem);
            }

            var (pages, mentionsTransferOption) = inspection!.Value;
            return Result<CheckedUpload>.Success(new CheckedUpload(size, hash, pages, mentionsTransferOption));
        }
        catch
        {
            File.Delete(uploadPath);
            throw;
        }
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
}
