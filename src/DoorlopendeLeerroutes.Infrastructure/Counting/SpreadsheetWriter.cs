using DoorlopendeLeerroutes.Application.Counting;
using MiniExcelLibs;

namespace DoorlopendeLeerroutes.Infrastructure.Counting;

/// <summary><see cref="ISpreadsheetWriter"/> with MiniExcel: streams rows into the workbook instead of building it in memory.</summary>
internal sealed class SpreadsheetWriter : ISpreadsheetWriter
{
    public async Task WriteAsync(
        Stream target, string sheetName, IReadOnlyList<string> header, IEnumerable<string[]> rows, CancellationToken cancellationToken = default)
    {
        var table = rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                cells[header[i]] = row[i];
            }

            return cells;
        });
        await MiniExcel.SaveAsAsync(target, table, printHeader: true, sheetName: sheetName, cancellationToken: cancellationToken);
    }
}
