using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Counting;

public class FundingCountTests
{
    private static readonly SchoolYear Year = SchoolYear.FromStartYear(2025);
    private static readonly DateOnly CountDate = new(2025, 10, 1);
    private static readonly DateOnly SchoolStart = new(2025, 8, 1);

    /// <summary>Well after the count date: the final count.</summary>
    private static readonly DateTime Final = TestData.Utc(2025, 11, 15);

    private static readonly DateTime InAugust = TestData.Utc(2025, 8, 20);

    private static PhaseRecord Vo(DateOnly validFrom, DateTime recordedAt) => new(Phase.Vo, validFrom, recordedAt);

    private static PhaseRecord Mbo(DateOnly validFrom, DateTime recordedAt) => new(Phase.Mbo, validFrom, recordedAt);

    private static CountLine CountSingle(CountEnrolment enrolment, DateTime? now = null) =>
        Assert.Single(FundingCount.Calculate(Year, [enrolment], now ?? Final).Lines);

    [Fact]
    public void R_COUNT_1_count_uses_1_October_of_the_school_year()
    {
        var result = FundingCount.Calculate(Year, [], Final);

        Assert.Equal(Year, result.SchoolYear);
        Assert.Equal(CountDate, result.CountDate);
        Assert.Empty(result.Lines);
        Assert.Empty(result.Totals);
    }

    [Fact]
    public void R_COUNT_2_enrolment_active_on_the_count_date_is_counted()
    {
        var line = CountSingle(TestData.CountEnrolment(SchoolStart, phases: Vo(SchoolStart, InAugust)));

        Assert.Equal(CountStatus.Counted, line.Status);
        Assert.Equal(Phase.Vo, line.Phase);
    }

    [Fact]
    public void R_COUNT_2_enrolment_starting_on_the_count_date_is_counted()
    {
        CountSingle(TestData.CountEnrolment(CountDate, phases: Vo(CountDate, TestData.Utc(2025, 10, 1, 8, 0))));
    }

    [Fact]
    public void R_COUNT_2_enrolment_ending_on_the_count_date_is_counted()
    {
        CountSingle(TestData.CountEnrolment(SchoolStart, end: CountDate, phases: Vo(SchoolStart, InAugust)));
    }

    [Fact]
    public void R_COUNT_2_enrolment_ending_on_30_September_is_not_counted()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoCoordinator, InAugust));
        TestData.Ok(enrolment.End(new DateOnly(2025, 9, 30), EnrolmentOutcome.Moved, null, t.VoCoordinator));

        var result = FundingCount.Calculate(Year, [TestData.ToCount(enrolment)], Final);

        Assert.Empty(result.Lines);
        Assert.Empty(result.Totals);
    }

    [Fact]
    public void R_COUNT_2_pupil_starting_after_the_count_date_is_not_counted_that_year()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, new DateOnly(2025, 10, 2));
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, new DateOnly(2025, 10, 2), t.VoCoordinator, TestData.Utc(2025, 10, 2)));
        var counted = TestData.ToCount(enrolment);

        Assert.Empty(FundingCount.Calculate(Year, [counted], Final).Lines);
        Assert.Single(FundingCount.Calculate(Year.Next, [counted], TestData.Utc(2026, 11, 1)).Lines);
    }

    [Fact]
    public void R_COUNT_3_cutoff_is_the_end_of_1_October_in_Amsterdam()
    {
        var cutoff = FundingCount.CutoffUtc(Year);

        // 1 October is summer time (CEST, UTC+2): 24:00 local is 22:00 UTC.
        Assert.Equal(TestData.Utc(2025, 10, 1, 22, 0), cutoff);
        Assert.Equal(DateTimeKind.Utc, cutoff.Kind);
        Assert.Equal(cutoff, FundingCount.Calculate(Year, [], Final).CutoffUtc);
    }

    [Fact]
    public void R_COUNT_3_registration_recorded_1_October_23_59_Amsterdam_counts()
    {
        var recorded = TestData.Utc(2025, 10, 1, 21, 59); // 23:59 CEST
        var line = CountSingle(TestData.CountEnrolment(
            SchoolStart, phases: [Vo(SchoolStart, InAugust), Mbo(CountDate, recorded)]));

        Assert.Equal(Phase.Mbo, line.Phase);
        Assert.Equal(CountStatus.Counted, line.Status);
    }

    [Fact]
    public void R_COUNT_3_registration_recorded_2_October_00_01_Amsterdam_does_not_count()
    {
        var recorded = TestData.Utc(2025, 10, 1, 22, 1); // 00:01 CEST on 2 October
        var line = CountSingle(TestData.CountEnrolment(
            SchoolStart, phases: [Vo(SchoolStart, InAugust), Mbo(CountDate, recorded)]));

        Assert.Equal(Phase.Vo, line.Phase);
        Assert.Equal(CountStatus.CountedLateChange, line.Status);
    }

    [Fact]
    public void R_COUNT_3_registration_recorded_exactly_at_midnight_Amsterdam_is_too_late()
    {
        var line = CountSingle(TestData.CountEnrolment(
            SchoolStart, phases: [Vo(SchoolStart, InAugust), Mbo(CountDate, TestData.Utc(2025, 10, 1, 22, 0))]));

        Assert.Equal(Phase.Vo, line.Phase);
        Assert.Equal(CountStatus.CountedLateChange, line.Status);
    }

    [Fact]
    public void R_COUNT_3_phase_recorded_late_does_not_change_funding_and_is_CountedLateChange()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoCoordinator, InAugust));
        // On 10 October the school registers, with effect from 1 September, that the pupil was in the mbo-fase.
        TestData.Ok(enrolment.RecordPhase(Phase.Mbo, new DateOnly(2025, 9, 1), t.MboCoordinator, TestData.Utc(2025, 10, 10)));
        Assert.Equal(Phase.Mbo, enrolment.PhaseOn(CountDate));

        var line = Assert.Single(FundingCount.Calculate(Year, [TestData.ToCount(enrolment)], Final).Lines);

        Assert.Equal(Phase.Vo, line.Phase);
        Assert.Equal(t.VoSchool.Id, line.FundedInstitutionId);
        Assert.Equal(CountStatus.CountedLateChange, line.Status);
    }

    [Fact]
    public void R_COUNT_3_late_registration_for_a_pupil_without_phase_leaves_no_phase()
    {
        var line = CountSingle(TestData.CountEnrolment(SchoolStart, phases: Mbo(SchoolStart, TestData.Utc(2025, 10, 5))));

        Assert.Null(line.Phase);
        Assert.Null(line.FundedInstitutionId);
        Assert.Equal(CountStatus.NoPhase, line.Status);
    }

    [Fact]
    public void R_COUNT_3_registration_effective_after_the_count_date_is_no_late_change()
    {
        var line = CountSingle(TestData.CountEnrolment(
            SchoolStart, phases: [Vo(SchoolStart, InAugust), Mbo(new DateOnly(2025, 11, 1), TestData.Utc(2025, 10, 20))]));

        Assert.Equal(Phase.Vo, line.Phase);
        Assert.Equal(CountStatus.Counted, line.Status);
    }

    [Fact]
    public void R_COUNT_3_correction_recorded_before_the_cutoff_counts()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoCoordinator, InAugust));
        TestData.Ok(enrolment.RecordPhase(Phase.Mbo, SchoolStart, t.VoCoordinator, TestData.Utc(2025, 9, 15)));

        var line = Assert.Single(FundingCount.Calculate(Year, [TestData.ToCount(enrolment)], Final).Lines);

        Assert.Equal(Phase.Mbo, line.Phase);
        Assert.Equal(t.MboCollege.Id, line.FundedInstitutionId);
        Assert.Equal(CountStatus.Counted, line.Status);
    }

    [Fact]
    public void R_COUNT_4_vo_phase_funds_the_vo_partner()
    {
        var vo = Guid.NewGuid();
        var mbo = Guid.NewGuid();

        var line = CountSingle(TestData.CountEnrolment(SchoolStart, vo: vo, mbo: mbo, phases: Vo(SchoolStart, InAugust)));

        Assert.Equal(vo, line.FundedInstitutionId);
    }

    [Fact]
    public void R_COUNT_4_mbo_phase_funds_the_mbo_partner()
    {
        var vo = Guid.NewGuid();
        var mbo = Guid.NewGuid();

        var line = CountSingle(TestData.CountEnrolment(SchoolStart, vo: vo, mbo: mbo, phases: Mbo(SchoolStart, InAugust)));

        Assert.Equal(mbo, line.FundedInstitutionId);
    }

    [Fact]
    public void R_COUNT_4_teaching_location_does_not_decide_funding()
    {
        var t = TestRoute.Registered(TestData.ValidDefinition(location: TeachingLocation.MboInstitution));
        var enrolment = TestData.Enrol(t, SchoolStart);
        TestData.Ok(enrolment.RecordPhase(Phase.Vo, SchoolStart, t.VoCoordinator, InAugust));

        var line = Assert.Single(FundingCount.Calculate(Year, [TestData.ToCount(enrolment)], Final).Lines);

        Assert.Equal(t.VoSchool.Id, line.FundedInstitutionId);
    }

    [Fact]
    public void R_COUNT_5_active_pupil_without_phase_is_listed_and_counted_for_nobody()
    {
        var vo = Guid.NewGuid();
        var mbo = Guid.NewGuid();

        var result = FundingCount.Calculate(Year, [TestData.CountEnrolment(SchoolStart, vo: vo, mbo: mbo)], Final);

        var line = Assert.Single(result.Lines);
        Assert.Null(line.Phase);
        Assert.Null(line.FundedInstitutionId);
        Assert.Equal(CountStatus.NoPhase, line.Status);
        Assert.All(result.Totals, total => Assert.Equal(0, total.Funded));
        Assert.Equal(1, result.Totals.Single(x => x.InstitutionId == vo).WithoutPhase);
        Assert.Equal(1, result.Totals.Single(x => x.InstitutionId == mbo).WithoutPhase);
    }

    [Fact]
    public void R_COUNT_5_phase_starting_after_the_count_date_leaves_no_phase_on_the_count_date()
    {
        var line = CountSingle(TestData.CountEnrolment(SchoolStart, phases: Vo(new DateOnly(2025, 10, 2), InAugust)));

        Assert.Equal(CountStatus.NoPhase, line.Status);
    }

    [Fact]
    public void R_COUNT_6_before_the_count_date_the_report_is_a_preview_with_warnings()
    {
        var expectedVo = TestData.CountEnrolment(SchoolStart, phases: Vo(SchoolStart, InAugust));
        var differs = TestData.CountEnrolment(SchoolStart, phases: Mbo(SchoolStart, InAugust));
        var noPhase = TestData.CountEnrolment(SchoolStart);

        var result = FundingCount.Calculate(Year, [expectedVo, differs, noPhase], TestData.Utc(2025, 9, 15));

        Assert.True(result.IsPreview);
        Assert.Empty(result.Lines.Single(l => l.Enrolment == expectedVo).Warnings);
        Assert.Equal([CountWarning.DiffersFromExpectedPhase], result.Lines.Single(l => l.Enrolment == differs).Warnings);
        Assert.Equal([CountWarning.NoPhase], result.Lines.Single(l => l.Enrolment == noPhase).Warnings);
    }

    [Fact]
    public void R_COUNT_6_on_the_count_date_itself_it_is_still_a_preview()
    {
        Assert.True(FundingCount.Calculate(Year, [], TestData.Utc(2025, 10, 1, 8, 0)).IsPreview);
        Assert.True(FundingCount.Calculate(Year, [], TestData.Utc(2025, 10, 1, 21, 59)).IsPreview);
    }

    [Fact]
    public void R_COUNT_6_after_the_count_date_the_count_is_final()
    {
        Assert.False(FundingCount.Calculate(Year, [], TestData.Utc(2025, 10, 1, 22, 0)).IsPreview);
        Assert.False(FundingCount.Calculate(Year, [], TestData.Utc(2025, 10, 2, 8, 0)).IsPreview);
        Assert.False(FundingCount.Calculate(Year, [], Final).IsPreview);
    }

    [Fact]
    public void R_COUNT_6_line_shows_the_expected_phase()
    {
        var thirdYear = TestData.CountEnrolment(
            new DateOnly(2023, 8, 21), entryYear: 3, phases: Vo(new DateOnly(2023, 8, 21), TestData.Utc(2023, 9, 1)));
        var entryYear4 = TestData.CountEnrolment(
            new DateOnly(2024, 8, 19), entryYear: 4, phases: Mbo(new DateOnly(2025, 8, 1), TestData.Utc(2025, 8, 2)));

        var result = FundingCount.Calculate(Year, [thirdYear, entryYear4], TestData.Utc(2025, 9, 1));

        var third = result.Lines.Single(l => l.Enrolment == thirdYear);
        Assert.Equal(Phase.Mbo, third.ExpectedPhase);
        Assert.Equal([CountWarning.DiffersFromExpectedPhase], third.Warnings);
        var fourth = result.Lines.Single(l => l.Enrolment == entryYear4);
        Assert.Equal(Phase.Mbo, fourth.ExpectedPhase);
        Assert.Empty(fourth.Warnings);
    }

    [Fact]
    public void R_COUNT_7_totals_are_per_institution()
    {
        var voA = Guid.NewGuid();
        var voB = Guid.NewGuid();
        var mbo = Guid.NewGuid();
        CountEnrolment[] enrolments =
        [
            TestData.CountEnrolment(SchoolStart, vo: voA, mbo: mbo, phases: Vo(SchoolStart, InAugust)),
            TestData.CountEnrolment(SchoolStart, vo: voA, mbo: mbo, phases: Vo(SchoolStart, InAugust)),
            TestData.CountEnrolment(SchoolStart, vo: voB, mbo: mbo, phases: Vo(SchoolStart, InAugust)),
            TestData.CountEnrolment(SchoolStart, vo: voA, mbo: mbo, phases: Mbo(SchoolStart, InAugust)),
            TestData.CountEnrolment(SchoolStart, vo: voB, mbo: mbo),
        ];

        var totals = FundingCount.Calculate(Year, enrolments, Final).Totals.ToDictionary(t => t.InstitutionId);

        Assert.Equal(3, totals.Count);
        Assert.Equal(new InstitutionCountTotals(voA, 2, 0, 0), totals[voA]);
        Assert.Equal(new InstitutionCountTotals(voB, 1, 0, 1), totals[voB]);
        Assert.Equal(new InstitutionCountTotals(mbo, 0, 1, 1), totals[mbo]);
        Assert.Equal(2, totals[voA].Funded);
        Assert.Equal(4, totals.Values.Sum(t => t.Funded));
    }

    [Fact]
    public void R_COUNT_7_lines_carry_the_route_so_they_can_be_grouped_per_route()
    {
        var routeA = Guid.NewGuid();
        var routeB = Guid.NewGuid();
        CountEnrolment[] enrolments =
        [
            TestData.CountEnrolment(SchoolStart, routeId: routeA, phases: Vo(SchoolStart, InAugust)),
            TestData.CountEnrolment(SchoolStart, routeId: routeA, phases: Mbo(SchoolStart, InAugust)),
            TestData.CountEnrolment(SchoolStart, routeId: routeB, phases: Vo(SchoolStart, InAugust)),
        ];

        var perRoute = FundingCount.Calculate(Year, enrolments, Final).Lines
            .GroupBy(l => l.Enrolment.RouteId)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(2, perRoute[routeA]);
        Assert.Equal(1, perRoute[routeB]);
    }

    [Fact]
    public void R_COUNT_7_each_school_year_has_its_own_count()
    {
        var vo = Guid.NewGuid();
        var mbo = Guid.NewGuid();
        var enrolment = TestData.CountEnrolment(
            new DateOnly(2024, 8, 19), entryYear: 4, vo: vo, mbo: mbo,
            phases: [Vo(new DateOnly(2024, 8, 19), TestData.Utc(2024, 8, 20)), Mbo(new DateOnly(2025, 8, 1), TestData.Utc(2025, 8, 1))]);

        var previous = Assert.Single(FundingCount.Calculate(SchoolYear.FromStartYear(2024), [enrolment], Final).Lines);
        var current = Assert.Single(FundingCount.Calculate(Year, [enrolment], Final).Lines);

        Assert.Equal(vo, previous.FundedInstitutionId);
        Assert.Equal(mbo, current.FundedInstitutionId);
    }

    [Fact]
    public void R_COUNT_3_late_registration_repeating_the_counted_phase_is_not_flagged()
    {
        var line = CountSingle(TestData.CountEnrolment(
            SchoolStart, phases: [Vo(SchoolStart, InAugust), Vo(new DateOnly(2025, 9, 15), TestData.Utc(2025, 10, 20))]));

        Assert.Equal(Phase.Vo, line.Phase);
        Assert.Equal(Phase.Vo, line.PhaseKnownNow);
        Assert.Equal(CountStatus.Counted, line.Status);
    }

    [Fact]
    public void R_COUNT_3_late_registration_dated_after_the_count_date_is_not_flagged()
    {
        var line = CountSingle(TestData.CountEnrolment(
            SchoolStart, phases: [Vo(SchoolStart, InAugust), Mbo(new DateOnly(2025, 11, 1), TestData.Utc(2025, 10, 20))]));

        Assert.Equal(CountStatus.Counted, line.Status);
    }

    [Fact]
    public void R_COUNT_3_late_phase_of_a_pupil_without_phase_is_visible_as_phase_known_now()
    {
        var line = CountSingle(TestData.CountEnrolment(SchoolStart, phases: Mbo(SchoolStart, TestData.Utc(2025, 10, 5))));

        Assert.Equal(CountStatus.NoPhase, line.Status);
        Assert.Equal(Phase.Mbo, line.PhaseKnownNow);
    }
}
