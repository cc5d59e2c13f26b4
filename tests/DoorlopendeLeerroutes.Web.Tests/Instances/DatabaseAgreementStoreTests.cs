using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Infrastructure.Agreements;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Instances;

/// <summary>
/// Agreement PDFs in the database, the default store (issue 17): accepted files become one row, refused ones none, and
/// files a folder store kept before stay readable after the switch.
/// </summary>
public sealed class DatabaseAgreementStoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IAgreementFileStore Store => app.Services.GetRequiredService<IAgreementFileStore>();

    [Fact]
    public async Task R_AGR_3_database_is_the_default_store_and_keeps_an_accepted_pdf_as_one_row_under_a_db_key()
    {
        var pdf = TestPdf.Agreement();
        await using var upload = new MemoryStream(pdf);

        var stored = await Store.StoreAsync(upload, "overeenkomst.pdf", Ct);

        Assert.IsType<DatabaseAgreementFileStore>(Store);
        Assert.True(stored.IsSuccess, stored.ToString());
        Assert.StartsWith(DatabaseAgreementFileStore.KeyPrefix, stored.Value.StorageKey, StringComparison.Ordinal);
        Assert.Equal(3, stored.Value.PageCount);
        await using var read = (await Store.OpenReadAsync(stored.Value.StorageKey, Ct))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, Ct);
        Assert.Equal(pdf, copy.ToArray());
        await using var db = await app.OpenDbContextAsync();
        var id = Guid.ParseExact(stored.Value.StorageKey[DatabaseAgreementFileStore.KeyPrefix.Length..], "N");
        var row = await db.AgreementFiles.AsNoTracking().SingleAsync(f => f.Id == id, Ct);
        Assert.Equal(pdf.Length, row.SizeBytes);
    }

    [Fact]
    public async Task R_AGR_3_refused_upload_and_discarded_file_leave_no_row_in_the_database()
    {
        var before = await RowsAsync();
        await using var notAPdf = new MemoryStream("geen pdf"u8.ToArray());
        await using var valid = new MemoryStream(TestPdf.Agreement());

        var refused = await Store.StoreAsync(notAPdf, "x.pdf", Ct);
        var stored = await Store.StoreAsync(valid, "y.pdf", Ct);
        await Store.DiscardAsync(stored.Value.StorageKey, Ct);

        Assert.True(refused.IsFailure);
        Assert.Equal(before, await RowsAsync());
        Assert.Null(await Store.OpenReadAsync(stored.Value.StorageKey, Ct));
    }

    [Fact]
    public async Task A_file_a_folder_store_kept_before_the_switch_is_still_read_by_its_old_key()
    {
        var pdf = TestPdf.Agreement();
        Directory.CreateDirectory(Path.Combine(app.AgreementsFolder, "2025"));
        await File.WriteAllBytesAsync(Path.Combine(app.AgreementsFolder, "2025", "oud.pdf"), pdf, Ct);

        await using var read = await Store.OpenReadAsync("2025/oud.pdf", Ct);

        Assert.NotNull(read);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, Ct);
        Assert.Equal(pdf, copy.ToArray());
    }

    private async Task<int> RowsAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.AgreementFiles.CountAsync(Ct);
    }
}
