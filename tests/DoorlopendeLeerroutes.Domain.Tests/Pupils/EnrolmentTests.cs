using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Pupils;

public class EnrolmentTests
{
    private static readonly DateOnly SchoolStart = new(2025, 8, 1);

    private static Result<Enrolment> Start(
        TestRoute t, DateOnly start, Pupil? pupil = null, IEnumerable<Enrolment>? others = null, Actor? actor = null,
        Guid? vo = null, Guid? mbo = null, DateOnly? today = null) =>
        Enrolment.Start(
            pupil ?? TestData.NewPupil(), t.Route, vo ?? t.VoSchool.Id, mbo ?? t.MboCollege.Id, start, others ?? [],
            actor ?? t.VoCoordinator, today ?? TestData.Today);

    private static TestRoute RouteIn(string stage)
    {
        var t = TestRoute.Draft();
        switch (stage)
        {
            case "draft":
                return t;
            case "submitted":
                return t.WithAgreement().ConfirmedByAll().Submitted();
            case "rejected":
                t.WithAgreement().ConfirmedByAll().Submitted();
                TestData.Ok(t.Route.Reject(t.Administrator, "Overstapoptie ontbreekt.", TestData.RegisteredAt));
                return t;
            case "ended":
                t.WithAgreement().ConfirmedByAll().Submitted().Register();
                TestData.Ok(t.Route.End(t.Administrator, new DateOnly(2026, 7, 31), "Route stopt.", 0, TestData.RegisteredAt));
                return t;
            case "superseded":
                t.WithAgreement().ConfirmedByAll().Submitted().Register();
                var next = TestData.Ok(t.Route.StartNewVersion(t.VoCoordinator, TestData.RegisteredAt));
                t.ConfirmAll(next);
                TestData.Ok(next.Submit(t.VoCoordinator, TestData.RegisteredAt));
                TestData.Ok(next.Register(t.Administrator, TestData.RegisteredAt, t.Route));
                return t;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, null);
        }
    }

    [Fact]
    public void R_PUPIL_2_enrolment_in_a_registered_route_from_its_first_day_succeeds()
    {
        var t = TestRoute.Registered();
        var pupil = TestData.NewPupil();

        var result = Start(t, SchoolStart, pupil);

        AssertResult.Succeeds(result);
        var enrolment = result.Value;
        Assert.Equal(pupil.Id, enrolment.PupilId);
        Assert.Equal(t.Route.Id, enrolment.RouteId);
        Assert.Equal(t.VoSchool.Id, enrolment.VoInstitutionId);
        Assert.Equal(t.MboCollege.Id, enrolment.MboInstitutionId);
        Assert.Equal(SchoolStart, enrolment.StartDate);
        Assert.Null(enrolment.EndDate);
        Assert.Empty(enrolment.Phases);
        Assert.True(enrolment.IsActiveOn(new DateOnly(2030, 1, 1)));
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("submitted")]
    [InlineData("rejected")]
    [InlineData("ended")]
    [InlineData("superseded")]
    public void R_PUPIL_2_enrolment_in_a_non_registered_route_is_refused(string stage)
    {
        var t = RouteIn(stage);

        AssertResult.FailsOnly(Start(t, new DateOnly(2025, 9, 1)), "enrolment.route_not_registered");
    }

    [Fact]
    public void R_PUPIL_2_start_before_the_first_school_year_is_refused()
    {
        var t = TestRoute.Registered();

        AssertResult.FailsOnly(Start(t, new DateOnly(2025, 7, 31)), "enrolment.start_before_route");
    }

    [Fact]
    public void R_PUPIL_2_pupil_already_active_in_a_route_cannot_enrol_again()
    {
        var t = TestRoute.Registered();
        var other = TestRoute.Registered();
        var pupil = TestData.NewPupil();
        var first = TestData.Enrol(t, SchoolStart, pupil);

        AssertResult.FailsOnly(Start(other, new DateOnly(2026, 2, 1), pupil, [first], other.VoCoordinator), "enrolment.already_active");
    }

    [Fact]
    public void R_PUPIL_2_new_enrolment_may_start_the_day_after_the_previous_one_ended()
    {
        var t = TestRoute.Registered();
        var pupil = TestData.NewPupil();
        var first = TestData.Enrol(t, SchoolStart, pupil);
        TestData.Ok(first.End(new DateOnly(2025, 9, 30), EnrolmentOutcome.TransferOption, null, t.VoCoordinator));

        AssertResult.FailsOnly(Start(t, new DateOnly(2025, 9, 30), pupil, [first]), "enrolment.already_active");
        AssertResult.Succeeds(Start(t, new DateOnly(2025, 10, 1), pupil, [first]));
    }

    [Fact]
    public void R_PUPIL_2_institutions_must_be_partners_in_their_own_sector()
    {
        var t = TestRoute.Registered();

        var swapped = Start(t, SchoolStart, vo: t.MboCollege.Id, mbo: t.VoSchool.Id);

        Assert.Equal(["enrolment.vo_not_partner", "enrolment.mbo_not_partner"], swapped.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Enrolment_by_coordinator_of_another_institution_is_refused()
    {
        var t = TestRoute.Registered();
        var outsider = TestData.VoSchool("09ZZ", "49999");

        AssertResult.FailsOnly(Start(t, SchoolStart, actor: TestData.CoordinatorOf(outsider)), "enrolment.own_institution_only");
    }

    [Fact]
    public void Enrolment_by_viewer_or_administrator_is_refused()
    {
        var t = TestRoute.Registered();

        Assert.True(Start(t, SchoolStart, actor: t.VoViewer).IsFailure);
        Assert.True(Start(t, SchoolStart, actor: t.Administrator).IsFailure);
    }

    [Fact]
    public void Enrolment_of_pupil_younger_than_10_is_refused()
    {
        var t = TestRoute.Registered();
        var child = TestData.NewPupil(birthDate: new DateOnly(2016, 1, 1));

        AssertResult.FailsOnly(Start(t, SchoolStart, child), "pupil.age.out_of_range");
    }

    [Fact]
    public void R_PUPIL_3_pupil_may_start_during_the_school_year()
    {
        var t = TestRoute.Registered();
        var start = new DateOnly(2026, 1, 15);

        var enrolment = TestData.Ok(Start(t, start));

        Assert.Equal(start, enrolment.StartDate);
        Assert.False(enrolment.IsActiveOn(new DateOnly(2026, 1, 14)));
        Assert.True(enrolment.IsActiveOn(start));
        AssertResult.Succeeds(enrolment.RecordPhase(Phase.Vo, start, t.VoCoordinator, TestData.Utc(2026, 1, 15)));
    }

    [Theory]
    [InlineData(EnrolmentOutcome.Completed)]
    [InlineData(EnrolmentOutcome.TransferOption)]
    [InlineData(EnrolmentOutcome.Moved)]
    public void R_PUPIL_7_ending_needs_an_end_date_and_an_outcome(EnrolmentOutcome outcome)
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);

        AssertResult.Succeeds(enrolment.End(new DateOnly(2027, 7, 15), outcome, null, t.MboCoordinator));

        Assert.Equal(new DateOnly(2027, 7, 15), enrolment.EndDate);
        Assert.Equal(outcome, enrolment.Outcome);
        Assert.True(enrolment.IsActiveOn(new DateOnly(2027, 7, 15)));
        Assert.False(enrolment.IsActiveOn(new DateOnly(2027, 7, 16)));
    }

    [Fact]
    public void R_PUPIL_7_outcome_other_needs_an_explanation()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);

        AssertResult.FailsOnly(enrolment.End(new DateOnly(2026, 3, 1), EnrolmentOutcome.Other, "  ", t.VoCoordinator), "enrolment.end.note_required");
        Assert.Null(enrolment.EndDate);

        AssertResult.Succeeds(enrolment.End(new DateOnly(2026, 3, 1), EnrolmentOutcome.Other, " Naar het buitenland ", t.VoCoordinator));
        Assert.Equal("Naar het buitenland", enrolment.OutcomeNote);
    }

    [Fact]
    public void R_PUPIL_7_explanation_longer_than_500_is_refused()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);

        AssertResult.FailsOnly(
            enrolment.End(new DateOnly(2026, 3, 1), EnrolmentOutcome.Other, new string('x', 501), t.VoCoordinator),
            "enrolment.end.note_too_long");
    }

    [Fact]
    public void R_PUPIL_7_unknown_outcome_is_refused()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);

        AssertResult.FailsOnly(enrolment.End(new DateOnly(2026, 3, 1), (EnrolmentOutcome)0, null, t.VoCoordinator), "enrolment.end.outcome_required");
    }

    [Fact]
    public void R_PUPIL_7_end_before_start_is_refused()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);

        AssertResult.FailsOnly(enrolment.End(new DateOnly(2025, 7, 31), EnrolmentOutcome.Moved, null, t.VoCoordinator), "enrolment.end.before_start");
    }

    [Fact]
    public void R_PUPIL_7_ending_twice_is_refused()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);
        TestData.Ok(enrolment.End(new DateOnly(2026, 3, 1), EnrolmentOutcome.Moved, null, t.VoCoordinator));

        AssertResult.FailsOnly(enrolment.End(new DateOnly(2026, 4, 1), EnrolmentOutcome.Completed, null, t.VoCoordinator), "enrolment.end.already");
        Assert.Equal(new DateOnly(2026, 3, 1), enrolment.EndDate);
    }

    [Fact]
    public void R_PUPIL_7_viewer_cannot_end_an_enrolment()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, SchoolStart);

        AssertResult.FailsOnly(enrolment.End(new DateOnly(2026, 3, 1), EnrolmentOutcome.Moved, null, t.VoViewer), "access.read_only");
    }

    [Fact]
    public void R_MON_3_leerweg_must_be_one_of_the_routes_and_can_be_cleared()
    {
        var t = TestRoute.Registered(TestData.ValidDefinition(tracks: [Track.KB, Track.GL]));
        var enrolment = TestData.Enrol(t, TestData.FirstSchoolYear.FirstDay);

        AssertResult.Succeeds(enrolment.SetTrack(Track.GL, t.Route, t.MboCoordinator));
        Assert.Equal(Track.GL, enrolment.Track);

        AssertResult.FailsOnly(enrolment.SetTrack(Track.BB, t.Route, t.VoCoordinator), "enrolment.track.not_in_route");
        Assert.Equal(Track.GL, enrolment.Track);

        AssertResult.Succeeds(enrolment.SetTrack(null, t.Route, t.VoCoordinator));
        Assert.Null(enrolment.Track);
    }

    [Fact]
    public void R_MON_3_only_a_coordinator_of_the_pupils_own_schools_sets_the_leerweg()
    {
        var t = TestRoute.Registered(TestData.ValidDefinition(tracks: [Track.KB, Track.GL]));
        var enrolment = TestData.Enrol(t, TestData.FirstSchoolYear.FirstDay);

        Assert.True(enrolment.SetTrack(Track.KB, t.Route, t.VoViewer).IsFailure);
        Assert.True(enrolment.SetTrack(Track.KB, t.Route, t.Administrator).IsFailure);
        Assert.True(enrolment.SetTrack(Track.KB, t.Route, TestData.CoordinatorOf(TestData.VoSchool("21CD", "52345"))).IsFailure);
        Assert.Null(enrolment.Track);
    }
}
