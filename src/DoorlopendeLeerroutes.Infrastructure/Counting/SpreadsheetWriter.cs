using DoorlopendeLeerroutes.Application.Counting;
using System.Data;
using MiniExcelLibs;

namespace DoorlopendeLeerroutes.Infrastructure.Counting;

/// <summary><see cref="ISpreadsheetWriter"/> with MiniExcel.</summary>
internal sealed class SpreadsheetWriter : ISpreadsheetWriter
{
    public async Task WriteAsync(
        Stream target, string sheetName, IReadOnlyList<string> header, IEnumerable<string[]> rows, CancellationToken cancellationToken = default)
    {
        // A DataTable carries the header also when there are no rows (an empty count still has its columns).
        using var table = new DataTable(sheetName) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in header)
        {
            table.Columns.Add(column, typeof(string));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(row.Cast<object>().ToArray());
        }

        await MiniExcel.SaveAsAsync(target, table, printHeader: true, sheetName: sheetName, cancellationToken: cancellationToken);
    }
}
