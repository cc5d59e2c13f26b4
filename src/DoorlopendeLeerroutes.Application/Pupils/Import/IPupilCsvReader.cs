namespace DoorlopendeLeerroutes.Application.Pupils.Import;

/// <summary>
/// Reads the cells of a CSV file (docs/formats.md, common rules: <c>;</c> separator, UTF-8 with or without byte-order mark,
/// quoted fields with <c>;</c> or line breaks inside). It knows nothing of pupils: checking the columns and values is
/// the import's job. Implemented in Infrastructure with CsvHelper, so the Application layer does not depend on it.
/// </summary>
public interface IPupilCsvReader
{
    /// <summary>
    /// Reads the header and at most <paramref name="maxDataRows"/> non-empty data rows (one more sets
    /// <see cref="CsvTable.TooManyRows"/>). Input that is not valid UTF-8, or holds a NUL byte as UTF-16 does, is not
    /// read at all (<see cref="CsvTable.InvalidUtf8Line"/>).
    /// </summary>
    CsvTable Read(ReadOnlyMemory<byte> content, int maxDataRows);
}

/// <summary>
/// The cells of a CSV file. Line numbers are those the user sees in Excel: the header is line 1 (unless empty lines
/// precede it), every line of the file is one line, and a quoted cell with a line break inside still is one line.
/// </summary>
public sealed record CsvTable(
    int HeaderLine,
    IReadOnlyList<string> Header,
    IReadOnlyList<CsvTableRow> Rows,
    bool TooManyRows = false,
    int? InvalidUtf8Line = null,
    CsvRowFault HeaderFault = CsvRowFault.None);

/// <summary>
/// One data row that is not empty (a row of only separators or spaces is left out, like an empty line). With a
/// <see cref="Fault"/>, <see cref="FaultColumn"/> is the 0-based column where the quoting went wrong.
/// </summary>
public sealed record CsvTableRow(int Line, IReadOnlyList<string> Cells, CsvRowFault Fault = CsvRowFault.None, int FaultColumn = 0);

/// <summary>Quoting the reader had to repair; the import refuses such a row, since what it holds is a guess.</summary>
public enum CsvRowFault
{
    None = 0,

    /// <summary>A quote that is never closed: the rest of the file was read as one value.</summary>
    UnterminatedQuote = 1,

    /// <summary>Text after a closing quote, such as <c>"ab"c</c>.</summary>
    TextAfterClosingQuote = 2,
}
