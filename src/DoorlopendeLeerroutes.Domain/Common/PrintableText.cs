using System.Buffers;
using System.Globalization;
using System.Text;

namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>
/// R-PRIV-4: names and other free text hold printable text only. One definition of what a person cannot see, used by
/// every door (forms, import, the API to come) through the domain, and by <see cref="VisibleText"/> to show it.
/// </summary>
/// <remarks>
/// Refused: control characters (Unicode category Cc: NUL, tab, line breaks, DEL, C1), every format character (Cf: the
/// bidirectional embeddings, overrides, isolates and marks U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C; the
/// zero-width space, joiners and word joiner U+200B–U+200D, U+2060; the byte-order mark U+FEFF; soft hyphen; tag
/// characters), line and paragraph separators (U+2028, U+2029), private-use and unassigned code points, lone surrogate
/// halves, and a few letters that render as nothing (Hangul fillers). Everything else is allowed, so letters with
/// diacritics, other scripts, apostrophes (' and ’), hyphens, spaces and dots are fine.
/// Multi-line text (a reason) may also hold line breaks (CR and LF); a tab never.
/// </remarks>
public static class PrintableText
{
    // Letters (category Lo) and marks that render as nothing; used to spoof names that look empty or identical.
    private static readonly HashSet<int> InvisibleLetters = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F, 0x17B4, 0x17B5];

    /// <summary>
    /// The first code point of <paramref name="text"/> that is not allowed, or null when all of it is printable. A lone
    /// surrogate half is returned as its own value (U+D800…U+DFFF).
    /// </summary>
    public static int? FirstForbidden(string? text, bool multiLine = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
            {
                return rest[0];
            }

            if (IsForbidden(rune.Value, multiLine))
            {
                return rune.Value;
            }

            rest = rest[consumed..];
        }

        return null;
    }

    /// <summary>Whether a code point is refused in a name or free text (see the remarks of this class).</summary>
    public static bool IsForbidden(int codePoint, bool multiLine = false)
    {
        if (multiLine && codePoint is '\n' or '\r')
        {
            return false;
        }

        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
            _ => InvisibleLetters.Contains(codePoint),
        };
    }

    /// <summary>
    /// The error for a field whose text holds a forbidden character, or null when it is printable. The code is
    /// <c>{codePrefix}.not_printable</c>, so forms and the import put it at the field it is about. White space around the
    /// text is not checked: every caller trims it off before storing (a pasted name often ends in a line break).
    /// </summary>
    /// <param name="codePrefix">The field's code prefix, as its other errors use it, e.g. <c>pupil.last_name</c>.</param>
    /// <param name="what">The field in Dutch with its article, e.g. <c>de achternaam</c>.</param>
    /// <param name="field">The input it is about (<see cref="ErrorField"/>), when a form or the import shows it at a field.</param>
    public static DomainError? Check(string? text, string codePrefix, string what, bool multiLine = false, string? field = null) =>
        FirstForbidden(text?.Trim(), multiLine) is { } codePoint ? DomainErrors.Text.NotPrintable(codePrefix, what, codePoint, field) : null;

    /// <summary><c>U+202E</c>: how a character is named in messages.</summary>
    public static string CodePointName(int codePoint) =>
        "U+" + codePoint.ToString(codePoint > 0xFFFF ? "X5" : "X4", CultureInfo.InvariantCulture);

    /// <summary>Whether an error code is a <see cref="Check"/> refusal, whatever its field.</summary>
    public static bool IsNotPrintable(string code) => code.EndsWith("." + DomainErrors.Text.NotPrintableSuffix, StringComparison.Ordinal);
}
