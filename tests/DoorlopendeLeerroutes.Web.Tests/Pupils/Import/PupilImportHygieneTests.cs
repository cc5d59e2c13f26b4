using System.Text;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils.Import;

/// <summary>
/// R-PRIV-4 in the pupil import: names with characters nobody can see are refused at their cell, whatever the file quotes
/// back is shown visibly and briefly, start dates are plausible, and UTF-16 files get the encoding message. Nothing is
/// stored for a refused file, not by the preview and not by confirming it.
/// </summary>
public sealed class PupilImportHygieneTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ImportKit _kit = new(app);

    [Fact]
    public async Task R_PRIV_4_a_bidi_override_in_a_last_name_is_refused_at_its_cell()
    {
        var route = await _kit.NewRouteAsync();
        var file = ImportKit.File(ImportKit.Row(ImportKit.NewNumber()), ImportKit.Row(ImportKit.NewNumber(), lastName: "Jan\u202Enesnaj"));

        var error = Assert.Single(await RejectedAsync(route, file));

        Assert.Equal("pupil.last_name.not_printable", error.Code);
        Assert.Equal(
            "regel 3, kolom Achternaam: De achternaam bevat een onzichtbaar teken of stuurteken (U+202E), dat vaak meekomt bij kopiëren en plakken. Typ de achternaam opnieuw.",
            error.Text);
    }

    [Fact]
    public async Task R_PRIV_4_a_zero_width_character_in_a_first_name_or_prefix_is_refused_at_its_cell()
    {
        var route = await _kit.NewRouteAsync();
        var file = ImportKit.File(
            ImportKit.Row(ImportKit.NewNumber(), firstName: "San\u200Bne"),
            ImportKit.Row(ImportKit.NewNumber(), prefix: "van\u2060der"));

        var errors = await RejectedAsync(route, file);

        Assert.Equal(
            [("regel 2, kolom Voornaam", "U+200B"), ("regel 3, kolom Tussenvoegsel", "U+2060")],
            errors.Select(e => (e.Text[..e.Text.IndexOf(':', StringComparison.Ordinal)], e.Message[(e.Message.IndexOf('(', StringComparison.Ordinal) + 1)..][..6])));
    }

    [Fact]
    public async Task R_PRIV_4_names_with_diacritics_and_apostrophes_are_imported()
    {
        var route = await _kit.NewRouteAsync();
        var file = ImportKit.File(
            ImportKit.Row(ImportKit.NewNumber(), lastName: "Çelik", firstName: "Ayşe"),
            ImportKit.Row(ImportKit.NewNumber(), lastName: "O’Neill", firstName: "Siobhán"),
            ImportKit.Row(ImportKit.NewNumber(), lastName: "Hondt", prefix: "d'", firstName: "Øyvind"));

        var (preview, _) = await _kit.ImportAsync(route, file);

        Assert.Equal(["Ayşe Çelik", "Siobhán O’Neill", "Øyvind d' Hondt"], preview.Lines.Select(l => l.Name));
    }

    [Fact]
    public async Task R_PRIV_4_an_unknown_long_column_name_is_shown_shortened_with_its_invisible_characters_made_visible()
    {
        var route = await _kit.NewRouteAsync();
        var hostile = "Klas\u202E" + new string('x', 200);
        var file = ImportKit.File(bom: true, ImportKit.Header + ";" + hostile, ImportKit.Row(ImportKit.NewNumber()) + ";3B");

        var error = Assert.Single(await RejectedAsync(route, file));

        Assert.Equal("import.header.unknown_column", error.Code);
        Assert.Equal("Klas[U+202E]" + new string('x', 28) + "…", error.Column);
        Assert.Equal(PupilImportErrors.MaxColumnNameLength + 1, error.Column!.Length);
        Assert.DoesNotContain('\u202E', error.Text);
    }

    [Fact]
    public async Task R_PRIV_4_a_value_quoted_in_a_message_shows_its_invisible_characters()
    {
        var route = await _kit.NewRouteAsync();
        var file = ImportKit.File(ImportKit.Row(ImportKit.NewNumber(), phase: "vo\u200B"));

        var error = Assert.Single(await RejectedAsync(route, file));

        Assert.Equal("regel 2, kolom Fase: 'vo[U+200B]' is geen fase. Vul vo of mbo in.", error.Text);
    }

    [Fact]
    public async Task R_PRIV_4_a_start_date_more_than_2_school_years_ahead_is_refused_at_its_cell()
    {
        var route = await _kit.NewRouteAsync();
        var tooLate = ImportKit.Start.AddYears(3); // the current school year + 3
        var file = ImportKit.File(ImportKit.Row(ImportKit.NewNumber(), startDate: ImportKit.Date(tooLate)));

        var error = Assert.Single(await RejectedAsync(route, file));

        Assert.Equal("enrolment.start_too_far_ahead", error.Code);
        Assert.StartsWith("regel 2, kolom Startdatum: De startdatum ligt meer dan 2 schooljaren in de toekomst", error.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16LE", true)]
    [InlineData("utf-16LE", false)]
    [InlineData("utf-16BE", true)]
    [InlineData("utf-16BE", false)]
    public async Task R_PRIV_4_a_UTF16_file_gets_the_encoding_message_and_nothing_is_stored(string encodingName, bool byteOrderMark)
    {
        var route = await _kit.NewRouteAsync();
        var encoding = Encoding.GetEncoding(encodingName);
        var text = string.Concat(new[] { ImportKit.Header, ImportKit.Row(ImportKit.NewNumber(), firstName: "Zoë") }.Select(l => l + "\r\n"));
        byte[] file = [.. byteOrderMark ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];

        var error = Assert.Single(await RejectedAsync(route, file));

        Assert.Equal("import.file.not_utf8", error.Code);
        Assert.Null(error.Line); // the file as a whole
        Assert.StartsWith("Het bestand is geen UTF-8-tekst (een onleesbaar teken op regel 1)", error.Text, StringComparison.Ordinal);
        Assert.Contains("\"CSV UTF-8\"", error.Text, StringComparison.Ordinal);
    }

    /// <summary>Previews and confirms the file, and checks that it was refused and that nothing at all was stored.</summary>
    private async Task<IReadOnlyList<PupilImportError>> RejectedAsync(Guid route, byte[] file)
    {
        var before = await _kit.StoredAsync();

        var preview = await _kit.PreviewAsync(route, file);
        var confirmed = await _kit.ConfirmAsync(preview);

        Assert.True(preview.HasErrors, "The file was not refused.");
        Assert.False(preview.CanConfirm);
        Assert.False(confirmed.IsSuccess);
        Assert.Equal(before, await _kit.StoredAsync());
        return preview.Errors;
    }
}
