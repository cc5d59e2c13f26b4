using System.Text;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils.Import;

/// <summary>
/// docs/formats.md: an import is all or nothing. Each refusal names its line and column (<c>regel N, kolom X</c>), every
/// error of the file is listed at once, and nothing is stored: not by the preview, not by confirming it. What reading the
/// file alone refuses is tested without the app in Application.Tests (PupilFileParserTests); here what needs the app: a
/// refused header and refused rows store nothing, the order of the errors, the size limit, and the rules that look at the database.
/// </summary>
public sealed class PupilImportRejectionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ImportKit _kit = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_column_is_named_as_written_and_a_misspelled_required_one_is_missing()
    {
        var route = await _kit.NewRouteAsync();
        var header = ImportKit.Header.Replace("Geboortedatum", "Geboortdatum", StringComparison.Ordinal) + ";Klas";

        var errors = await RejectedAsync(route, ImportKit.File(bom: true, header, ImportKit.Row(ImportKit.NewNumber()) + ";3B"));

        Assert.Equal(
            [
                "regel 1, kolom Geboortedatum: Deze verplichte kolom ontbreekt in de kopregel.",
                "regel 1, kolom Geboortdatum: " + PupilImportErrors.UnknownColumn.Message,
                "regel 1, kolom Klas: " + PupilImportErrors.UnknownColumn.Message,
            ],
            errors.Select(e => e.Text));
    }

    [Fact]
    public async Task Missing_required_column_is_an_error_on_line_1()
    {
        var route = await _kit.NewRouteAsync();
        var header = "Leerlingnummer;Achternaam;Geboortedatum;Startdatum;Fase";

        var errors = await RejectedAsync(route, ImportKit.File(bom: true, header, $"{ImportKit.NewNumber()};Jansen;01-01-2011;{ImportKit.Date(ImportKit.Start)};vo"));

        Assert.Equal("regel 1, kolom Voornaam: Deze verplichte kolom ontbreekt in de kopregel.", Assert.Single(errors).Text);
    }

    [Fact]
    public async Task File_over_10_MB_is_refused_with_a_clear_message()
    {
        var route = await _kit.NewRouteAsync();
        var file = new byte[PupilImportFormat.MaxBytes + 1];
        Encoding.UTF8.GetBytes(ImportKit.Header + "\r\n").CopyTo(file, 0);
        Array.Fill(file, (byte)'\n', ImportKit.Header.Length + 2, file.Length - ImportKit.Header.Length - 2);

        var errors = await RejectedAsync(route, file);
        var streamed = await _kit.PreviewOneWayAsync(route, file); // an upload arrives without a known length

        var error = Assert.Single(errors);
        Assert.Null(error.Line);
        Assert.Equal("import.file.too_large", error.Code);
        Assert.StartsWith("Het bestand is groter dan 10 MB.", error.Text, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Single(streamed.Errors));
    }

    [Fact]
    public async Task Every_error_of_the_file_is_listed_at_once_in_file_order()
    {
        var route = await _kit.NewRouteAsync();
        var file = ImportKit.File(
            ImportKit.Row(ImportKit.NewNumber()),
            ImportKit.Row("", lastName: "", phase: "MBO"),
            ImportKit.Row(ImportKit.NewNumber(), firstName: "", birthDate: "", phase: "", phaseFrom: "1-13-2026"),
            ImportKit.Row(ImportKit.NewNumber()),
            ImportKit.Row(ImportKit.NewNumber(), startDate: "2026-02-30", phase: "VMBO"));

        var errors = await RejectedAsync(route, file);

        Assert.Equal(
            [
                "regel 3, kolom Leerlingnummer: " + DomainErrors.Pupil.NumberRequired.Message,
                "regel 3, kolom Achternaam: " + DomainErrors.Pupil.LastNameRequired.Message,
                "regel 4, kolom Voornaam: " + DomainErrors.Pupil.FirstNameRequired.Message,
                "regel 4, kolom Geboortedatum: Vul de geboortedatum in, als dd-mm-jjjj (bijvoorbeeld 01-10-2025).",
                "regel 4, kolom Fase: Vul de fase in: vo of mbo.",
                "regel 4, kolom Fase vanaf: De datum '1-13-2026' bestaat niet. Controleer de dag en de maand.",
                "regel 6, kolom Startdatum: De datum '2026-02-30' bestaat niet. Controleer de dag en de maand.",
                "regel 6, kolom Fase: 'VMBO' is geen fase. Vul vo of mbo in.",
            ],
            errors.Select(e => e.Text));
    }

    [Fact]
    public async Task An_age_outside_10_to_30_on_the_start_date_and_a_phase_before_the_start_are_refused_by_the_domain()
    {
        var route = await _kit.NewRouteAsync();
        var file = ImportKit.File(
            ImportKit.Row(ImportKit.NewNumber(), birthDate: ImportKit.Date(ImportKit.Start.AddYears(-9))),
            ImportKit.Row(ImportKit.NewNumber(), phaseFrom: ImportKit.Date(ImportKit.Start.AddDays(-1))));

        var errors = await RejectedAsync(route, file);

        Assert.Equal(
            [
                "regel 2, kolom Geboortedatum: " + DomainErrors.Pupil.AgeOutOfRange.Message,
                "regel 3, kolom Fase vanaf: " + DomainErrors.Enrolment.PhaseBeforeStart.Message,
            ],
            errors.Select(e => e.Text));
    }

    [Fact]
    public async Task R_PUPIL_2_a_start_before_the_routes_first_school_year_is_refused()
    {
        var route = await _kit.NewRouteAsync();
        var early = SchoolYear.Containing(ImportKit.Start).FirstDay.AddDays(-1);

        var error = Assert.Single(await RejectedAsync(route, ImportKit.File(ImportKit.Row(ImportKit.NewNumber(), startDate: ImportKit.Date(early)))));

        Assert.Equal(2, error.Line);
        Assert.Equal("Startdatum", error.Column);
        Assert.Equal("enrolment.start_before_route", error.Code);
    }

    [Fact]
    public async Task R_PUPIL_2_a_pupil_active_in_another_route_is_refused_with_its_message()
    {
        var route = await _kit.NewRouteAsync();
        var (number, lastName, birthDate) = await DemoPupilAsync(open: true);

        var error = Assert.Single(await RejectedAsync(route, ImportKit.File(ImportKit.Row(number, lastName: lastName, birthDate: ImportKit.Date(birthDate)))));

        Assert.Equal("regel 2, kolom Leerlingnummer: " + DomainErrors.Enrolment.AlreadyActiveElsewhere.Message, error.Text);
    }

    [Fact]
    public async Task R_PUPIL_8_a_known_number_with_another_last_name_does_not_attach_that_pupil()
    {
        var route = await _kit.NewRouteAsync();
        var (number, _, birthDate) = await DemoPupilAsync(open: false);

        var error = Assert.Single(await RejectedAsync(route, ImportKit.File(ImportKit.Row(number, lastName: "Anders", birthDate: ImportKit.Date(birthDate)))));

        Assert.Equal("regel 2, kolom Leerlingnummer: " + PupilErrors.DetailsDoNotMatch.Message, error.Text);
    }

    [Fact]
    public async Task An_enrolled_pupil_with_another_start_date_or_first_name_is_an_error_not_a_silent_change()
    {
        var route = await _kit.NewRouteAsync();
        var number = ImportKit.NewNumber();
        await _kit.ImportAsync(route, ImportKit.File(ImportKit.Row(number)));

        var otherStart = await RejectedAsync(route, ImportKit.File(ImportKit.Row(number, startDate: ImportKit.Date(ImportKit.Start.AddDays(7)))));
        var otherName = await RejectedAsync(route, ImportKit.File(ImportKit.Row(number, firstName: "Saskia")));

        Assert.Equal(
            $"regel 2, kolom Startdatum: Deze leerling staat al in deze leerroute ingeschreven met startdatum {ImportKit.Date(ImportKit.Start)}. Een startdatum wijzigen kan niet met een import.",
            Assert.Single(otherStart).Text);
        Assert.Equal("regel 2, kolom Voornaam: " + PupilImportErrors.NameDiffers.Message, Assert.Single(otherName).Text);
    }

    [Fact]
    public async Task R_ACCESS_1_a_viewer_and_a_coordinator_of_a_non_partner_are_refused_before_the_file_is_read()
    {
        var route = await _kit.NewRouteAsync();
        var unreadable = Encoding.UTF8.GetBytes("dit is geen csv, het wordt niet eens gelezen");

        var viewer = await RejectedAsync(route, unreadable, SignIn.VoViewer);
        var outsider = await RejectedAsync(route, unreadable, SignIn.UnrelatedCoordinator);

        Assert.Equal(DomainErrors.Access.ReadOnly.Code, Assert.Single(viewer).Code);
        Assert.Equal("route.not_found", Assert.Single(outsider).Code);
    }

    [Fact]
    public async Task R_PUPIL_2_a_route_that_is_not_registered_accepts_no_import()
    {
        var draft = await new RouteWorkflow(app).CreateAsync("Importroute concept");

        var errors = await RejectedAsync(draft, ImportKit.File(ImportKit.Row(ImportKit.NewNumber())));

        Assert.Equal(DomainErrors.Enrolment.RouteNotRegistered.Code, Assert.Single(errors).Code);
    }

    /// <summary>Previews and confirms the file, and checks that it was refused and that nothing at all was stored.</summary>
    private async Task<IReadOnlyList<PupilImportError>> RejectedAsync(Guid route, byte[] file, string asUser = SignIn.VoCoordinator)
    {
        var before = await _kit.StoredAsync();

        var preview = await _kit.PreviewAsync(route, file, asUser);
        var confirmed = await _kit.ConfirmAsync(preview, asUser);

        Assert.True(preview.HasErrors, "The file was not refused.");
        Assert.False(preview.CanConfirm);
        Assert.False(confirmed.IsSuccess);
        Assert.Equal(before, await _kit.StoredAsync());
        return preview.Errors;
    }

    /// <summary>A demo pupil of the care route: one with an open enrolment, or one whose enrolment ended.</summary>
    private async Task<(string Number, string LastName, DateOnly BirthDate)> DemoPupilAsync(bool open)
    {
        // A pupil of the importing coordinator's own school (De Horizon): another school's pupil gets only "cannot be
        // enrolled here" (R-PRIV-1, PupilNumberOracleTests).
        await using var db = await app.OpenDbContextAsync();
        var horizon = (await db.Institutions.AsNoTracking().ToListAsync(Ct)).Single(i => i.Brin.Value == "05KO").Id;
        var enrolment = await db.Enrolments.FirstAsync(e => e.VoInstitutionId == horizon && (open ? e.EndDate == null : e.EndDate != null), Ct);
        var pupil = await db.Pupils.AsNoTracking().SingleAsync(p => p.Id == enrolment.PupilId, Ct);
        return (pupil.Number.Value, pupil.LastName, pupil.BirthDate);
    }
}
