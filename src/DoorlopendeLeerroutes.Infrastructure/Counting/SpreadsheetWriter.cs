using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DoorlopendeLeerroutes.Application.Counting;
using MiniExcelLibs;

namespace DoorlopendeLeerroutes.Infrastructure.Counting;

/// <summary>
/// <see cref="ISpreadsheetWriter"/> with MiniExcel. MiniExcel writes every cell as a string (never a formula), but Excel
/// parses a cell again when someone edits it: <c>=HYPERLINK(…)</c> would then become a live formula. Excel's own marker
/// for "text, also after editing" is the cell style attribute <c>quotePrefix="1"</c> (what typing a leading apostrophe
/// sets); MiniExcel 1.46 cannot write it, so the workbook is rewritten afterwards: formula-like cells
/// (<see cref="SpreadsheetText.IsFormulaLike"/>) get a copy of their style with that attribute. The value stays as it is.
/// </summary>
internal sealed class SpreadsheetWriter : ISpreadsheetWriter
{
    private const string StylesPart = "xl/styles.xml";
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public Task WriteAsync(
        Stream target, string sheetName, IReadOnlyList<string> header, IEnumerable<string[]> rows, CancellationToken cancellationToken = default) =>
        WriteAsync(target, [new SpreadsheetSheet(sheetName, header, rows)], cancellationToken);

    public async Task WriteAsync(Stream target, IReadOnlyList<SpreadsheetSheet> sheets, CancellationToken cancellationToken = default)
    {
        // MiniExcel writes the sheets in order as xl/worksheets/sheet1.xml, sheet2.xml, …; the cells to mark are kept per part.
        var workbookSheets = new Dictionary<string, object>(StringComparer.Ordinal);
        var formulaLike = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var tables = new List<DataTable>(sheets.Count);
        try
        {
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];

                // A DataTable carries the header also when there are no rows (an empty count still has its columns).
                var table = new DataTable(sheet.Name) { Locale = CultureInfo.InvariantCulture };
                tables.Add(table);
                foreach (var column in sheet.Header)
                {
                    table.Columns.Add(column, typeof(string));
                }

                // The cells to mark, by reference (A1 style); the header row is row 1.
                var cells = new HashSet<string>(StringComparer.Ordinal);
                AddFormulaLike(cells, sheet.Header, 1);
                foreach (var row in sheet.Rows)
                {
                    table.Rows.Add(row.Cast<object>().ToArray());
                    AddFormulaLike(cells, row, table.Rows.Count + 1);
                }

                workbookSheets.Add(sheet.Name, table);
                if (cells.Count > 0)
                {
                    formulaLike.Add(string.Create(CultureInfo.InvariantCulture, $"xl/worksheets/sheet{i + 1}.xml"), cells);
                }
            }

            using var workbook = new MemoryStream();
            if (sheets.Count == 1)
            {
                await MiniExcel.SaveAsAsync(workbook, tables[0], printHeader: true, sheetName: sheets[0].Name, cancellationToken: cancellationToken);
            }
            else
            {
                await MiniExcel.SaveAsAsync(workbook, workbookSheets, printHeader: true, cancellationToken: cancellationToken);
            }

            workbook.Position = 0;
            if (formulaLike.Count == 0)
            {
                await workbook.CopyToAsync(target, cancellationToken);
                return;
            }

            using var marked = new MemoryStream();
            MarkAsText(workbook, marked, formulaLike);
            marked.Position = 0;
            await marked.CopyToAsync(target, cancellationToken);
        }
        finally
        {
            foreach (var table in tables)
            {
                table.Dispose();
            }
        }
    }

    private static void AddFormulaLike(HashSet<string> cells, IReadOnlyList<string> values, int rowNumber)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (SpreadsheetText.IsFormulaLike(values[i]))
            {
                cells.Add(ColumnLetter(i) + rowNumber.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Copies the workbook, giving the listed cells a style with <c>quotePrefix="1"</c>.</summary>
    private static void MarkAsText(Stream source, Stream target, Dictionary<string, HashSet<string>> cellsPerSheet)
    {
        using var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var styles = XDocument.Load(input.GetEntry(StylesPart)!.Open());
        var cellXfs = styles.Root!.Element(Main + "cellXfs")!;
        var xfs = cellXfs.Elements(Main + "xf").ToList();
        var quoted = new Dictionary<string, string>(StringComparer.Ordinal); // style index → its quote-prefixed copy

        string QuotedStyle(string? style)
        {
            var index = style ?? "0";
            if (!quoted.TryGetValue(index, out var copy))
            {
                var xf = new XElement(xfs[int.Parse(index, CultureInfo.InvariantCulture)]);
                xf.SetAttributeValue("quotePrefix", "1");
                cellXfs.Add(xf);
                copy = (cellXfs.Elements(Main + "xf").Count() - 1).ToString(CultureInfo.InvariantCulture);
                cellXfs.SetAttributeValue("count", cellXfs.Elements(Main + "xf").Count().ToString(CultureInfo.InvariantCulture));
                quoted[index] = copy;
            }

            return copy;
        }

        using var output = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        var marked = 0;
        foreach (var entry in input.Entries.Where(e => e.FullName != StylesPart))
        {
            using var from = entry.Open();
            using var to = output.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
            if (cellsPerSheet.TryGetValue(entry.FullName, out var cells))
            {
                marked += CopySheet(from, to, cells, QuotedStyle);
            }
            else
            {
                from.CopyTo(to);
            }
        }

        var expected = cellsPerSheet.Values.Sum(c => c.Count);
        if (marked != expected)
        {
            // A MiniExcel that writes cells (or names sheets) differently must not silently leave formulas unmarked.
            throw new InvalidOperationException($"Marked {marked} of {expected} formula-like cells in the workbook.");
        }

        using var stylesOut = output.CreateEntry(StylesPart, CompressionLevel.Fastest).Open();
        styles.Save(stylesOut, SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// Streams the sheet through, cell by cell, so a sheet of 50,000 rows is never held as one document; returns how many
    /// cells were marked.
    /// </summary>
    private static int CopySheet(Stream from, Stream to, HashSet<string> cells, Func<string?, string> quotedStyle)
    {
        var marked = 0;
        using var reader = XmlReader.Create(from, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        reader.Read();
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "c" && reader.NamespaceURI == Main.NamespaceName:
                    var cell = (XElement)XNode.ReadFrom(reader); // reads past the cell
                    if (cells.Contains((string?)cell.Attribute("r") ?? string.Empty))
                    {
                        cell.SetAttributeValue("s", quotedStyle((string?)cell.Attribute("s")));
                        marked++;
                    }

                    cell.WriteTo(writer);
                    continue;
                case XmlNodeType.Element:
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    writer.WriteAttributes(reader, defattr: true);
                    if (reader.IsEmptyElement)
                    {
                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                default:
                    break; // the declaration (the writer writes its own), comments, processing instructions
            }

            reader.Read();
        }

        return marked;
    }

    /// <summary>The spreadsheet letter of a 0-based column: A, B, …, Z, AA, …</summary>
    private static string ColumnLetter(int index)
    {
        var letters = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            letters = (char)('A' + ((i - 1) % 26)) + letters;
        }

        return letters;
    }
}
