using System.Globalization;
using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Infrastructure.Agreements;

/// <summary>One agreement PDF in the table <c>AgreementFiles</c> (issue 17): every instance of the app reaches it.</summary>
public sealed class AgreementFileContent
{
    public Guid Id { get; set; }

    public byte[] Content { get; set; } = [];

    public long SizeBytes { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class AgreementFileContentConfiguration : IEntityTypeConfiguration<AgreementFileContent>
{
    public void Configure(EntityTypeBuilder<AgreementFileContent> builder)
    {
        builder.ToTable("AgreementFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Content).IsRequired();
    }
}

/// <summary>
/// Agreement PDFs in the database (<c>Storage:Agreements:Provider</c> = <c>Database</c>, the default), so any number of
/// instances share them with nothing more than the database they already share. An upload passes the same
/// <see cref="AgreementUploadCheck"/> as the folder store (as a temporary file, never whole in memory while unchecked);
/// only an accepted file becomes a row, under the key <c>db/&lt;id&gt;</c>. Keys of files stored in a folder before
/// (<c>yyyy/&lt;name&gt;.pdf</c>) are still read from <paramref name="earlierFolder"/>, so switching to the database loses
/// no agreement.
/// </summary>
public sealed class DatabaseAgreementFileStore(
    IServiceScopeFactory scopes, AgreementUploadCheck check, TimeProvider time, AgreementFileStore? earlierFolder,
    ILogger<DatabaseAgreementFileStore> logger) : IAgreementFileStore
{
    public const string KeyPrefix = "db/";

    public async Task<Result<StoredFile>> StoreAsync(Stream content, string? originalFileName, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        var uploadFolder = Path.Combine(Path.GetTempPath(), "doorlopende-leerroutes-uploads");
        Directory.CreateDirectory(uploadFolder);
        var uploadPath = Path.Combine(uploadFolder, id.ToString("N", CultureInfo.InvariantCulture) + ".upload");

        var checkedUpload = await check.ReceiveAsync(content, uploadPath, cancellationToken);
        if (checkedUpload.IsFailure)
        {
            return Result<StoredFile>.Failure(checkedUpload.Errors[0]);
        }

        var (size, hash, pages, mentionsTransferOption) = checkedUpload.Value;
        try
        {
            // At most StoredFile.MaxSizeBytes (20 MB), and only after the check accepted it.
            var bytes = await File.ReadAllBytesAsync(uploadPath, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
                .CreateDbContextAsync(cancellationToken);
            db.AgreementFiles.Add(new AgreementFileContent
            {
                Id = id, Content = bytes, SizeBytes = size, CreatedAt = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            File.Delete(uploadPath);
        }

        var key = KeyPrefix + id.ToString("N", CultureInfo.InvariantCulture);
        logger.LogInformation("Agreement file {StorageKey} stored ({SizeBytes} bytes, {PageCount} pages)", key, size, pages);
        return StoredFile.Create(key, AgreementFileStore.SafeName(originalFileName), size, hash, pages, mentionsTransferOption);
    }

    public async Task DiscardAsync(string storageKey, CancellationToken cancellationToken = default)
    {
        if (IdOf(storageKey) is not { } id)
        {
            if (earlierFolder is not null)
            {
                await earlierFolder.DiscardAsync(storageKey, cancellationToken);
            }

            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        await db.AgreementFiles.Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken = default)
    {
        if (IdOf(storageKey) is not { } id)
        {
            return earlierFolder is null ? null : await earlierFolder.OpenReadAsync(storageKey, cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        var content = await db.AgreementFiles.Where(f => f.Id == id).Select(f => f.Content).SingleOrDefaultAsync(cancellationToken);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    private static Guid? IdOf(string storageKey) =>
        storageKey.StartsWith(KeyPrefix, StringComparison.Ordinal)
        && Guid.TryParseExact(storageKey.AsSpan(KeyPrefix.Length), "N", out var id)
            ? id
            : null;
}
