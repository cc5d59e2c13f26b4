using System.Net;
using System.Text;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils.Import;

/// <summary>
/// docs/formats.md §1: a preview says per row "nieuw", "fasewijziging" or "ongewijzigd"; confirming stores it all at once;
/// importing the same file (or confirming the same preview) again adds nothing.
/// </summary>
public sealed class PupilImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ImportKit _kit = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PUPIL_2_R_PUPIL_4_new_pupils_are_enrolled_with_their_first_phase()
    {
        var route = await _kit.NewRouteAsync();
        string vo = ImportKit.NewNumber(), mbo = ImportKit.NewNumber(), later = ImportKit.NewNumber();
        var phaseFrom = ImportKit.Start.AddDays(30);
        var file = ImportKit.File(
            ImportKit.Row(vo, lastName: "Berg", prefix: "van den", firstName: "Daan"),
            ImportKit.Row(mbo, lastName: "Bakker", phase: "MBO"),
            ImportKit.Row(later, lastName: "Visser", phaseFrom: ImportKit.Date(phaseFrom)));
        var before = await _kit.StoredAsync();

        var preview = await _kit.PreviewAsync(route, file);
        var afterPreview = await _kit.StoredAsync();
        var outcome = await _kit.ConfirmAsync(preview);

        Assert.Equal(before, afterPreview); // the preview stores nothing
        Assert.Equal([PupilImportStatus.New, PupilImportStatus.New, PupilImportStatus.New], preview.Lines.Select(l => l.Status));
        var first = preview.Lines[0];
        Assert.Equal((2, "*****" + vo[^4..], "Daan van den Berg", ImportKit.Start, Phase.Vo, ImportKit.Start), (first.Line, first.MaskedNumber, first.Name, first.StartDate, first.Phase, first.PhaseFrom));
        Assert.Equal(new PupilImportTotals(3, 0, 0), outcome.Totals);
        Assert.Equal("3 leerlingen ingeschreven, 0 fasewijzigingen, 0 ongewijzigd", outcome.Totals.Summary());
        Assert.Equal((before.Pupils + 3, before.Enrolments + 3, before.Phases + 3), await _kit.StoredAsync());

        var stored = (await _kit.EnrolmentsAsync(route)).ToDictionary(e => e.Number, e => e.Enrolment);
        Assert.Equal(Phase.Vo, stored[vo].PhaseOn(ImportKit.Start));
        Assert.Equal(Phase.Mbo, stored[mbo].PhaseOn(ImportKit.Start));
        Assert.Null(stored[later].PhaseOn(phaseFrom.AddDays(-1))); // "Fase vanaf" is when the phase starts
        Assert.Equal(Phase.Vo, stored[later].PhaseOn(phaseFrom));

        // The route's only vo and mbo partners are the pupils' institutions.
        await using var db = await app.OpenDbContextAsync();
        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Brin.Value, i => i.Id, Ct);
        Assert.All(stored.Values, e => Assert.Equal((institutions["05KO"], institutions["25PG"]), (e.VoInstitutionId, e.MboInstitutionId)));
    }

    [Fact]
    public async Task Importing_the_same_file_again_finds_every_row_unchanged_and_stores_nothing()
    {
        var route = await _kit.NewRouteAsync();
        var file = ImportKit.File(ImportKit.Row(ImportKit.NewNumber()), ImportKit.Row(ImportKit.NewNumber(), phase: "mbo"));
        await _kit.ImportAsync(route, file);
        var before = await _kit.StoredAsync();

        var again = await _kit.PreviewAsync(route, file);
        var outcome = await _kit.ConfirmAsync(again);

        Assert.All(again.Lines, l => Assert.Equal(PupilImportStatus.Unchanged, l.Status));
        Assert.Equal(new PupilImportTotals(0, 0, 2), again.Totals);
        Assert.False(again.CanConfirm);
        Assert.Equal(new PupilImportTotals(0, 0, 2), outcome.Totals);
        Assert.Equal(before, await _kit.StoredAsync());
    }

    [Fact]
    public async Task R_PUPIL_4_a_row_with_another_phase_is_a_phase_change_recorded_as_a_new_registration()
    {
        var route = await _kit.NewRouteAsync();
        var number = ImportKit.NewNumber();
        var other = ImportKit.NewNumber();
        await _kit.ImportAsync(route, ImportKit.File(ImportKit.Row(number), ImportKit.Row(other)));
        var mboFrom = ImportKit.Date(ImportKit.Start.AddMonths(5));
        var change = ImportKit.File(ImportKit.Row(number, phase: "mbo", phaseFrom: mboFrom), ImportKit.Row(other));

        var (preview, outcome) = await _kit.ImportAsync(route, change);
        var repeated = await _kit.PreviewAsync(route, change);

        Assert.Equal([PupilImportStatus.PhaseChange, PupilImportStatus.Unchanged], preview.Lines.Select(l => l.Status));
        Assert.Equal("0 leerlingen ingeschreven, 1 fasewijziging, 1 ongewijzigd", outcome.Totals.Summary());
        var enrolment = (await _kit.EnrolmentsAsync(route)).Single(e => e.Number == number).Enrolment;
        Assert.Equal(2, enrolment.Phases.Count); // nothing overwritten
        Assert.Equal(Phase.Vo, enrolment.PhaseOn(ImportKit.Start.AddMonths(5).AddDays(-1)));
        Assert.Equal(Phase.Mbo, enrolment.PhaseOn(ImportKit.Start.AddMonths(5)));
        Assert.All(repeated.Lines, l => Assert.Equal(PupilImportStatus.Unchanged, l.Status));
    }

    [Fact]
    public async Task Confirming_the_same_preview_twice_stores_it_once()
    {
        var route = await _kit.NewRouteAsync();
        var preview = await _kit.PreviewAsync(route, ImportKit.File(ImportKit.Row(ImportKit.NewNumber()), ImportKit.Row(ImportKit.NewNumber())));
        var before = await _kit.StoredAsync();

        var first = await _kit.ConfirmAsync(preview);
        var second = await _kit.ConfirmAsync(preview);

        Assert.Equal(new PupilImportTotals(2, 0, 0), first.Totals);
        Assert.Equal(new PupilImportTotals(0, 0, 2), second.Totals);
        Assert.Equal((before.Pupils + 2, before.Enrolments + 2, before.Phases + 2), await _kit.StoredAsync());
    }

    [Fact]
    public async Task Two_simultaneous_confirmations_store_the_file_once()
    {
        var route = await _kit.NewRouteAsync();
        var rows = Enumerable.Range(0, 200).Select(_ => ImportKit.Row(ImportKit.NewNumber())).ToArray();
        var preview = await _kit.PreviewAsync(route, ImportKit.File(rows));
        var before = await _kit.StoredAsync();

        var outcomes = await Task.WhenAll(_kit.ConfirmAsync(preview), _kit.ConfirmAsync(preview));

        Assert.Equal((before.Pupils + 200, before.Enrolments + 200, before.Phases + 200), await _kit.StoredAsync());
        Assert.Equal(200, outcomes.Sum(o => o.Totals.New));
        Assert.All(outcomes, o => Assert.True(o.IsSuccess || o.Errors.Single().Code == PupilImportErrors.ChangedMeanwhile.Code, string.Join("; ", o.Errors)));
    }

    [Fact]
    public async Task Quoted_values_with_a_semicolon_or_a_line_break_are_one_value_and_one_line()
    {
        var route = await _kit.NewRouteAsync();
        string semicolon = ImportKit.NewNumber(), lineBreak = ImportKit.NewNumber();
        var file = ImportKit.File(
            ImportKit.Row(semicolon, lastName: "\"Smit; de Wit\""),
            ImportKit.Row(lineBreak, firstName: "\"Anna\r\nMaria\""),
            ImportKit.Row(ImportKit.NewNumber(), phase: "havo"));

        var preview = await _kit.PreviewAsync(route, file);
        var fixedFile = await _kit.ImportAsync(route, ImportKit.File(
            ImportKit.Row(semicolon, lastName: "\"Smit; de Wit\""), ImportKit.Row(ImportKit.NewNumber(), phase: "mbo")));

        // The line break inside quotes does not make a new line, as in Excel: "havo" is on line 4, not 5. The value with
        // the line break is one value, and (R-PRIV-4) a name holds no line break, so it is refused at its own cell.
        Assert.Equal(
            [
                "regel 3, kolom Voornaam: De voornaam bevat een onzichtbaar teken of stuurteken (U+000D, een regelovergang), dat vaak meekomt bij kopiëren en plakken. Typ de voornaam opnieuw.",
                "regel 4, kolom Fase: 'havo' is geen fase. Vul vo of mbo in.",
            ],
            preview.Errors.Select(e => e.Text));
        Assert.Equal(["Sanne Smit; de Wit", "Sanne Jansen"], fixedFile.Preview.Lines.Select(l => l.Name));
        Assert.Equal([2, 3], fixedFile.Preview.Lines.Select(l => l.Line));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_byte_order_mark_is_optional(bool bom)
    {
        var route = await _kit.NewRouteAsync();

        var (preview, _) = await _kit.ImportAsync(route, ImportKit.File(bom, ImportKit.Header, ImportKit.Row(ImportKit.NewNumber(), lastName: "Çelik")));

        Assert.Equal("Sanne Çelik", Assert.Single(preview.Lines).Name);
    }

    [Fact]
    public async Task ISO_dates_and_dates_with_one_digit_day_or_month_are_read()
    {
        var route = await _kit.NewRouteAsync();
        var start = ImportKit.Start;
        var number = ImportKit.NewNumber();
        var file = ImportKit.File(ImportKit.Row(
            number, birthDate: "3-9-" + (start.Year - 15), startDate: start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            phaseFrom: $"{start.Day}-{start.Month}-{start.Year}"));

        var (preview, _) = await _kit.ImportAsync(route, file);

        var line = Assert.Single(preview.Lines);
        Assert.Equal((start, start), (line.StartDate, line.PhaseFrom));
        await using var db = await app.OpenDbContextAsync();
        var pupil = (await db.Pupils.ToListAsync(Ct)).Single(p => p.Number.Value == number);
        Assert.Equal(new DateOnly(start.Year - 15, 9, 3), pupil.BirthDate);
    }

    [Fact]
    public async Task R_PUPIL_1_an_8_digit_number_gets_its_leading_zero()
    {
        var route = await _kit.NewRouteAsync();

        await _kit.ImportAsync(route, ImportKit.File(ImportKit.Row("12345623")));
        var again = await _kit.PreviewAsync(route, ImportKit.File(ImportKit.Row("012345623")));

        Assert.Contains(await _kit.EnrolmentsAsync(route), e => e.Number == "012345623");
        Assert.Equal(PupilImportStatus.Unchanged, Assert.Single(again.Lines).Status);
    }

    [Fact]
    public async Task Header_names_are_matched_ignoring_case_and_spaces_in_any_order_and_empty_lines_are_skipped()
    {
        var route = await _kit.NewRouteAsync();
        var number = ImportKit.NewNumber();
        var header = " fase ;LEERLINGNUMMER;voornaam;Achternaam ;geboortedatum;STARTDATUM";
        var row = $"mbo;{number};Sanne;Jansen;{ImportKit.Date(ImportKit.Start.AddYears(-15))};{ImportKit.Date(ImportKit.Start)}";

        var (preview, _) = await _kit.ImportAsync(route, ImportKit.File(bom: true, header, "", ";;;;;", row));

        var line = Assert.Single(preview.Lines);
        Assert.Equal((4, Phase.Mbo, "Sanne Jansen"), (line.Line, line.Phase, line.Name));
    }

    [Fact]
    public async Task A_known_pupil_whose_enrolment_ended_is_enrolled_when_last_name_and_birth_date_match()
    {
        var route = await _kit.NewRouteAsync();
        Pupil pupil;
        DateOnly ended;
        await using (var db = await app.OpenDbContextAsync())
        {
            var enrolment = await db.Enrolments.OrderByDescending(e => e.EndDate).FirstAsync(e => e.EndDate != null, Ct);
            pupil = await db.Pupils.AsNoTracking().SingleAsync(p => p.Id == enrolment.PupilId, Ct);
            ended = enrolment.EndDate!.Value;
        }

        var start = ended >= ImportKit.Start ? ended.AddDays(1) : ImportKit.Start;
        var before = await _kit.StoredAsync();
        var (preview, _) = await _kit.ImportAsync(route, ImportKit.File(ImportKit.Row(
            pupil.Number.Value, lastName: pupil.LastName.ToUpperInvariant(), prefix: pupil.Prefix ?? string.Empty, firstName: pupil.FirstName,
            birthDate: ImportKit.Date(pupil.BirthDate), startDate: ImportKit.Date(start))));

        var after = await _kit.StoredAsync();
        Assert.Equal(PupilImportStatus.New, Assert.Single(preview.Lines).Status);
        Assert.Equal(before.Pupils, after.Pupils); // the same pupil, not a copy
        Assert.Equal(before.Enrolments + 1, after.Enrolments);
    }

    [Fact]
    public async Task Progress_is_reported_while_checking_and_storing()
    {
        var route = await _kit.NewRouteAsync();
        var rows = Enumerable.Range(0, 1_200).Select(_ => ImportKit.Row(ImportKit.NewNumber())).ToArray();
        var reports = new RecordingProgress();
        var import = await app.ServiceAsAsync<ImportPupils>(SignIn.VoCoordinator);

        await using var content = new MemoryStream(ImportKit.File(rows));
        var preview = await import.PreviewAsync(route, content, progress: reports, cancellationToken: Ct);
        var outcome = await import.ConfirmAsync(preview, reports, Ct);

        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Errors));
        Assert.Equal(PupilImportStage.Reading, reports.Reports[0].Stage);
        Assert.Contains(new PupilImportProgress(PupilImportStage.Checking, 500, 1_200), reports.Reports);
        Assert.Contains(new PupilImportProgress(PupilImportStage.Checking, 1_200, 1_200), reports.Reports);
        Assert.Equal(new PupilImportProgress(PupilImportStage.Storing, 1_200, 1_200), reports.Reports[^1]);
    }

    [Fact]
    public async Task The_example_file_can_be_downloaded_and_imports_cleanly()
    {
        // Its dates are fixed, so it goes into a route of its school year, whatever year the test runs in.
        var workflow = new RouteWorkflow(app);
        var route = await workflow.CreateAsync("Voorbeeldroute", SchoolYear.FromStartYear(2026));
        await workflow.ReadyAndSubmitAsync(route);
        RouteWorkflow.Ok(await workflow.RegisterAsync(route));
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);

        using var response = await client.GetAsync("/voorbeelden/leerlingen-voorbeeld.csv", Ct);
        var file = await response.Content.ReadAsByteArrayAsync(Ct);
        var preview = await _kit.PreviewAsync(route, file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Encoding.UTF8.GetPreamble(), file[..3]);
        Assert.Empty(preview.Errors);
        Assert.Equal(6, preview.Totals.New);
    }

    private sealed class RecordingProgress : IProgress<PupilImportProgress>
    {
        public List<PupilImportProgress> Reports { get; } = [];

        public void Report(PupilImportProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }
        }
    }
}
