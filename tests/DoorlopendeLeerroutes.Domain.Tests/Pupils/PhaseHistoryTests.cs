using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Pupils;

public class PhaseHistoryTests
{
    private static readonly DateOnly SchoolStart = new(2025, 8, 1);

    [Fact]
    public void R_PUPIL_4_registration_keeps_valid_from_and_the_server_moment()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        var now = TestData.Utc(2025, 8, 20, 9, 15);

        AssertResult.Succeeds(enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoCoordinator, now));

        var registration = Assert.Single(enrolment.Phases);
        Assert.Equal(Phase.Vo, registration.Phase);
        Assert.Equal(SchoolStart, registration.ValidFrom);
        Assert.Equal(now, registration.RecordedAt);
        Assert.Equal(t.VoCoordinator.UserId, registration.RecordedBy);
        Assert.Equal(Phase.Vo, enrolment.PhaseOn(new DateOnly(2025, 10, 1)));
        Assert.Null(enrolment.PhaseOn(new DateOnly(2025, 7, 31)));
    }

    [Fact]
    public void R_PUPIL_4_correction_with_same_valid_from_recorded_later_supersedes_earlier_registration()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoCoordinator, TestData.Utc(2025, 8, 10)));

        AssertResult.Succeeds(enrolment.RecordPhase(Phase.Mbo, SchoolStart, t.MboCoordinator, TestData.Utc(2025, 8, 20)));

        Assert.Equal(Phase.Mbo, enrolment.PhaseOn(new DateOnly(2025, 9, 1)));
        // Nothing is overwritten: both registrations are kept, the first one unchanged.
        Assert.Equal(2, enrolment.Phases.Count);
        Assert.Equal(Phase.Vo, enrolment.Phases[0].Phase);
        Assert.Equal(TestData.Utc(2025, 8, 10), enrolment.Phases[0].RecordedAt);
    }

    [Fact]
    public void R_PUPIL_4_two_registrations_at_the_same_moment_keep_their_order()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        var now = TestData.Utc(2025, 8, 10);
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoCoordinator, now));

        TestData.Ok(enrolment.RecordPhase(Phase.Mbo, SchoolStart, t.VoCoordinator, now));

        Assert.True(enrolment.Phases[1].RecordedAt > enrolment.Phases[0].RecordedAt);
        Assert.Equal(Phase.Mbo, enrolment.PhaseOn(SchoolStart));
    }

    [Fact]
    public void R_PUPIL_4_a_later_valid_from_changes_the_phase_from_that_date()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoCoordinator, TestData.Utc(2025, 8, 10)));

        TestData.Ok(enrolment.RecordPhase(Phase.Mbo, new DateOnly(2027, 8, 1), t.VoCoordinator, TestData.Utc(2027, 7, 1)));

        Assert.Equal(Phase.Vo, enrolment.PhaseOn(new DateOnly(2027, 7, 31)));
        Assert.Equal(Phase.Mbo, enrolment.PhaseOn(new DateOnly(2027, 8, 1)));
    }

    [Fact]
    public void R_PUPIL_4_registration_that_changes_nothing_is_refused()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoCoordinator, TestData.Utc(2025, 8, 10)));

        AssertResult.FailsOnly(
            enrolment.RecordPhase(Phase.Vo, new DateOnly(2025, 9, 1), t.VoCoordinator, TestData.Utc(2025, 9, 1)),
            "enrolment.phase.unchanged");
        Assert.Single(enrolment.Phases);
    }

    [Fact]
    public void R_PUPIL_4_phase_before_start_of_enrolment_is_refused()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, new DateOnly(2025, 9, 1));

        AssertResult.FailsOnly(
            enrolment.RecordPhase(Phase.Vo, new DateOnly(2025, 8, 31), t.VoCoordinator, TestData.Utc(2025, 9, 1)),
            "enrolment.phase.before_start");
    }

    [Fact]
    public void R_PUPIL_4_phase_after_end_of_enrolment_is_refused()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        TestData.Ok(enrolment.End(new DateOnly(2026, 7, 31), EnrolmentOutcome.Moved, null, t.VoCoordinator));

        AssertResult.FailsOnly(
            enrolment.RecordPhase(Phase.Mbo, new DateOnly(2026, 8, 1), t.VoCoordinator, TestData.Utc(2026, 8, 1)),
            "enrolment.phase.after_end");
    }

    [Fact]
    public void R_PUPIL_4_viewer_cannot_record_a_phase()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);

        AssertResult.FailsOnly(
            enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoViewer, TestData.Utc(2025, 8, 10)), "access.read_only");
        Assert.Empty(enrolment.Phases);
    }

    [Fact]
    public void R_PUPIL_4_coordinator_of_another_institution_cannot_record_a_phase()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        var outsider = TestData.MboCollege("27CD", "30002");

        AssertResult.FailsOnly(
            enrolment.RecordPhase(Phase.Vo, SchoolStart, TestData.CoordinatorOf(outsider), TestData.Utc(2025, 8, 10)),
            "enrolment.own_institution_only");
    }

    [Fact]
    public void R_PUPIL_4_PhaseOn_takes_latest_valid_from_then_latest_recorded_regardless_of_order()
    {
        var registrations = new[]
        {
            new PhaseRecord(Phase.Mbo, new DateOnly(2025, 8, 1), TestData.Utc(2025, 8, 20)),
            new PhaseRecord(Phase.Vo, new DateOnly(2025, 8, 1), TestData.Utc(2025, 8, 10)),
            new PhaseRecord(Phase.Vo, new DateOnly(2026, 8, 1), TestData.Utc(2025, 8, 5)),
        };

        Assert.Equal(Phase.Mbo, PhaseHistory.PhaseOn(registrations, new DateOnly(2025, 10, 1)));
        Assert.Equal(Phase.Mbo, PhaseHistory.PhaseOn(registrations.Reverse(), new DateOnly(2025, 10, 1)));
        Assert.Equal(Phase.Vo, PhaseHistory.PhaseOn(registrations, new DateOnly(2026, 8, 1)));
        Assert.Null(PhaseHistory.PhaseOn(registrations, new DateOnly(2025, 7, 31)));
        Assert.Null(PhaseHistory.PhaseOn([], new DateOnly(2025, 10, 1)));
    }

    [Fact]
    public void R_PUPIL_4_PhaseOn_with_a_moment_knows_only_registrations_recorded_before_it()
    {
        var registrations = new[]
        {
            new PhaseRecord(Phase.Vo, new DateOnly(2025, 8, 1), TestData.Utc(2025, 8, 10)),
            new PhaseRecord(Phase.Mbo, new DateOnly(2025, 8, 1), TestData.Utc(2025, 10, 5)),
        };

        Assert.Equal(Phase.Vo, PhaseHistory.PhaseOn(registrations, new DateOnly(2025, 10, 1), TestData.Utc(2025, 10, 1, 22, 0)));
        Assert.Equal(Phase.Mbo, PhaseHistory.PhaseOn(registrations, new DateOnly(2025, 10, 1)));
    }

    [Theory]
    [InlineData(2023, 10, 1, Phase.Vo)]
    [InlineData(2024, 7, 31, Phase.Vo)]
    [InlineData(2024, 10, 1, Phase.Vo)]
    [InlineData(2025, 7, 31, Phase.Vo)]
    [InlineData(2025, 8, 1, Phase.Mbo)]
    [InlineData(2025, 10, 1, Phase.Mbo)]
    [InlineData(2026, 10, 1, Phase.Mbo)]
    public void R_PUPIL_5_entry_year_3_is_vo_for_two_school_years_then_mbo(int year, int month, int day, Phase expected)
    {
        var start = new DateOnly(2023, 8, 21);

        Assert.Equal(expected, PhaseHistory.ExpectedPhaseOn(new DateOnly(year, month, day), start, entryYear: 3));
    }

    [Theory]
    [InlineData(2023, 10, 1, Phase.Vo)]
    [InlineData(2024, 7, 31, Phase.Vo)]
    [InlineData(2024, 8, 1, Phase.Mbo)]
    [InlineData(2024, 10, 1, Phase.Mbo)]
    public void R_PUPIL_5_entry_year_4_is_mbo_from_the_second_school_year(int year, int month, int day, Phase expected)
    {
        var start = new DateOnly(2023, 8, 21);

        Assert.Equal(expected, PhaseHistory.ExpectedPhaseOn(new DateOnly(year, month, day), start, entryYear: 4));
    }

    [Fact]
    public void R_PUPIL_5_pupil_starting_mid_year_counts_that_school_year_as_route_year_1()
    {
        var start = new DateOnly(2024, 2, 1);

        Assert.Equal(Phase.Vo, PhaseHistory.ExpectedPhaseOn(new DateOnly(2024, 10, 1), start, 3));
        Assert.Equal(Phase.Mbo, PhaseHistory.ExpectedPhaseOn(new DateOnly(2025, 10, 1), start, 3));
    }

    [Fact]
    public void R_PUPIL_5_expected_phase_is_a_suggestion_not_a_constraint()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);

        // Route year 1 is expected to be vo; the school may still set mbo (and the count flags the difference).
        AssertResult.Succeeds(enrolment.RecordPhase(Phase.Mbo, SchoolStart, t.VoCoordinator, TestData.Utc(2025, 8, 10)));
        // Route year 3 is expected to be mbo; a pupil who repeats the vmbo exam may stay in vo.
        AssertResult.Succeeds(enrolment.RecordPhase(Phase.Vo, new DateOnly(2027, 8, 1), t.VoCoordinator, TestData.Utc(2027, 8, 1)));

        Assert.Equal(Phase.Vo, enrolment.PhaseOn(new DateOnly(2027, 10, 1)));
    }

    [Fact]
    public void R_PUPIL_6_mbo_phase_without_vmbo_diploma_is_allowed()
    {
        // A geïntegreerde leerroute may drop the vmbo exam: the pupil goes to the mbo-fase without a vmbo diploma.
        var t = TestRoute.Registered(TestData.ValidDefinition(RouteType.Integrated, MboLevel.Level2, [Track.BB]));
        var enrolment = TestData.Enrol(t, SchoolStart);
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoCoordinator, TestData.Utc(2025, 8, 10)));

        var result = enrolment.RecordPhase(Phase.Mbo, new DateOnly(2026, 2, 1), t.MboCoordinator, TestData.Utc(2026, 2, 1));

        AssertResult.Succeeds(result);
        Assert.Empty(result.Warnings);
        Assert.Equal(Phase.Mbo, enrolment.PhaseOn(new DateOnly(2026, 2, 1)));
        Assert.Null(enrolment.EndDate);
        Assert.Equal(t.VoSchool.Id, enrolment.VoInstitutionId);
    }
}
