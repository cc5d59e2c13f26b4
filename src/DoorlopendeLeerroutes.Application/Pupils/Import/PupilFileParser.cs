using System.Globalization;
using System.Text.RegularExpressions;

namespace DoorlopendeLeerroutes.Application.Pupils.Import;

/// <summary>
/// The checks of docs/formats.md that need no database: the header (names case-insensitive and trimmed, order free, no unknown
/// or missing column, the separator), and per row every value (pupil number, dates, phase, names) and duplicates in the
/// file. Every error is collected; nothing stops at the first.
/// </summary>
internal static partial class PupilFileParser
{
    private static readonly string[] DateFormats = ["d-M-yyyy", "yyyy-MM-dd"];

    public sealed record Parsed(IReadOnlyList<PupilImportRow> Rows, List<PupilImportError> Errors, bool Stop);

    public static Parsed Parse(CsvTable table)
    {
        var errors = new List<PupilImportError>();
        if (FileError(table, PupilImportErrors.Empty) is { } fileError)
        {
            return new Parsed([], [fileError], Stop: true);
        }

        var layout = Layout.Read(table, errors, PupilImportFormat.Columns, PupilImportFormat.RequiredColumns, PupilImportErrors.UnknownColumn);
        if (layout is null)
        {
            return new Parsed([], errors, Stop: true); // the rows cannot be read without a sound header
        }

        if (table.Rows.Count == 0)
        {
            return Stopped(PupilImportErrors.NoRows);
        }

        var rows = new List<PupilImportRow>(table.Rows.Count);
        var firstLineOf = new Dictionary<PupilNumber, int>();
        foreach (var row in table.Rows)
        {
            var parsed = ParseRow(row, layout, errors);
            if (parsed is null)
            {
                continue;
            }

            if (firstLineOf.TryGetValue(parsed.Number, out var first))
            {
                errors.Add(PupilImportError.At(row.Line, PupilImportFormat.Number, PupilImportErrors.DuplicatePupil(first)));
                continue;
            }

            firstLineOf[parsed.Number] = row.Line;
            rows.Add(parsed);
        }

        return new Parsed(rows, errors, Stop: false);

        Parsed Stopped(DomainError error) => new([], [PupilImportError.ForFile(error)], Stop: true);
    }

    /// <summary>
    /// What makes a file unreadable as a whole, before its columns are looked at: not UTF-8, empty (<paramref name="empty"/>
    /// names the format's header), too many rows, broken quoting in the header. Shared by every CSV format of docs/formats.md.
    /// </summary>
    internal static PupilImportError? FileError(CsvTable table, DomainError empty)
    {
        if (table.InvalidUtf8Line is { } badLine)
        {
            return PupilImportError.ForFile(PupilImportErrors.NotUtf8(badLine));
        }

        if (table.Header.All(string.IsNullOrWhiteSpace))
        {
            return PupilImportError.ForFile(empty);
        }

        if (table.TooManyRows)
        {
            return PupilImportError.ForFile(PupilImportErrors.TooManyRows);
        }

        return table.HeaderFault != CsvRowFault.None
            ? PupilImportError.At(table.HeaderLine, ColumnLetter(Math.Max(0, table.Header.Count - 1)), Quoting(table.HeaderFault))
            : null;
    }

    /// <summary>The values of one row, or null when any of them is wrong (each wrong value is an error).</summary>
    private static PupilImportRow? ParseRow(CsvTableRow row, Layout layout, List<PupilImportError> errors)
    {
        var before = errors.Count;
        void Fail(string column, DomainError error) => errors.Add(PupilImportError.At(row.Line, column, error));

        if (!CheckRowShape(row, layout, Fail))
        {
            return null;
        }

        var number = PupilNumber.Parse(layout.Value(row, PupilImportFormat.Number));
        foreach (var error in number.Errors)
        {
            Fail(PupilImportFormat.Number, error);
        }

        // The domain's own name checks (required, length, R-PRIV-4 printable), each at its column.
        var lastName = layout.Value(row, PupilImportFormat.LastName);
        var prefix = layout.Value(row, PupilImportFormat.Prefix);
        var firstName = layout.Value(row, PupilImportFormat.FirstName);
        foreach (var (column, error) in Pupil.ValidateName(lastName, prefix, firstName)
                     .Select(e => (Column: NameColumnOf(e), Error: e))
                     .OrderBy(e => PupilImportFormat.Columns.ToList().IndexOf(e.Column)))
        {
            Fail(column, error);
        }

        var birthDate = Date(PupilImportFormat.BirthDate, "geboortedatum", required: true);
        var startDate = Date(PupilImportFormat.StartDate, "startdatum", required: true);
        var phase = ParsePhase(layout.Value(row, PupilImportFormat.Phase), out var phaseError);
        if (phaseError is not null)
        {
            Fail(PupilImportFormat.Phase, phaseError);
        }

        // docs/formats.md §1: "Fase vanaf" is optional; without it the phase counts from the start date.
        var phaseFrom = Date(PupilImportFormat.PhaseFrom, "fase-vanaf-datum", required: false) ?? startDate;

        // R-MON-3: the optional leerweg; whether the route has it is the planner's check (it knows the route).
        var trackText = layout.Value(row, PupilImportFormat.Track);
        var track = ParseTrack(trackText);
        if (trackText.Length > 0 && track is null)
        {
            Fail(PupilImportFormat.Track, PupilImportErrors.TrackInvalid(trackText));
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new PupilImportRow(
            row.Line, number.Value, lastName, prefix.Length == 0 ? null : prefix, firstName, birthDate!.Value, startDate!.Value,
            phase!.Value, phaseFrom!.Value, track);

        DateOnly? Date(string column, string what, bool required)
        {
            var text = layout.Value(row, column);
            if (text.Length == 0)
            {
                if (required)
                {
                    Fail(column, PupilImportErrors.DateRequired(what));
                }

                return null;
            }

            if (TryParseDate(text, out var date))
            {
                return date;
            }

            Fail(column, DateShape().IsMatch(text) ? PupilImportErrors.DateDoesNotExist(text) : PupilImportErrors.DateInvalid(text));
            return null;
        }
    }

    /// <summary>
    /// What every CSV format of docs/formats.md checks of a row before its values: broken quoting (false: the row is not
    /// read further, what the reader made of it is a guess), a value beyond the header's columns, or under a column without a name.
    /// </summary>
    internal static bool CheckRowShape(CsvTableRow row, Layout layout, Action<string, DomainError> fail)
    {
        if (row.Fault != CsvRowFault.None)
        {
            fail(layout.NameOf(row.FaultColumn), Quoting(row.Fault));
            return false;
        }

        for (var i = layout.Width; i < row.Cells.Count; i++)
        {
            if (row.Cells[i].Trim().Length > 0)
            {
                fail(ColumnLetter(i), PupilImportErrors.TooManyFields);
                break;
            }
        }

        foreach (var unnamed in layout.Unnamed.Where(u => u < row.Cells.Count && row.Cells[u].Trim().Length > 0))
        {
            fail(ColumnLetter(unnamed), PupilImportErrors.UnnamedColumn);
        }

        return true;
    }

    private static string NameColumnOf(DomainError error) =>
        error.Code.StartsWith("pupil.first_name", StringComparison.Ordinal) ? PupilImportFormat.FirstName
        : error.Code.StartsWith("pupil.prefix", StringComparison.Ordinal) ? PupilImportFormat.Prefix
        : PupilImportFormat.LastName;

    internal static DomainError Quoting(CsvRowFault fault) =>
        fault == CsvRowFault.UnterminatedQuote ? PupilImportErrors.UnterminatedQuote : PupilImportErrors.TextAfterClosingQuote;

    /// <summary>
    /// docs/formats.md: <c>dd-MM-yyyy</c>, or ISO <c>yyyy-MM-dd</c>. A day or month of one digit is accepted too, since Dutch
    /// Excel writes <c>1-10-2025</c>; a date that does not exist (<c>31-02-2025</c>) never is.
    /// </summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static Phase? ParsePhase(string text, out DomainError? error)
    {
        error = null;
        if (text.Length == 0)
        {
            error = PupilImportErrors.PhaseRequired;
            return null;
        }

        if (text.Equals("vo", StringComparison.OrdinalIgnoreCase))
        {
            return Phase.Vo;
        }

        if (text.Equals("mbo", StringComparison.OrdinalIgnoreCase))
        {
            return Phase.Mbo;
        }

        error = PupilImportErrors.PhaseInvalid(text);
        return null;
    }

    /// <summary>R-MON-3: <c>BB</c>, <c>KB</c>, <c>GL</c> or <c>TL</c>, case-insensitive; anything else (empty included) is none.</summary>
    public static Track? ParseTrack(string text) => text.ToUpperInvariant() switch
    {
        "BB" => Domain.Routes.Track.BB,
        "KB" => Domain.Routes.Track.KB,
        "GL" => Domain.Routes.Track.GL,
        "TL" => Domain.Routes.Track.TL,
        _ => null,
    };

    /// <summary>The spreadsheet letter of a 0-based column: A, B, …, Z, AA, …</summary>
    public static string ColumnLetter(int index)
    {
        var letters = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            letters = (char)('A' + ((i - 1) % 26)) + letters;
        }

        return letters;
    }

    // Looks like a date in one of the accepted shapes, so a parse failure means the date does not exist.
    [GeneratedRegex(@"^(\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DateShape();

    /// <summary>Where each known column is in this file; shared with the other files of docs/formats.md (§3 fasen).</summary>
    internal sealed class Layout
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly IReadOnlyList<string> _header;

        private Layout(IReadOnlyList<string> header) => _header = header;

        public int Width => _header.Count;

        /// <summary>Columns without a name: ignored while they stay empty.</summary>
        public List<int> Unnamed { get; } = [];

        public string Value(CsvTableRow row, string column) =>
            _index.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i].Trim() : string.Empty;

        /// <summary>The name an error uses for a column: its docs/formats.md name, or its letter when it has none.</summary>
        public string NameOf(int index)
        {
            if (index < 0 || index >= _header.Count)
            {
                return ColumnLetter(Math.Max(index, 0));
            }

            var known = _index.FirstOrDefault(p => p.Value == index).Key;
            return known ?? (_header[index].Trim().Length > 0 ? PupilImportErrors.ColumnName(_header[index].Trim()) : ColumnLetter(index));
        }

        public static Layout? Read(
            CsvTable table, List<PupilImportError> errors, IReadOnlyList<string> columns, IReadOnlyList<string> requiredColumns,
            DomainError unknownColumn)
        {
            var line = table.HeaderLine;
            var header = table.Header;
            var before = errors.Count;
            if (WrongSeparator(header, columns) is { } wrong)
            {
                errors.Add(PupilImportError.At(line, ColumnLetter(wrong.Column), PupilImportErrors.WrongSeparator(wrong.Separator)));
                return null;
            }

            var layout = new Layout(header);
            for (var i = 0; i < header.Count; i++)
            {
                var name = header[i].Trim();
                if (name.Length == 0)
                {
                    layout.Unnamed.Add(i);
                    continue;
                }

                var known = columns.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    errors.Add(PupilImportError.At(line, PupilImportErrors.ColumnName(name), unknownColumn));
                }
                else if (!layout._index.TryAdd(known, i))
                {
                    errors.Add(PupilImportError.At(line, known, PupilImportErrors.DuplicateColumn));
                }
            }

            foreach (var required in requiredColumns.Where(c => !layout._index.ContainsKey(c)))
            {
                errors.Add(PupilImportError.At(line, required, PupilImportErrors.MissingColumn));
            }

            return errors.Count > before ? null : layout;
        }

        /// <summary>
        /// A header that holds column names joined by a comma, tab or bar was written with another separator (an
        /// English Excel, a text editor): one clear error instead of "unknown column" for a glued-together name.
        /// </summary>
        private static (int Column, char Separator)? WrongSeparator(IReadOnlyList<string> header, IReadOnlyList<string> columns)
        {
            for (var i = 0; i < header.Count; i++)
            {
                foreach (var separator in new[] { ',', '\t', '|' })
                {
                    var parts = header[i].Split(separator, StringSplitOptions.TrimEntries);
                    var known = parts.Count(p => columns.Contains(p, StringComparer.OrdinalIgnoreCase));
                    if (parts.Length > 1 && known >= 2)
                    {
                        return (i, separator);
                    }
                }
            }

            return null;
        }
    }
}
