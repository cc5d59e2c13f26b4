using DoorlopendeLeerroutes.Domain.Common;

namespace DoorlopendeLeerroutes.Domain.Tests.Common;

/// <summary>R-PRIV-4: names and free text are printable text only; what a person cannot see is refused and, when echoed, shown.</summary>
public class PrintableTextTests
{
    [Theory]
    [InlineData("Çelik")]
    [InlineData("Ñúñez")]
    [InlineData("d'Hondt")]
    [InlineData("O’Neill")]
    [InlineData("van der Berg")]
    [InlineData("Øyvind")]
    [InlineData("Zoë")]
    [InlineData("Ïlse-Marie")]
    [InlineData("Straße")]
    [InlineData("Yıldız Şahin Öztürk")]
    [InlineData("محمد")]
    [InlineData("Nguyễn")]
    [InlineData("Ł. Wąsowski jr.")]
    [InlineData("Ἀλέξανδρος")]
    [InlineData("Zorg & welzijn (BOL)")]
    [InlineData("")]
    [InlineData(null)]
    public void R_PRIV_4_legitimate_names_are_printable(string? name)
    {
        Assert.Null(PrintableText.FirstForbidden(name));
        Assert.Null(PrintableText.Check(name, "pupil.last_name", "de achternaam"));
    }

    [Theory]
    [InlineData(0x0000)] // NUL
    [InlineData(0x0009)] // tab
    [InlineData(0x000A)] // line feed
    [InlineData(0x000D)] // carriage return
    [InlineData(0x001B)] // escape
    [InlineData(0x007F)] // delete
    [InlineData(0x0085)] // next line (C1)
    [InlineData(0x00AD)] // soft hyphen
    [InlineData(0x061C)] // Arabic letter mark
    [InlineData(0x200B)] // zero-width space
    [InlineData(0x200C)] // zero-width non-joiner
    [InlineData(0x200D)] // zero-width joiner
    [InlineData(0x200E)] // left-to-right mark
    [InlineData(0x200F)] // right-to-left mark
    [InlineData(0x202A)] // left-to-right embedding
    [InlineData(0x202B)] // right-to-left embedding
    [InlineData(0x202C)] // pop directional formatting
    [InlineData(0x202D)] // left-to-right override
    [InlineData(0x202E)] // right-to-left override
    [InlineData(0x2028)] // line separator
    [InlineData(0x2029)] // paragraph separator
    [InlineData(0x2060)] // word joiner
    [InlineData(0x2066)] // left-to-right isolate
    [InlineData(0x2067)] // right-to-left isolate
    [InlineData(0x2068)] // first strong isolate
    [InlineData(0x2069)] // pop directional isolate
    [InlineData(0xFEFF)] // byte-order mark / zero-width no-break space
    [InlineData(0x3164)] // Hangul filler: a "letter" that shows nothing
    [InlineData(0xE000)] // private use
    [InlineData(0xFFFF)] // noncharacter
    [InlineData(0xE0041)] // tag letter A (hidden text)
    [InlineData(0xF0000)] // supplementary private use
    public void R_PRIV_4_control_bidi_and_zero_width_characters_are_refused_inside_a_name(int codePoint)
    {
        var name = "Jan" + char.ConvertFromUtf32(codePoint) + "sen";

        var error = PrintableText.Check(name, "pupil.last_name", "de achternaam");

        Assert.NotNull(error);
        Assert.Equal("pupil.last_name.not_printable", error.Code);
        Assert.StartsWith("De achternaam bevat een onzichtbaar teken of stuurteken (" + PrintableText.CodePointName(codePoint), error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Typ de achternaam opnieuw.", error.Message, StringComparison.Ordinal);
        Assert.Equal(codePoint, PrintableText.FirstForbidden(name));
        Assert.True(PrintableText.IsNotPrintable(error.Code));
    }

    [Fact]
    public void R_PRIV_4_the_message_names_the_character_in_Dutch_words_where_that_helps()
    {
        Assert.Equal(
            "De naam van de leerroute bevat een onzichtbaar teken of stuurteken (U+202E), dat vaak meekomt bij kopiëren en plakken. Typ de naam van de leerroute opnieuw.",
            PrintableText.Check("Zorg\u202Eg", "route.name", "de naam van de leerroute")!.Message);
        Assert.Contains("(U+0009, een tab)", PrintableText.Check("a\tb", "x.y", "de voornaam")!.Message, StringComparison.Ordinal);
        Assert.Contains("(U+000A, een regelovergang)", PrintableText.Check("a\nb", "x.y", "de voornaam")!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_PRIV_4_a_lone_surrogate_half_is_refused()
    {
        Assert.Equal(0xD800, PrintableText.FirstForbidden("Jan\uD800sen"));
        Assert.Equal(0xDC00, PrintableText.FirstForbidden("\uDC00"));
        Assert.Null(PrintableText.FirstForbidden("Jan 😀")); // a whole surrogate pair is a character like any other
    }

    [Fact]
    public void R_PRIV_4_multi_line_text_may_hold_line_breaks_but_no_tab_or_bidi_override()
    {
        Assert.Null(PrintableText.Check("Eerste regel.\r\nTweede regel.\nDerde.", "route.reason", "de reden", multiLine: true));
        Assert.NotNull(PrintableText.Check("Eerste regel.\r\nTweede regel.", "route.reason", "de reden"));
        Assert.NotNull(PrintableText.Check("Kolom\tkolom", "route.reason", "de reden", multiLine: true));
        Assert.NotNull(PrintableText.Check("Reden \u202Eesrever", "route.reason", "de reden", multiLine: true));
        Assert.NotNull(PrintableText.Check("Regel\u2028regel", "route.reason", "de reden", multiLine: true));
    }

    [Fact]
    public void R_PRIV_4_white_space_around_the_text_is_not_checked_since_it_is_trimmed_off()
    {
        Assert.Null(PrintableText.Check("  Jansen\r\n", "pupil.last_name", "de achternaam"));
        Assert.NotNull(PrintableText.Check("\u200BJansen", "pupil.last_name", "de achternaam")); // not white space: kept
    }

    [Fact]
    public void R_PRIV_4_visible_text_shows_invisible_characters_as_their_code()
    {
        Assert.Equal("Jan[U+202E]sen[U+200B]", VisibleText.Of("Jan\u202Esen\u200B"));
        Assert.Equal("a[U+0009]b[U+000A]", VisibleText.Of("a\tb\n"));
        Assert.Equal("x[U+D800]", VisibleText.Of("x\uD800"));
        Assert.Equal("[U+E0041]", VisibleText.Of(char.ConvertFromUtf32(0xE0041)));
        Assert.Equal("Çelik O’Neill 😀", VisibleText.Of("Çelik O’Neill 😀"));
        Assert.Equal(string.Empty, VisibleText.Of(null));
    }

    [Fact]
    public void R_PRIV_4_visible_text_is_cut_off_with_an_ellipsis_and_never_inside_a_code()
    {
        Assert.Equal("abcde", VisibleText.Of("abcde", 5));
        Assert.Equal("abcde…", VisibleText.Of("abcdef", 5));
        Assert.Equal("ab…", VisibleText.Of("ab\u202Ecdef", 5)); // "[U+202E]" does not fit in the 3 characters left
        Assert.Equal("ab[U+202E]…", VisibleText.Of("ab\u202Ecdef", 10));
        Assert.Equal("😀😀…", VisibleText.Of("😀😀😀", 5)); // a surrogate pair is never split
    }
}
