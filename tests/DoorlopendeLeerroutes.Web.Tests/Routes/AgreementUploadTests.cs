using System.Net;
using System.Security.Cryptography;
using System.Text;
using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Infrastructure.Agreements;
using DoorlopendeLeerroutes.Web.Tests.Agreements;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Routes;

/// <summary>R-AGR-2…4: what an upload must be, what is kept of it, and who may download it.</summary>
public sealed class AgreementUploadTests(FolderAgreementsApp app) : IClassFixture<FolderAgreementsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RouteWorkflow _flow = new(app);

    public static TheoryData<string, string, string> RefusedUploads => new()
    {
        { "renamed text file", "overeenkomst.pdf", "agreement.file.not_pdf" },
        { "empty file", "leeg.pdf", "agreement.file.empty" },
        { "21 MB", "groot.pdf", "agreement.file.too_large" },
        { "pdf header, no pdf", "kapot.pdf", "agreement.file.not_pdf" },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task R_AGR_3_refused_upload_gets_a_clear_message_and_nothing_is_stored(string kind, string fileName, string code)
    {
        var id = await _flow.CreateAsync("Upload " + kind);
        var content = kind switch
        {
            "renamed text file" => Encoding.UTF8.GetBytes("Dit is geen pdf maar een tekstbestand."),
            "empty file" => [],
            "21 MB" => [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[21 * 1024 * 1024]],
            _ => "%PDF-1.4\nniets bruikbaars"u8.ToArray(),
        };

        var result = await _flow.AddAgreementAsync(id, content, fileName);

        RouteWorkflow.Refused(result, code);
        Assert.False(string.IsNullOrWhiteSpace(result.Errors[0].Message));
        Assert.Empty((await _flow.DetailsAsync(id)).Agreements);
        Assert.Empty(await OrphanFilesAsync());
    }

    [Fact]
    public async Task R_AGR_2_page_number_beyond_the_document_is_refused_and_nothing_is_stored()
    {
        var id = await _flow.CreateAsync("Pagina buiten document");
        var pages = new Dictionary<AgreementItem, int>(RouteWorkflow.MandatoryPages) { [AgreementItem.TransferOption] = 9 };

        var result = await _flow.AddAgreementAsync(id, TestPdf.Agreement(), pages: pages);

        RouteWorkflow.Refused(result, "agreement.item.page_out_of_range");
        Assert.Contains("de pdf heeft 3 pagina's", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty((await _flow.DetailsAsync(id)).Agreements);
        Assert.Empty(await OrphanFilesAsync());
    }

    [Fact]
    public async Task R_AGR_3_valid_pdf_with_a_hostile_name_is_stored_once_under_a_generated_name_with_its_hash()
    {
        var id = await _flow.CreateAsync("Geldige upload");
        var pdf = TestPdf.Agreement();

        RouteWorkflow.Ok(await _flow.AddAgreementAsync(id, pdf, "../../etc/overeenkomst café ëindversie.pdf"));

        var agreement = Assert.Single((await _flow.DetailsAsync(id)).Agreements);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), agreement.Sha256);
        Assert.Equal(3, agreement.PageCount);
        Assert.Equal("overeenkomst café ëindversie.pdf", agreement.FileName); // no folders survive
        var stored = Path.GetFullPath(Path.Combine(app.AgreementsFolder, await StorageKeyAsync(id)));
        Assert.StartsWith(Path.GetFullPath(app.AgreementsFolder), stored, StringComparison.Ordinal);
        Assert.Empty(await OrphanFilesAsync());
        Assert.DoesNotContain("overeenkomst", Path.GetFileName(stored), StringComparison.Ordinal);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(stored, Ct));
    }

    [Fact]
    public async Task R_AGR_4_partners_download_the_agreement_as_an_attachment_others_get_404()
    {
        var id = await _flow.CreateAsync("Downloaden");
        RouteWorkflow.Ok(await _flow.AddAgreementAsync(id, TestPdf.Agreement(), "<script>.pdf"));
        var agreement = Assert.Single((await _flow.DetailsAsync(id)).Agreements);
        var url = $"/leerroutes/{id}/overeenkomsten/{agreement.Id}";

        using var partner = await app.SignedInClientAsync(SignIn.MboViewer);
        using var download = await partner.GetAsync(url, Ct);
        using var outsider = await app.SignedInClientAsync(SignIn.UnrelatedCoordinator);
        using var refused = await outsider.GetAsync(url, Ct);
        using var anonymous = await app.AnonymousClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches("^samenwerkingsovereenkomst-LR-\\d{4}-\\d{4}-v1-1\\.pdf$", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal(TestPdf.Agreement().Length, (await download.Content.ReadAsByteArrayAsync(Ct)).Length);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(0, (await refused.Content.ReadAsByteArrayAsync(Ct)).Count(b => b == (byte)'%'));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Reviewer_hint_reports_whether_the_pdf_mentions_the_overstapoptie()
    {
        var files = (IAgreementFileStore)app.Services.GetService(typeof(IAgreementFileStore))!;
        await using var with = new MemoryStream(TestPdf.Agreement());
        await using var without = new MemoryStream(TestPdf.WithPages("Alleen de afspraken over examens"));

        var mentioned = await files.StoreAsync(with, "a.pdf", Ct);
        var silent = await files.StoreAsync(without, "b.pdf", Ct);

        // Learned once, at upload, and carried by the stored file (issue 11): never read again while rendering.
        Assert.True(mentioned.Value.MentionsTransferOption);
        Assert.False(silent.Value.MentionsTransferOption);
        await files.DiscardAsync(mentioned.Value.StorageKey, Ct);
        await files.DiscardAsync(silent.Value.StorageKey, Ct);
    }

    [Fact]
    public async Task R_AGR_3_decompression_bomb_upload_is_refused_nothing_is_stored_and_the_app_stays_healthy()
    {
        var id = await _flow.CreateAsync("Pdf-bom");
        var bomb = await File.ReadAllBytesAsync(
            Path.Combine(AppContext.BaseDirectory, "Agreements", "HostilePdfs", "decompression-bomb.pdf"), Ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await _flow.AddAgreementAsync(id, bomb, "overeenkomst.pdf");

        RouteWorkflow.Refused(result, "agreement.file.too_complex");
        Assert.StartsWith("Dit pdf-bestand is te complex of beschadigd", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Empty((await _flow.DetailsAsync(id)).Agreements);
        Assert.Empty(await OrphanFilesAsync());
        using var health = await app.CreateClient().GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // And the next, ordinary upload is read as before.
        RouteWorkflow.Ok(await _flow.AddAgreementAsync(id, TestPdf.Agreement()));
    }

    [Fact]
    public async Task R_AGR_3_hint_is_stored_with_the_agreement_version_and_shown_from_the_route_details()
    {
        var id = await _flow.CreateAsync("Hint opgeslagen");
        RouteWorkflow.Ok(await _flow.AddAgreementAsync(id, TestPdf.WithPages("Alleen examens", "Handtekeningen", "Bijlage")));
        RouteWorkflow.Ok(await _flow.AddAgreementAsync(id, TestPdf.Agreement()));

        var agreements = (await _flow.DetailsAsync(id)).Agreements;

        Assert.Equal([true, false], agreements.Select(a => a.MentionsTransferOption)); // newest first
        await using var db = await app.OpenDbContextAsync();
        var route = await db.Routes.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(true, route.CurrentAgreement!.File.MentionsTransferOption);
    }

    [Fact]
    public async Task R_AGR_3_route_with_20_versions_refuses_the_21st_before_the_file_reaches_the_store()
    {
        var id = await _flow.CreateAsync("Twintig versies");
        await using (var db = await app.OpenDbContextAsync())
        {
            var route = await db.Routes.SingleAsync(r => r.Id == id, Ct);
            var coordinator = Actor.Coordinator(Guid.NewGuid(), route.Partners.First(p => p.Sector == Sector.Vo).InstitutionId);
            for (var i = 0; i < Route.MaxAgreementVersions; i++)
            {
                var file = StoredFile.Create("k/" + Guid.NewGuid().ToString("N") + ".pdf", "v.pdf", 1234, new string('c', 64), 3).Value;
                RouteWorkflow.Ok(route.AddAgreement(
                    AgreementKind.CooperationAgreement, DutchTime.Today(DateTime.UtcNow).AddDays(-7), file, RouteWorkflow.MandatoryPages,
                    false, false, coordinator, DateTime.UtcNow));
            }

            await db.SaveChangesAsync(Ct);
        }

        var inspector = (PdfInspector)app.Services.GetService(typeof(PdfInspector))!;
        await using var probe = new MemoryStream(TestPdf.Agreement());
        var files = (IAgreementFileStore)app.Services.GetService(typeof(IAgreementFileStore))!;
        var probed = await files.StoreAsync(probe, "probe.pdf", Ct);
        await files.DiscardAsync(probed.Value.StorageKey, Ct);
        var lastInspection = inspector.LastCost;

        var result = await _flow.AddAgreementAsync(id, TestPdf.Agreement());

        RouteWorkflow.Refused(result, "agreement.versions.too_many");
        Assert.Same(lastInspection, inspector.LastCost); // the upload was never read, let alone stored
        Assert.Equal(20, (await _flow.DetailsAsync(id)).Agreements.Count);
    }

    /// <summary>Files in the store that no agreement records: what a refused upload must never leave behind.</summary>
    private async Task<string[]> OrphanFilesAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        var recorded = (await db.Routes.AsNoTracking().ToListAsync(Ct))
            .SelectMany(r => r.Agreements).Select(a => a.File.StorageKey).ToHashSet();
        return Directory.Exists(app.AgreementsFolder)
            ? Directory.GetFiles(app.AgreementsFolder, "*", SearchOption.AllDirectories)
                .Where(f => !recorded.Contains(Path.GetRelativePath(app.AgreementsFolder, f).Replace('\\', '/')))
                .ToArray()
            : [];
    }

    private async Task<string> StorageKeyAsync(Guid routeId)
    {
        await using var db = await app.OpenDbContextAsync();
        var route = await db.Routes.AsNoTracking().SingleAsync(r => r.Id == routeId, Ct);
        return Assert.Single(route.Agreements).File.StorageKey;
    }
}
