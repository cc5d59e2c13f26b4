using System.IO.Compression;
using System.Xml.Linq;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Infrastructure.Counting;

namespace DoorlopendeLeerroutes.Application.Tests.Counting;

/// <summary>
/// Formula injection in the count exports: a name such as <c>=HYPERLINK(…)</c> must stay text in Excel, also when someone
/// edits the cell. The workbook is opened as what it is (a zip of XML parts) to see what Excel will see.
/// </summary>
public sealed class SpreadsheetWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PRIV_4_formula_like_cells_in_the_workbook_are_quote_prefixed_text_and_others_are_not()
    {
        string[] header = ["Naam", "Leerlingnummer", "Route"];
        string[][] rows =
        [
            ["=HYPERLINK(\"https://example.invalid\",\"klik\")", "101222331", "+31 Zorg"],
            ["-2+3", "@SUM(A1)", "\t=1+1"],
            ["Jan de Vries", "111222333", "LR-2026-0001 Zorg"],
        ];

        var (sheet, styles) = await WriteAsync(header, rows);

        foreach (var reference in new[] { "A2", "C2", "A3", "B3", "C3" })
        {
            var cell = Cell(sheet, reference);
            Assert.Null(cell.Element(Main + "f")); // never a formula
            Assert.True(QuotePrefixed(styles, cell), $"{reference} is not marked as text that stays text when edited.");
        }

        foreach (var reference in new[] { "A1", "B2", "A4", "B4", "C4" })
        {
            Assert.False(QuotePrefixed(styles, Cell(sheet, reference)), $"{reference} is marked although it is harmless.");
        }

        // The value itself is unchanged: what the export holds is what was stored.
        Assert.Equal("=HYPERLINK(\"https://example.invalid\",\"klik\")", Cell(sheet, "A2").Value);
        Assert.Equal("@SUM(A1)", Cell(sheet, "B3").Value);
    }

    [Fact]
    public async Task R_PRIV_4_the_marked_workbook_still_reads_back_with_every_row()
    {
        string[][] rows = [.. Enumerable.Range(0, 300).Select(i => new[] { i % 3 == 0 ? "=" + i : "Naam " + i, "10122233" + (i % 10) })];

        await using var workbook = new MemoryStream();
        await new SpreadsheetWriter().WriteAsync(workbook, "Teldatum", ["Naam", "Nummer"], rows, Ct);
        workbook.Position = 0;
        var read = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(300, read.Count);
        Assert.Equal(rows.Select(r => r[0]), read.Select(r => r["Naam"]?.ToString()));
    }

    [Fact]
    public async Task R_MON_3_R_PRIV_4_several_sheets_in_order_with_formula_like_cells_marked_on_each()
    {
        SpreadsheetSheet[] sheets =
        [
            new("Toelichting", ["Onderdeel", "Waarde"], [["Schooljaar", "2025-2026"]]),
            new("Vo-scholen", ["BRIN", "Vo-school"], [["01AA", "=HYPERLINK(\"https://example.invalid\")"], ["02BB", "Beta"]]),
            new("Provincie", ["Provincie", "Leerlingen"], [["Utrecht", "5"], ["+31", "0"]]),
        ];

        await using var workbook = new MemoryStream();
        await new SpreadsheetWriter().WriteAsync(workbook, sheets, Ct);

        workbook.Position = 0;
        Assert.Equal(["Toelichting", "Vo-scholen", "Provincie"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
        workbook.Position = 0;
        var provinces = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Provincie").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Utrecht", "+31"], provinces.Select(r => r["Provincie"]?.ToString()));

        workbook.Position = 0;
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read);
        var styles = await LoadAsync(zip, "xl/styles.xml");
        var schools = await LoadAsync(zip, "xl/worksheets/sheet2.xml");
        var perProvince = await LoadAsync(zip, "xl/worksheets/sheet3.xml");
        Assert.True(QuotePrefixed(styles, Cell(schools, "B2")));
        Assert.False(QuotePrefixed(styles, Cell(schools, "B3")));
        Assert.True(QuotePrefixed(styles, Cell(perProvince, "A3")));
        Assert.False(QuotePrefixed(styles, Cell(perProvince, "A2")));
    }

    private static async Task<XDocument> LoadAsync(ZipArchive zip, string part)
    {
        await using var stream = zip.GetEntry(part)!.Open();
        return await XDocument.LoadAsync(stream, LoadOptions.None, Ct);
    }

    private static async Task<(XDocument Sheet, XDocument Styles)> WriteAsync(string[] header, string[][] rows)
    {
        await using var workbook = new MemoryStream();
        await new SpreadsheetWriter().WriteAsync(workbook, "Teldatum", header, rows, Ct);
        workbook.Position = 0;
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read);
        await using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        await using var styles = zip.GetEntry("xl/styles.xml")!.Open();
        return (await XDocument.LoadAsync(sheet, LoadOptions.None, Ct), await XDocument.LoadAsync(styles, LoadOptions.None, Ct));
    }

    private static XElement Cell(XDocument sheet, string reference) =>
        sheet.Descendants(Main + "c").Single(c => (string?)c.Attribute("r") == reference);

    private static bool QuotePrefixed(XDocument styles, XElement cell)
    {
        var index = int.Parse((string?)cell.Attribute("s") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var xf = styles.Root!.Element(Main + "cellXfs")!.Elements(Main + "xf").ElementAt(index);
        return (string?)xf.Attribute("quotePrefix") is "1" or "true";
    }
}
