using System.Net;
using System.Text;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Counting;

/// <summary>R-COUNT-7: the count per pupil as CSV (docs/formats.md §2), limited to what the user may see.</summary>
public sealed class CountExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SchoolYear Counted => SchoolYears.LastCounted;

    [Fact]
    public async Task R_COUNT_7_coordinator_downloads_the_count_of_own_pupils_as_dutch_csv()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);

        using var response = await client.GetAsync($"/teldatum/{Counted}/export.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"teldatum-{Counted}.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Schooljaar;Teldatum;Route;Routetype;Leerlingnummer;Naam;Fase op teldatum;Bekostigd door;Status", lines[0]);

        await using var db = await app.OpenDbContextAsync();
        var own = (await db.Institutions.ToListAsync(Ct)).Single(i => i.Brin.Value == "05KO").Id;
        var expected = await db.Enrolments.CountAsync(
            e => (e.VoInstitutionId == own || e.MboInstitutionId == own)
                 && e.StartDate <= Counted.CountDate && (e.EndDate == null || e.EndDate >= Counted.CountDate), Ct);
        Assert.Equal(expected, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.StartsWith($"{Counted};01-10-{Counted.StartYear};LR-", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(";geen fase", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(";geteld; latere wijziging te laat", StringComparison.Ordinal) || l.EndsWith(";\"geteld; latere wijziging te laat\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";vo;05KO;geteld", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";mbo;25PG;", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Groen geïntegreerd", StringComparison.Ordinal)); // another institution's route
    }

    [Fact]
    public async Task Unknown_school_year_gives_404_and_anonymous_visitors_go_to_sign_in()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoViewer);
        using var unknown = await client.GetAsync("/teldatum/2025-2027/export.csv", Ct);
        using var anonymous = await app.AnonymousClient().GetAsync($"/teldatum/{Counted}/export.csv", Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.StartsWith("/account/login", anonymous.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_COUNT_7_the_same_count_as_an_excel_workbook_with_full_pupil_numbers()
    {
        using var client = await app.SignedInClientAsync(SignIn.MboViewer);

        using var csv = await client.GetAsync($"/teldatum/{Counted}/export.csv", Ct);
        using var xlsx = await client.GetAsync($"/teldatum/{Counted}/export.xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal($"teldatum-{Counted}.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        await using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        var sheet = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? string.Empty).ToArray())
            .ToList();
        var csvLines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync(Ct))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(CountCsv.Header, sheet[0]);
        Assert.Equal(csvLines.Length, sheet.Count);
        Assert.All(sheet.Skip(1), row => Assert.Matches("^\\d{9}$", row[4])); // all nine digits
    }
}

