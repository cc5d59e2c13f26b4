using System.Globalization;
using DoorlopendeLeerroutes.Domain.Counting;

namespace DoorlopendeLeerroutes.Application.Counting;

/// <summary>One pupil line of the count export (docs/formats.md §2).</summary>
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
/// pupil numbers (it is personal data); its name never does. Every export is recorded with its row count (R-PRIV-2).
/// </summary>
public sealed class CountExportQuery(IApplicationDbContextFactory contexts, AccessScope scope, IAuditTrail audit, TimeProvider time)
{
    /// <param name="format">The file the rows go into ("csv", "xlsx"), for the audit log.</param>
    public async Task<IReadOnlyList<CountExportRow>> ExecuteAsync(SchoolYear year, string format, CancellationToken cancellationToken = default)
    {
        using var measurement = AppTelemetry.MeasureCount("export"); // issue 17: dlr.count.duration and the span dlr.count
        await using var db = await contexts.CreateAsync(cancellationToken);
        var lines = await ScopedCount.LinesAsync(db, scope, year, time.GetUtcNow().UtcDateTime, cancellationToken);

        // Only the columns of the file: every stored line of the user's count, with the pupil's name and number.
        var counted = await (from c in lines
                             join p in db.Pupils on c.PupilId equals p.Id
                             select new { c.RouteId, c.Phase, c.FundedInstitutionId, c.Status, p.FirstName, p.Prefix, p.LastName, p.Number })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var routes = await ScopedCount.RoutesAsync(db, counted.Select(c => c.RouteId), cancellationToken);
        var fundedIds = counted.Select(c => c.FundedInstitutionId).OfType<Guid>().Distinct().ToList();
        var brins = await db.Institutions.AsNoTracking().Where(i => fundedIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Brin })
            .ToDictionaryAsync(i => i.Id, i => i.Brin.Value, cancellationToken);

        // Sorted by route, then by name as Dutch sorts it: each name's sort key made once, instead of comparing names
        // with the culture a million times for 60,000 rows.
        var culture = CultureInfo.CurrentCulture.CompareInfo;
        var rows = counted
            .Select(c =>
            {
                var route = routes[c.RouteId];
                var name = Pupil.FullNameOf(c.FirstName, c.Prefix, c.LastName);
                var row = new CountExportRow(
                    year.ToString(), year.CountDate, $"{route.Code} {route.Name}", route.Type, c.Number.Value, name, c.Phase,
                    c.FundedInstitutionId is { } funded ? brins[funded] : null, c.Status);
                return (Row: row, NameKey: culture.GetSortKey(name));
            })
            .OrderBy(x => x.Row.Route, StringComparer.Ordinal)
            .ThenBy(x => x.NameKey, Comparer<SortKey>.Create(SortKey.Compare))
            .Select(x => x.Row)
            .ToList();
        await audit.RecordAsync(scope.User, AuditEvent.CountExported(year.ToString(), format, rows.Count), cancellationToken);
        return rows;
    }
}

/// <summary>
/// The count export as CSV (docs/formats.md §2, written by <see cref="Csv"/>: formula-safe, UTF-8 with byte-order mark), dates
/// dd-MM-yyyy.
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

    public static byte[] Write(IEnumerable<CountExportRow> rows) => Csv.Write(rows.Select(Values).Prepend(Header));

    public static string StatusText(CountStatus status) => status switch
    {
        CountStatus.Counted => "geteld",
        CountStatus.NoPhase => "geen fase",
        CountStatus.CountedLateChange => "geteld; latere wijziging te laat",
        _ => status.ToString(),
    };
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

    /// <summary>Several sheets in one workbook, in the given order, each written as the single sheet above (the monitor, issue 16).</summary>
    Task WriteAsync(Stream target, IReadOnlyList<SpreadsheetSheet> sheets, CancellationToken cancellationToken = default);
}

/// <summary>One sheet of a workbook: its name (at most 31 characters, Excel's limit), the header row and the rows.</summary>
public sealed record SpreadsheetSheet(string Name, IReadOnlyList<string> Header, IEnumerable<string[]> Rows);

