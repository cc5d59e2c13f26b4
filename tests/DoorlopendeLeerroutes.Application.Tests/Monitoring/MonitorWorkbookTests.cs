using System.IO.Compression;
using System.Xml.Linq;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Infrastructure.Counting;

namespace DoorlopendeLeerroutes.Application.Tests.Monitoring;

/// <summary>The monitor's workbook: one sheet per table, in order, and formula-like text stays text on every sheet (R-PRIV-4).</summary>
public sealed class MonitorWorkbookTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_MON_3_several_sheets_in_order_with_formula_like_cells_marked_on_each()
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

    private static XElement Cell(XDocument sheet, string reference) =>
        sheet.Descendants(Main + "c").Single(c => (string?)c.Attribute("r") == reference);

    private static bool QuotePrefixed(XDocument styles, XElement cell)
    {
        var index = int.Parse((string?)cell.Attribute("s") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var xf = styles.Root!.Element(Main + "cellXfs")!.Elements(Main + "xf").ElementAt(index);
        return (string?)xf.Attribute("quotePrefix") is "1" or "true";
    }
}
