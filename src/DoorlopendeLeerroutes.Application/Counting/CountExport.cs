using System.Globalization;
using System.Text;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Application.Counting;

/// <summary>One pupil line of the count export (FORMATS.md §2).</summary>
public sealed record CountExportRow(
    string SchoolYear,
    DateOnly CountDate,
    string Route,
    RouteType RouteType,
    string PupilNumber,
    string Name,
    Phase? Phase,
    string? FundedBy,
    CountStatus Status);

/// <summary>
/// The count of one school year per pupil, limited to what the user may see (R-COUNT-7, R-ACCESS-1). The file holds full
/// pupil numbers (it is personal data); its name never does.
/// </summary>
public sealed class CountExportQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<IReadOnlyList<CountExportRow>> ExecuteAsync(SchoolYear year, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var (result, routes, pupils) = await ScopedCount.CalculateAsync(
            db, scope, year, time.GetUtcNow().UtcDateTime, withNumbers: true, cancellationToken);
        var fundedIds = result.Lines.Select(l => l.FundedInstitutionId).OfType<Guid>().Distinct().ToList();
        var brins = (await db.Institutions.AsNoTracking().Where(i => fundedIds.Contains(i.Id)).ToListAsync(cancellationToken))
            .ToDictionary(i => i.Id, i => i.Brin.Value);

        return result.Lines
            .Select(line =>
            {
                var route = routes[line.Enrolment.RouteId];
                var pupil = pupils[line.Enrolment.PupilId];
                return new CountExportRow(
                    year.ToString(), year.CountDate, $"{route.Code} {route.Name}", route.Type, pupil.Number!.Value, pupil.FullName,
                    line.Phase, line.FundedInstitutionId is { } funded ? brins[funded] : null, line.Status);
            })
            .OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}

/// <summary>
/// Writes the count export as CSV (FORMATS.md: ';', UTF-8 with byte-order mark so Excel shows accents, dates dd-MM-yyyy).
/// A value Excel would read as a formula (<see cref="SpreadsheetText.IsFormulaLike"/>: =, +, -, @, tab, CR) gets a leading
/// apostrophe, so a name can never run as one.
/// </summary>
public static class CountCsv
{
    public static readonly string[] Header =
        ["Schooljaar", "Teldatum", "Route", "Routetype", "Leerlingnummer", "Naam", "Fase op teldatum", "Bekostigd door", "Status"];

    /// <summary>The file name without extension: the school year, never anything about a pupil.</summary>
    public static string FileName(SchoolYear year, string extension = "csv") => $"teldatum-{year}.{extension}";

    /// <summary>The cells of one row, as text, in the order of <see cref="Header"/>; shared by the CSV and Excel exports.</summary>
    public static string[] Values(CountExportRow row) =>
    [
        row.SchoolYear,
        row.CountDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        row.Route,
        row.RouteType.ExportName(),
        row.PupilNumber,
        row.Name,
        row.Phase switch { Phase.Vo => "vo", Phase.Mbo => "mbo", _ => string.Empty },
        row.FundedBy ?? string.Empty,
        StatusText(row.Status),
    ];

    public static byte[] Write(IEnumerable<CountExportRow> rows)
    {
        var text = new StringBuilder();
        AppendLine(text, Header);
        foreach (var row in rows)
        {
            AppendLine(text, Values(row));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string StatusText(CountStatus status) => status switch
    {
        CountStatus.Counted => "geteld",
        CountStatus.NoPhase => "geen fase",
        CountStatus.CountedLateChange => "geteld; latere wijziging te laat",
        _ => status.ToString(),
    };

    private static void AppendLine(StringBuilder text, string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            text.Append(Field(values[i]));
        }

        text.Append("\r\n");
    }

    private static string Field(string value)
    {
        if (SpreadsheetText.IsFormulaLike(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

/// <summary>Writes a table to an Excel workbook (.xlsx); implemented in Infrastructure.</summary>
public interface ISpreadsheetWriter
{
    /// <summary>
    /// One sheet: the header row, then the rows, every cell as text (so numbers keep leading zeros). A formula-like cell
    /// (<see cref="SpreadsheetText.IsFormulaLike"/>) is marked as text that stays text when edited.
    /// </summary>
    Task WriteAsync(
        Stream target, string sheetName, IReadOnlyList<string> header, IEnumerable<string[]> rows, CancellationToken cancellationToken = default);
}

