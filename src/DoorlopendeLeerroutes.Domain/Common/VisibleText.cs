using System.Buffers;
using System.Text;

namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>
/// R-PRIV-4: text a user supplied, made safe to repeat in a message. Every character <see cref="PrintableText"/> refuses
/// is shown as its code (<c>[U+202E]</c>), so a message never hides, reorders or runs together what it quotes, and long
/// text is cut off with "…", so a value read wrongly (a whole file in one cell) never floods the screen.
/// </summary>
public static class VisibleText
{
    public const char Ellipsis = '…';

    /// <summary>
    /// <paramref name="text"/> with invisible characters shown as <c>[U+XXXX]</c>, and at most
    /// <paramref name="maxLength"/> characters of the result before an added "…".
    /// </summary>
    public static string Of(string? text, int maxLength = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var visible = new StringBuilder(Math.Min(text.Length, maxLength) + 1);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            string piece;
            var consumed = 1;
            if (Rune.DecodeFromUtf16(rest, out var rune, out var length) != OperationStatus.Done)
            {
                piece = Marker(rest[0]); // a lone surrogate half
            }
            else
            {
                consumed = length;
                piece = PrintableText.IsForbidden(rune.Value) ? Marker(rune.Value) : rune.ToString();
            }

            if (visible.Length + piece.Length > maxLength)
            {
                visible.Append(Ellipsis);
                break;
            }

            visible.Append(piece);
            rest = rest[consumed..];
        }

        return visible.ToString();
    }

    private static string Marker(int codePoint) => "[" + PrintableText.CodePointName(codePoint) + "]";
}
