using System.Buffers;
using System.Text;
using CsvHelper;
using DoorlopendeLeerroutes.Application.Pupils.Import;

namespace DoorlopendeLeerroutes.Infrastructure.Pupils;

/// <summary>
/// Reads an import file with CsvHelper 34: <c>;</c> as separator (never detected: a comma file must be refused, not
/// guessed), RFC 4180 quotes with <c>;</c> and line breaks inside, values trimmed, empty lines skipped. Line numbers are
/// counted as Excel shows them: CsvHelper counts every physical line, so the line breaks inside quoted cells before a
/// row are taken off again.
/// </summary>
internal sealed class PupilCsvReader : IPupilCsvReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public CsvTable Read(ReadOnlyMemory<byte> content, int maxDataRows)
    {
        var bytes = content.Span;
        var bom = bytes.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;

        // CsvHelper would read invalid UTF-8 (an ANSI file from an old Excel) with replacement characters: names with
        // ë or é would be stored wrongly. Such a file is refused as a whole instead; so is UTF-16 ("Unicode-tekst" in
        // Excel), whose byte-order mark is invalid UTF-8 and whose ASCII letters, without one, come with NUL bytes.
        if (FirstNotUtf8Text(bytes[bom..]) is { } invalidAt)
        {
            return new CsvTable(1, [], [], InvalidUtf8Line: 1 + bytes[..(bom + invalidAt)].Count((byte)'\n'));
        }

        var malformed = new Dictionary<long, CsvMalformedRecord>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ';',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false, // values are personal data; keep them out of any exception message
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed.TryAdd(record.RecordNumber, record),
        };

        using var reader = CsvReader.Create(content, options);
        var header = reader.Headers.Select(h => h ?? string.Empty).ToList();
        var headerLine = 1 + LeadingEmptyLines(bytes[bom..]);
        var breaksInQuotes = header.Sum(LineBreaks);
        var rows = new List<CsvTableRow>();
        var tooMany = false;
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i) ?? string.Empty;
            }

            var line = (int)reader.LineNumber - breaksInQuotes;
            breaksInQuotes += LineBreaks(reader.RawRecord);
            if (cells.All(c => c.Length == 0))
            {
                continue; // a row of separators only, as Excel writes for an emptied row
            }

            if (rows.Count == maxDataRows)
            {
                tooMany = true;
                break;
            }

            // A malformed record's number counts the header as record 1.
            rows.Add(malformed.TryGetValue(reader.RowNumber + 1, out var fault)
                ? new CsvTableRow(line, cells, FaultOf(fault.Reason), FieldAt(reader.RawRecord, fault.ByteOffset - reader.ByteOffset))
                : new CsvTableRow(line, cells));
        }

        // A broken quote in the header itself: what the reader made of the header is a guess.
        var headerFault = malformed.TryGetValue(1, out var inHeader) ? FaultOf(inHeader.Reason) : CsvRowFault.None;
        return new CsvTable(headerLine, header, rows, tooMany, HeaderFault: headerFault);
    }

    private static CsvRowFault FaultOf(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => CsvRowFault.UnterminatedQuote,
        CsvMalformedReason.TextAfterClosingQuote => CsvRowFault.TextAfterClosingQuote,
        _ => CsvRowFault.None, // a stray quote inside an unquoted value (O"Brien) is kept as text
    };

    /// <summary>The 0-based field of a record in which byte <paramref name="offset"/> lies (separators outside quotes).</summary>
    private static int FieldAt(ReadOnlySpan<byte> record, long offset)
    {
        var field = 0;
        var quoted = false;
        for (var i = 0; i < record.Length && i < offset; i++)
        {
            if (record[i] == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (record[i] == (byte)';' && !quoted)
            {
                field++;
            }
        }

        return field;
    }

    /// <summary>Line breaks in a value or raw record; CR LF is one, as in every editor and in Excel.</summary>
    private static int LineBreaks(ReadOnlySpan<byte> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n' || (text[i] == (byte)'\r' && (i + 1 == text.Length || text[i + 1] != (byte)'\n')))
            {
                count++;
            }
        }

        return count;
    }

    private static int LineBreaks(string text) => LineBreaks(Encoding.UTF8.GetBytes(text));

    private static int LeadingEmptyLines(ReadOnlySpan<byte> text)
    {
        var lines = 0;
        var lineIsEmpty = true;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'\n' || b == (byte)'\r')
            {
                if (!lineIsEmpty)
                {
                    break;
                }

                if (b == (byte)'\r' && i + 1 < text.Length && text[i + 1] == (byte)'\n')
                {
                    i++;
                }

                lines++;
            }
            else if (b is not ((byte)' ' or (byte)'\t'))
            {
                lineIsEmpty = false;
                break;
            }
        }

        return lines;
    }

    /// <summary>
    /// The offset of the first byte that is not part of valid UTF-8 or is a NUL (valid UTF-8, but never in a text file:
    /// it marks UTF-16 or UTF-32 without a byte-order mark), or null when all of it is text.
    /// </summary>
    private static int? FirstNotUtf8Text(ReadOnlySpan<byte> text)
    {
        var nul = text.IndexOf((byte)0);
        if (System.Text.Unicode.Utf8.IsValid(text))
        {
            return nul >= 0 ? nul : null;
        }

        var invalid = FirstInvalidUtf8(text);
        return nul >= 0 && nul < invalid ? nul : invalid;
    }

    /// <summary>The offset of the first byte that is not part of valid UTF-8 (the text is known to hold one).</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
