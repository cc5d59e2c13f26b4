using System.Text;

namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>
/// Writing CSV by docs/formats.md's common rules: ';' as separator, fields with ';', quotes or line breaks quoted, CRLF line
/// ends, UTF-8 with a byte-order mark so Excel shows accents. A value Excel would read as a formula
/// (<see cref="SpreadsheetText.IsFormulaLike"/>) gets a leading apostrophe, so text from a user can never run as one.
/// </summary>
public static class Csv
{
    public static void AppendLine(StringBuilder text, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            text.Append(Field(values[i]));
        }

        text.Append("\r\n");
    }

    /// <summary>The whole file: the byte-order mark and the rows.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            AppendLine(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Field(string value)
    {
        if (SpreadsheetText.IsFormulaLike(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
