using System.Text;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Application.Pupils.Reconciliation;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Pupils;

namespace DoorlopendeLeerroutes.Application.Tests.Pupils.Reconciliation;

/// <summary>
/// FORMATS.md §3: reading a <c>fasen</c> file with the import's CSV reader and error style (<c>regel N, kolom X</c>); the
/// golden files hold exactly the rows of <see cref="GoldenSet"/>.
/// </summary>
public sealed class PhaseFileParserTests
{
    private static readonly string[] Partners = ["11AA", "22BB"];

    [Theory]
    [InlineData("golden-vo.csv")]
    [InlineData("golden-mbo.csv")]
    public void R_RECON_1_golden_files_read_as_the_golden_set(string name)
    {
        var parsed = Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Pupils", "Reconciliation", name)));

        Assert.Empty(parsed.Errors);
        var expected = name.Contains("-vo", StringComparison.Ordinal) ? GoldenSet.VoFile : GoldenSet.MboFile;
        Assert.Equal(
            expected.Select(r => (r.Line, r.Number.Value, r.Phase, r.ValidFrom)),
            parsed.Rows.Select(r => (r.Line, r.Number.Value, r.Phase, r.ValidFrom)));
    }

    [Theory]
    [InlineData("VO", Phase.Vo)]
    [InlineData("vo", Phase.Vo)]
    [InlineData("Vo-Fase", Phase.Vo)]
    [InlineData("MBO", Phase.Mbo)]
    [InlineData("mbo-fase", Phase.Mbo)]
    public void R_RECON_1_phase_is_case_insensitive_and_accepts_the_fase_suffix(string text, Phase expected)
    {
        var parsed = Parse(Csv("Leerlingnummer;Leerroutefase;Ingangsdatum", $"100000016;{text};01-08-2025"));

        Assert.Equal(expected, Assert.Single(parsed.Rows).Phase);
    }

    [Fact]
    public void R_RECON_1_extra_column_is_an_error_at_its_line_and_column()
    {
        var error = Assert.Single(Parse(Csv("Leerlingnummer;Leerroutefase;Ingangsdatum", "100000016;VO;01-08-2025;x")).Errors);

        Assert.Equal("regel 2, kolom D: " + PupilImportErrors.TooManyFields.Message, error.Text);
    }

    [Fact]
    public void R_RECON_1_unknown_and_missing_columns_are_refused()
    {
        var errors = Parse(Csv("Leerlingnummer;Fase;Ingangsdatum", "100000016;VO;01-08-2025")).Errors;

        Assert.Contains(errors, e => e.Text.StartsWith("regel 1, kolom Fase: Onbekende kolom.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Text == "regel 1, kolom Leerroutefase: " + PupilImportErrors.MissingColumn.Message);
    }

    [Fact]
    public void R_RECON_1_every_wrong_value_is_listed_and_nothing_is_read()
    {
        var parsed = Parse(Csv(
            "Leerlingnummer;Leerroutefase;Ingangsdatum;BRIN",
            "123456789;VO;01-08-2025;11AA",
            "100000016;havo;01-08-2025;",
            "100000028;MBO;31-02-2026;",
            "100000041;MBO;01-08-2026;99ZZ",
            "100000053;VO;01-08-2025;",
            "100000053;VO;2025-08-01;"));

        Assert.Empty(parsed.Rows);
        Assert.Equal(["regel 2, kolom Leerlingnummer", "regel 3, kolom Leerroutefase", "regel 4, kolom Ingangsdatum",
            "regel 5, kolom BRIN", "regel 7, kolom Leerlingnummer"], parsed.Errors.Select(e => e.Text.Split(':')[0]));
        Assert.Contains("'99ZZ' is geen BRIN van een partner in deze leerroute.", parsed.Errors[3].Text, StringComparison.Ordinal);
        Assert.Contains("regel 6", parsed.Errors[4].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void R_RECON_1_empty_file_and_header_only_are_refused()
    {
        Assert.Equal("phases.file.empty", Assert.Single(Parse([]).Errors).Code);
        Assert.Equal("phases.file.no_rows", Assert.Single(Parse(Csv("Leerlingnummer;Leerroutefase;Ingangsdatum")).Errors).Code);
    }

    private static byte[] Csv(string header, params string[] lines) =>
        Encoding.UTF8.GetBytes(string.Concat(new[] { header }.Concat(lines).Select(l => l + "\r\n")));

    private static PhaseFileParser.Parsed Parse(byte[] file) =>
        PhaseFileParser.Parse(new PupilCsvReader().Read(file, PhaseFileFormat.MaxRows), Partners);
}
