using System.Text;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Infrastructure.Pupils;

namespace DoorlopendeLeerroutes.Application.Tests.Pupils.Import;

/// <summary>
/// docs/formats.md §1: what reading an import file alone refuses, each refusal naming its line and column
/// (<c>regel N, kolom X</c>) and every error of the file listed at once. The real CSV reader and parser, no app and no
/// database; that a refused file stores nothing is tested through the app in Web.Tests (PupilImportRejectionTests).
/// </summary>
public sealed class PupilFileParserTests
{
    private static string N(int i) => CsvFile.Numbers[i];

    [Theory]
    [InlineData(',', "komma's")]
    [InlineData('\t', "tabs")]
    public void Wrong_separator_is_one_error_on_line_1(char separator, string named)
    {
        var file = CsvFile.File(bom: true, CsvFile.Header.Replace(';', separator), CsvFile.Row(N(0)).Replace(';', separator));

        var errors = Rejected(file);

        var error = Assert.Single(errors);
        Assert.Equal("import.header.separator", error.Code);
        Assert.StartsWith($"regel 1, kolom A: Verkeerd scheidingsteken: de kolommen zijn gescheiden door {named} in plaats van een puntkomma (;).", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_column_is_an_error_on_line_1()
    {
        var header = "Leerlingnummer;Achternaam;Geboortedatum;Startdatum;Fase";

        var errors = Rejected(CsvFile.File(bom: true, header, $"{N(0)};Jansen;01-01-2011;{CsvFile.Date(CsvFile.Start)};vo"));

        Assert.Equal("regel 1, kolom Voornaam: Deze verplichte kolom ontbreekt in de kopregel.", Assert.Single(errors).Text);
    }

    [Fact]
    public void R_PUPIL_1_an_invalid_pupil_number_names_its_line_and_the_check_that_failed()
    {
        var file = CsvFile.File(CsvFile.Row(N(0)), CsvFile.Row("111222334"), CsvFile.Row("12345"), CsvFile.Row("101222332"));

        var errors = Rejected(file);

        Assert.Equal(
            [
                "regel 3, kolom Leerlingnummer: " + DomainErrors.Pupil.BsnElevenTestFailed.Message,
                "regel 4, kolom Leerlingnummer: " + DomainErrors.Pupil.NumberFormat.Message,
                "regel 5, kolom Leerlingnummer: " + DomainErrors.Pupil.EducationNumberCheckFailed.Message,
            ],
            errors.Select(e => e.Text));
    }

    [Fact]
    public void A_date_that_does_not_exist_is_refused_strictly()
    {
        var file = CsvFile.File(CsvFile.Row(N(0), startDate: "31-02-2025"), CsvFile.Row(N(1), birthDate: "2011/03/01"));

        var errors = Rejected(file);

        Assert.Equal(
            [
                "regel 2, kolom Startdatum: De datum '31-02-2025' bestaat niet. Controleer de dag en de maand.",
                "regel 3, kolom Geboortedatum: '2011/03/01' is geen geldige datum. Schrijf de datum als dd-mm-jjjj (bijvoorbeeld 01-10-2025) of als jjjj-mm-dd.",
            ],
            errors.Select(e => e.Text));
    }

    [Fact]
    public void Phase_havo_is_refused()
    {
        var errors = Rejected(CsvFile.File(CsvFile.Row(N(0), phase: "havo")));

        Assert.Equal("regel 2, kolom Fase: 'havo' is geen fase. Vul vo of mbo in.", Assert.Single(errors).Text);
    }

    [Fact]
    public void Duplicate_pupil_in_the_file_is_an_error_on_the_later_line_naming_the_earlier_one()
    {
        // The same BSN, once with its leading zero and once as Excel shortens it: the same pupil (R-PUPIL-1).
        var errors = Rejected(CsvFile.File(CsvFile.Row("012345611"), CsvFile.Row(N(0)), CsvFile.Row("12345611", firstName: "Sanne")));

        var error = Assert.Single(errors);
        Assert.Equal("import.row.duplicate_pupil", error.Code);
        Assert.Equal("regel 4, kolom Leerlingnummer: Deze leerling staat ook op regel 2. Elke leerling mag maar één keer in het bestand staan.", error.Text);
    }

    [Fact]
    public void File_over_50000_rows_is_refused_and_50000_rows_are_not()
    {
        var rows = Enumerable.Range(0, PupilImportFormat.MaxRows).Select(i => $"x{i};a;;b;c;d;e;f").ToArray();

        var tooMany = Rejected(CsvFile.File([.. rows, "x;a;;b;c;d;e;f"]));
        var atTheLimit = Rejected(CsvFile.File(rows));

        Assert.Equal("Het bestand heeft meer dan 50.000 regels met leerlingen. Splits het in bestanden van hoogstens 50.000 regels.", Assert.Single(tooMany).Text);
        Assert.DoesNotContain(atTheLimit, e => e.Code == "import.file.too_many_rows"); // only the values are wrong
        Assert.Contains(atTheLimit, e => e.Line == PupilImportFormat.MaxRows + 1);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_refused_with_how_to_save_it()
    {
        var text = string.Join("\r\n", CsvFile.Header, CsvFile.Row(N(0)), CsvFile.Row(N(1), firstName: "Zoë"));
        var latin1 = Encoding.Latin1.GetBytes(text); // what an old Excel saves as "CSV (gescheiden door lijstscheidingsteken)"

        var error = Assert.Single(Rejected(latin1));

        Assert.Equal("import.file.not_utf8", error.Code);
        Assert.Contains("regel 3", error.Text, StringComparison.Ordinal);
        Assert.Contains("\"CSV UTF-8\"", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_an_error_on_its_line_and_column()
    {
        var file = CsvFile.File(CsvFile.Row(N(0)), CsvFile.Row(N(1), lastName: "\"Jansen"), CsvFile.Row(N(2)));

        var error = Assert.Single(Rejected(file));

        Assert.Equal("regel 3, kolom Achternaam: " + PupilImportErrors.UnterminatedQuote.Message, error.Text);
    }

    [Fact]
    public void A_valid_file_gives_one_row_per_pupil_and_no_errors()
    {
        var parsed = Parse(CsvFile.File(CsvFile.Row(N(0)), CsvFile.Row(N(1), prefix: "de", phase: "mbo", phaseFrom: CsvFile.Date(CsvFile.Start.AddDays(7)))));

        Assert.Empty(parsed.Errors);
        Assert.False(parsed.Stop);
        Assert.Equal(2, parsed.Rows.Count);
    }

    /// <summary>Reads the file as the import does (the CsvHelper reader, then the parser) and checks that it was refused.</summary>
    private static List<PupilImportError> Rejected(byte[] file)
    {
        var parsed = Parse(file);
        Assert.NotEmpty(parsed.Errors);
        return parsed.Errors;
    }

    private static PupilFileParser.Parsed Parse(byte[] file) =>
        PupilFileParser.Parse(new PupilCsvReader().Read(file, PupilImportFormat.MaxRows));
}
