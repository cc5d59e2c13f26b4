using System.Net;
using System.Text;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Institutions.Import;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Institutions;

/// <summary>
/// FORMATS.md §4 (R-MON-1): administrators import institutions; a known BRIN updates, a new one adds; all or nothing, every
/// error at its line and column; nobody else may.
/// </summary>
public sealed class InstitutionImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    public const string Header = "BRIN;Naam;Soort;Bestuursnummer;Bestuursnaam;Gemeente;Provincie;RMC-regio";

    private static int _sequence;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A BRIN no demo institution and no other test has: 6 + a digit + two letters.</summary>
    private static string NewBrin()
    {
        var n = Interlocked.Increment(ref _sequence);
        return $"6{n % 10}{(char)('A' + (n / 10 % 26))}{(char)('A' + (n / 260 % 26))}";
    }

    private static byte[] File(params string[] rows) => FileWith(Header, rows);

    private static byte[] FileWith(string header, params string[] rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Concat(new[] { header }.Concat(rows).Select(r => r + "\r\n")))];

    private async Task<InstitutionImportPreview> PreviewAsync(byte[] file, string asUser = SignIn.Administrator)
    {
        await using var content = new MemoryStream(file);
        return await (await app.ServiceAsAsync<ImportInstitutions>(asUser)).PreviewAsync(content, Ct);
    }

    private async Task<InstitutionImportOutcome> ConfirmAsync(InstitutionImportPreview preview) =>
        await (await app.ServiceAsAsync<ImportInstitutions>(SignIn.Administrator)).ConfirmAsync(preview, Ct);

    private async Task<Institution?> StoredAsync(string brin)
    {
        await using var db = await app.OpenDbContextAsync();
        return (await db.Institutions.AsNoTracking().ToListAsync(Ct)).SingleOrDefault(i => i.Brin.Value == brin);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.Institutions.CountAsync(Ct);
    }

    [Fact]
    public async Task R_MON_1_R_INST_3_a_new_brin_adds_an_institution_and_a_known_brin_updates_it_in_one_import()
    {
        string first = NewBrin(), second = NewBrin();
        var (added, _) = await ImportAsync(File(
            $"{first};Praktijkschool Oost;vo;71111;Stichting Oost;Enschede;Overijssel;Twente",
            $"{second.ToLowerInvariant()};Techniek College;MBO;72222;Stichting Techniek;Zwolle;overijssel;"));
        Assert.Equal(new InstitutionImportTotals(2, 0, 0), added.Totals);

        var before = await CountAsync();
        var preview = await PreviewAsync(File(
            $"{first};Praktijkschool Oost-Twente;vo;71111;;Hengelo;Overijssel;Twente",
            $"{second};Techniek College;mbo;72222;Stichting Techniek;Zwolle;Overijssel;"));
        Assert.Equal(before, await CountAsync()); // the preview stores nothing
        var outcome = await ConfirmAsync(preview);

        Assert.True(outcome.IsSuccess, string.Join(Environment.NewLine, outcome.Errors));
        Assert.Equal([InstitutionImportStatus.Changed, InstitutionImportStatus.Unchanged], preview.Lines.Select(l => l.Status));
        Assert.Equal("naam, gemeente", preview.Lines[0].Changes);
        Assert.Equal("0 instellingen toegevoegd, 1 gewijzigd, 1 ongewijzigd", outcome.Totals.Summary());
        Assert.Equal(before, await CountAsync()); // updated, not added
        var updated = (await StoredAsync(first))!;
        Assert.Equal(("Praktijkschool Oost-Twente", "Hengelo", Province.Overijssel, "Twente", "Stichting Oost"),
            (updated.Name, updated.Municipality, updated.Province, updated.RmcRegion, updated.BoardName)); // no bestuursnaam: the stored one stays
        var mbo = (await StoredAsync(second))!;
        Assert.Equal((Sector.Mbo, "Zwolle", (string?)null), (mbo.Sector, mbo.Municipality, mbo.RmcRegion));

        // One audit line per stored import (kind 23), none for the preview.
        await using var db = await app.OpenDbContextAsync();
        var lines = await db.AuditLog.Where(a => a.Kind == AuditKind.InstitutionsImported).ToListAsync(Ct);
        Assert.Contains(lines, l => l.Detail == "0 nieuw, 1 gewijzigd, 1 ongewijzigd" && l.Count == 1);
        Assert.Contains(lines, l => l.Detail == "2 nieuw, 0 gewijzigd, 0 ongewijzigd" && l.Count == 2);
        Assert.Equal("Instellingen geïmporteerd", AuditLabels.Describe(AuditKind.InstitutionsImported));
    }

    [Fact]
    public async Task R_MON_1_importing_the_same_file_again_finds_every_row_unchanged_and_stores_nothing()
    {
        var file = File($"{NewBrin()};Vmbo De Brug;vo;73333;Stichting De Brug;Delft;Zuid-Holland;Haaglanden");
        await ImportAsync(file);
        await using var db = await app.OpenDbContextAsync();
        var audited = await db.AuditLog.CountAsync(a => a.Kind == AuditKind.InstitutionsImported, Ct);

        var again = await PreviewAsync(file);
        var outcome = await ConfirmAsync(again);

        Assert.Equal(new InstitutionImportTotals(0, 0, 1), again.Totals);
        Assert.False(again.CanConfirm);
        Assert.Equal(new InstitutionImportTotals(0, 0, 1), outcome.Totals);
        Assert.Equal(audited, await db.AuditLog.CountAsync(a => a.Kind == AuditKind.InstitutionsImported, Ct));
    }

    [Fact]
    public async Task R_MON_1_R_INST_1_R_INST_2_a_file_with_any_error_stores_nothing_and_names_every_error_by_line_and_column()
    {
        string good = NewBrin(), duplicate = NewBrin();
        var before = await CountAsync();
        var file = File(
            $"{good};Goede School;vo;74444;Stichting Goed;Utrecht;Utrecht;Utrecht",
            "5KO;Te korte BRIN;vo;74444;Stichting Goed;Utrecht;Utrecht;",
            $"{duplicate};Dubbele School;havo;7444;Stichting Goed;;Holland;",
            $"{duplicate};Dubbele School;vo;74444;Stichting Goed;Utrecht;Utrecht;",
            $"{NewBrin()};Nieuw Bestuur;mbo;79999;;Almere;Flevoland;Flevoland");

        var preview = await PreviewAsync(file);
        var outcome = await ConfirmAsync(preview);

        Assert.Equal(
            [
                "regel 3, kolom BRIN: " + InstitutionImportErrors.BrinInvalid("5KO").Message,
                "regel 4, kolom Soort: " + InstitutionImportErrors.SectorInvalid("havo").Message,
                "regel 4, kolom Provincie: " + InstitutionImportErrors.ProvinceInvalid("Holland").Message,
                "regel 5, kolom BRIN: " + InstitutionImportErrors.DuplicateBrin(4).Message,
                "regel 6, kolom Bestuursnaam: " + InstitutionImportErrors.BoardNameUnknown.Message,
            ],
            preview.Errors.Select(e => e.Text));
        Assert.False(outcome.IsSuccess);
        Assert.Equal(before, await CountAsync()); // the good row is not stored either
        Assert.Null(await StoredAsync(good));

        // The rules of the domain, each at its column: bestuursnummer (R-INST-2), gemeente.
        var domain = await PreviewAsync(File($"{NewBrin()};School;vo;7444;Stichting;   ;Utrecht;"));
        Assert.Equal(
            [
                "regel 2, kolom Bestuursnummer: " + DomainErrors.Institution.BoardNumberInvalid.Message,
                "regel 2, kolom Gemeente: " + DomainErrors.Institution.MunicipalityRequired.Message,
            ],
            domain.Errors.Select(e => e.Text));
    }

    [Fact]
    public async Task R_MON_1_header_errors_are_reported_at_line_1_and_nothing_is_read_further()
    {
        var unknown = await PreviewAsync(FileWith("brin ; NAAM;Soort;Bestuursnummer;Gemeente;Provincie;Plaats", $"{NewBrin()};X;vo;71111;Ede;Gelderland;Ede"));
        var missing = await PreviewAsync(FileWith("BRIN;Naam;Soort;Bestuursnummer;Gemeente", $"{NewBrin()};X;vo;71111;Ede"));

        Assert.Equal(["regel 1, kolom Plaats: " + InstitutionImportErrors.UnknownColumn.Message], unknown.Errors.Select(e => e.Text));
        Assert.Equal(["regel 1, kolom Provincie: " + Application.Pupils.Import.PupilImportErrors.MissingColumn.Message], missing.Errors.Select(e => e.Text));
    }

    [Fact]
    public async Task R_MON_1_the_soort_of_a_route_partner_cannot_change_but_that_of_another_institution_can()
    {
        var free = NewBrin();
        await ImportAsync(File($"{free};Nog Geen Partner;vo;75555;Stichting Vrij;Assen;Drenthe;"));

        var preview = await PreviewAsync(File(
            "05KO;Vakcollege De Horizon;mbo;41234;Stichting Onderwijs Rivierenland;Culemborg;Gelderland;Rivierenland",
            $"{free};Nog Geen Partner;mbo;75555;Stichting Vrij;Assen;Drenthe;"));

        Assert.Equal(["regel 2, kolom Soort: " + InstitutionImportErrors.SectorOfPartner.Message], preview.Errors.Select(e => e.Text));
        Assert.Equal(Sector.Vo, (await StoredAsync("05KO"))!.Sector);

        var alone = await PreviewAsync(File($"{free};Nog Geen Partner;mbo;75555;Stichting Vrij;Assen;Drenthe;"));
        Assert.Equal(InstitutionImportStatus.Changed, Assert.Single(alone.Lines).Status);
        Assert.Equal("soort", alone.Lines[0].Changes);
    }

    [Fact]
    public async Task R_MON_1_the_example_file_linked_on_the_page_is_valid()
    {
        using var client = await app.SignedInClientAsync(SignIn.Administrator);

        using var response = await client.GetAsync("/voorbeelden/instellingen-voorbeeld.csv", Ct);
        var file = await response.Content.ReadAsByteArrayAsync(Ct);
        var preview = await PreviewAsync(file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(preview.Errors);
        Assert.Equal(new InstitutionImportTotals(2, 0, 2), preview.Totals); // the two demo institutions as they are, two new ones
        Assert.Equal("Lyceum Noord; vmbo", preview.Lines[3].Name); // a quoted field with a ; inside
        Assert.Equal(Province.Fryslan, preview.Lines[3].Province); // "Friesland"
    }

    [Theory]
    [InlineData(SignIn.VoCoordinator)]
    [InlineData(SignIn.VoViewer)]
    public async Task R_ACCESS_1_only_administrators_import_institutions_and_a_refused_page_is_recorded(string user)
    {
        var file = File($"{NewBrin()};Stiekeme School;vo;76666;Stichting;Ede;Gelderland;");

        await Assert.ThrowsAsync<Application.Accounts.AccessDeniedException>(() => PreviewAsync(file, user));
        using var client = await app.SignedInClientAsync(user);
        using var response = await client.GetAsync("/beheer/instellingen", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/geen-toegang", response.RedirectTarget(), StringComparison.Ordinal);
        await using var db = await app.OpenDbContextAsync();
        var userId = (await db.Users.SingleAsync(u => u.Email == user, Ct)).Id;
        Assert.True(await db.AuditLog.AnyAsync(
            a => a.Kind == AuditKind.AccessRefused && a.ActorUserId == userId && a.Detail == "geen recht op /beheer/instellingen", Ct));
    }

    private async Task<(InstitutionImportPreview Preview, InstitutionImportOutcome Outcome)> ImportAsync(byte[] file)
    {
        var preview = await PreviewAsync(file);
        Assert.False(preview.HasErrors, string.Join(Environment.NewLine, preview.Errors));
        var outcome = await ConfirmAsync(preview);
        Assert.True(outcome.IsSuccess, string.Join(Environment.NewLine, outcome.Errors));
        return (preview, outcome);
    }
}
