using System.Text;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Counting;

namespace DoorlopendeLeerroutes.Application.Tests.Counting;

/// <summary>The CSV writer of docs/formats.md's common rules, and the count export (R-COUNT-7) written with it.</summary>
public sealed class CountCsvTests
{
    [Fact]
    public void Csv_fields_are_quoted_when_needed_and_formulas_are_neutralised()
    {
        var rows = new[]
        {
            new CountExportRow("2026-2027", new DateOnly(2026, 10, 1), "LR-2026-0001 Zorg; welzijn", Domain.Routes.RouteType.Integrated,
                "101222331", "=HYPERLINK(\"x\")", Domain.Pupils.Phase.Mbo, "25PG", Domain.Counting.CountStatus.Counted),
        };

        var text = Encoding.UTF8.GetString(CountCsv.Write(rows)[3..]);

        Assert.Equal(
            "2026-2027;01-10-2026;\"LR-2026-0001 Zorg; welzijn\";geïntegreerd;101222331;\"'=HYPERLINK(\"\"x\"\")\";mbo;25PG;geteld",
            text.Split("\r\n")[1]);
    }

    [Fact]
    public void R_PRIV_4_the_csv_neutralises_a_leading_tab_or_carriage_return_too()
    {
        var rows = new[]
        {
            new CountExportRow("2026-2027", new DateOnly(2026, 10, 1), "\t=1+1", Domain.Routes.RouteType.Integrated,
                "101222331", "\r=2", Domain.Pupils.Phase.Mbo, "25PG", Domain.Counting.CountStatus.Counted),
        };

        var line = Encoding.UTF8.GetString(CountCsv.Write(rows)[3..]).Split("\r\n")[1];

        Assert.StartsWith("2026-2027;01-10-2026;'\t=1+1;geïntegreerd;101222331;\"'\r=2\";", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_starts_with_a_byte_order_mark_and_every_line_ends_with_crlf()
    {
        var bytes = Csv.Write([["a", "b"], ["c\nd", "e\"f"]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("a;b\r\n\"c\nd\";\"e\"\"f\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 6", "'+31 6")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Jan de Vries", "Jan de Vries")]
    [InlineData("a;b", "\"a;b\"")]
    public void A_field_is_quoted_or_prefixed_only_when_needed(string value, string written) =>
        Assert.Equal(written, Csv.Field(value));
}
