namespace DoorlopendeLeerroutes.Domain.Agreements;

/// <summary>
/// The uploaded PDF as the file store holds it (R-AGR-3): a generated storage key outside the web root, never the
/// user's file name; the original name is kept only to offer a safe download name.
/// </summary>
public sealed record StoredFile
{
    public const long MaxSizeBytes = 20L * 1024 * 1024;
    public const int MaxFileNameLength = 255;

    private StoredFile(string storageKey, string originalFileName, long sizeBytes, string sha256, int pageCount, bool? mentionsTransferOption)
    {
        MentionsTransferOption = mentionsTransferOption;
        StorageKey = storageKey;
        OriginalFileName = originalFileName;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        PageCount = pageCount;
    }

    public string StorageKey { get; }

    public string OriginalFileName { get; }

    public long SizeBytes { get; }

    /// <summary>Lower-case hexadecimal SHA-256 of the content.</summary>
    public string Sha256 { get; }

    public int PageCount { get; }

    /// <summary>
    /// The reviewer's hint, learned once at upload: whether the PDF's text mentions the overstapoptie. Null when the file
    /// has no readable text layer (a scan) or was stored before the hint was kept.
    /// </summary>
    public bool? MentionsTransferOption { get; }

    public static Result<StoredFile> Create(
        string? storageKey, string? originalFileName, long sizeBytes, string? sha256, int pageCount,
        bool? mentionsTransferOption = null)
    {
        var errors = new List<DomainError>();
        if (sizeBytes <= 0)
        {
            errors.Add(DomainErrors.Agreement.FileEmpty);
        }
        else if (sizeBytes > MaxSizeBytes)
        {
            errors.Add(DomainErrors.Agreement.FileTooLarge);
        }

        if (pageCount < 1)
        {
            errors.Add(DomainErrors.Agreement.NotAPdf);
        }

        if (string.IsNullOrWhiteSpace(storageKey)
            || sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigitLower))
        {
            // The file store produces these; a missing one is a bug, not user input.
            throw new DomainException("A stored file needs a storage key and a lower-case SHA-256.");
        }

        if (errors.Count > 0)
        {
            return Result<StoredFile>.Failure(errors);
        }

        var name = string.IsNullOrWhiteSpace(originalFileName) ? "overeenkomst.pdf" : originalFileName.Trim();
        if (name.Length > MaxFileNameLength)
        {
            name = name[..MaxFileNameLength];
        }

        return Result<StoredFile>.Success(new StoredFile(storageKey, name, sizeBytes, sha256, pageCount, mentionsTransferOption));
    }

    /// <summary>R-AGR-3 is checked on content, not on the file name: a PDF starts with <c>%PDF-</c>.</summary>
    public static bool HasPdfSignature(ReadOnlySpan<byte> firstBytes) => firstBytes.StartsWith("%PDF-"u8);
}
