using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;

namespace DoorlopendeLeerroutes.Application.Tests.Pupils.Import;

/// <summary>
/// docs/formats.md §1: what the import decides per row against pupils and enrolments that already exist, with domain objects
/// built here instead of a database. The same decisions through the app, saved and rolled back, are in Web.Tests.
/// </summary>
public sealed class PupilImportPlannerTests
{
    private static readonly DateOnly Start = new(2025, 8, 1);
    private static readonly DateTime Now = TestData.Utc(2025, 10, 1);

    private readonly TestRoute _route = TestRoute.Registered();
    private readonly Dictionary<PupilNumber, Pupil> _known = [];
    private readonly Dictionary<Guid, List<Enrolment>> _enrolments = [];

    [Fact]
    public async Task An_unknown_number_becomes_a_new_pupil_enrolled_with_its_first_phase()
    {
        var plan = await DecideAsync(Row(1, TestData.ValidEducationNumber, phase: Phase.Mbo));

        Assert.Empty(plan.Errors);
        Assert.Equal(PupilImportStatus.New, Assert.Single(plan.Lines).Status);
        var pupil = Assert.Single(plan.NewPupils);
        var enrolment = Assert.Single(plan.NewEnrolments);
        Assert.Equal(pupil.Id, enrolment.PupilId);
        Assert.Equal(_route.Route.Id, enrolment.RouteId);
        Assert.Equal(Phase.Mbo, Assert.Single(enrolment.Phases).Phase);
        Assert.Empty(plan.PhaseChanges);
    }

    [Fact]
    public async Task A_known_pupil_in_this_route_with_the_same_phase_is_unchanged_and_with_another_a_phase_change()
    {
        var unchanged = Known(TestData.NewPupil(TestData.ValidBsn), _route);
        var changed = Known(TestData.NewPupil(TestData.ValidEducationNumber), _route);

        var plan = await DecideAsync(Row(1, unchanged), Row(2, changed, phase: Phase.Mbo, phaseFrom: Start.AddMonths(2)));

        Assert.Empty(plan.Errors);
        Assert.Equal([PupilImportStatus.Unchanged, PupilImportStatus.PhaseChange], plan.Lines.Select(l => l.Status));
        Assert.Empty(plan.NewPupils);
        Assert.Empty(plan.NewEnrolments);
        Assert.Equal(changed.Id, Assert.Single(plan.PhaseChanges).PupilId);
    }

    [Fact]
    public async Task R_PRIV_1_another_schools_pupil_gets_one_answer_whatever_name_the_row_gives()
    {
        var elsewhere = TestRoute.Draft(voSchool: TestData.VoSchool("06AB"), mboCollege: TestData.MboCollege("26XY"))
            .WithAgreement().ConfirmedByAll().Submitted().Register();
        var pupil = Known(TestData.NewPupil(TestData.ValidBsn), elsewhere);

        var plan = await DecideAsync(
            Row(1, pupil),
            Row(2, pupil, lastName: "Anders", birthDate: TestData.BirthDate.AddYears(1)));

        // Right or wrong name and birth date: the same refusal on the number, so the row reveals nothing about the pupil.
        Assert.Equal(
            [$"regel 1, kolom Leerlingnummer: {PupilErrors.CannotEnrolHere.Message}", $"regel 2, kolom Leerlingnummer: {PupilErrors.CannotEnrolHere.Message}"],
            plan.Errors.Select(e => e.Text));
        Assert.Empty(plan.Lines);
        Assert.Empty(plan.NewEnrolments);
    }

    [Fact]
    public async Task A_known_number_with_another_surname_or_birth_date_is_not_attached_to_that_pupil()
    {
        var pupil = Known(TestData.NewPupil(TestData.ValidBsn), _route);

        var plan = await DecideAsync(Row(4, pupil, lastName: "Anders"));

        Assert.Equal($"regel 4, kolom Leerlingnummer: {PupilErrors.DetailsDoNotMatch.Message}", Assert.Single(plan.Errors).Text);
        Assert.Empty(plan.PhaseChanges);
    }

    [Fact]
    public async Task An_open_enrolment_in_this_route_with_another_start_date_is_an_error_on_the_start_date()
    {
        var pupil = Known(TestData.NewPupil(TestData.ValidBsn), _route);

        var plan = await DecideAsync(Row(2, pupil, start: Start.AddDays(14)));

        var error = Assert.Single(plan.Errors);
        Assert.Equal("import.row.start_differs", error.Code);
        Assert.Equal("Startdatum", error.Column);
        Assert.Empty(plan.NewEnrolments);
    }

    [Fact]
    public async Task R_PUPIL_2_a_pupil_enrolled_in_another_route_of_the_same_schools_is_not_enrolled_twice()
    {
        var other = TestRoute.Draft(voSchool: _route.VoSchool, mboCollege: _route.MboCollege)
            .WithAgreement().ConfirmedByAll().Submitted().Register();
        var pupil = Known(TestData.NewPupil(TestData.ValidBsn), other);

        var plan = await DecideAsync(Row(3, pupil));

        Assert.Equal(DomainErrors.Enrolment.AlreadyActiveElsewhere.Code, Assert.Single(plan.Errors).Code);
        Assert.Empty(plan.NewEnrolments);
    }

    /// <summary>Stores <paramref name="pupil"/> as known, enrolled in <paramref name="route"/> from <see cref="Start"/> in the vo-fase.</summary>
    private Pupil Known(Pupil pupil, TestRoute route)
    {
        var enrolment = TestData.Enrol(route, Start, pupil);
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, Start, route.VoCoordinator, Now));
        _known[pupil.Number] = pupil;
        _enrolments[pupil.Id] = [enrolment];
        return pupil;
    }

    private static PupilImportRow Row(
        int line, Pupil pupil, string? lastName = null, DateOnly? birthDate = null, DateOnly? start = null, Phase phase = Phase.Vo,
        DateOnly? phaseFrom = null) =>
        new(line, pupil.Number, lastName ?? pupil.LastName, pupil.Prefix, pupil.FirstName, birthDate ?? pupil.BirthDate,
            start ?? Start, phase, phaseFrom ?? start ?? Start);

    private static PupilImportRow Row(int line, string number, Phase phase = Phase.Vo) =>
        new(line, PupilNumber.Create(number), "Jansen", null, "Sanne", TestData.BirthDate, Start, phase, Start);

    private Task<PupilImportPlanner.Plan> DecideAsync(params PupilImportRow[] rows) =>
        PupilImportPlanner.DecideAsync(
            new PupilImportPlanner.Target(_route.Route, _route.VoCoordinator, _route.VoSchool.Id, _route.MboCollege.Id, Now),
            rows, _known, _enrolments, progress: null);
}
