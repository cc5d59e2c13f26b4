using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Common;

/// <summary>
/// R-PRIV-4 where the domain accepts names and free text, and plausible start dates: every door (form, import, API) goes
/// through these methods, so these tests cover them all.
/// </summary>
public class InputHygieneTests
{
    private const string Rlo = "\u202E"; // right-to-left override: "Jan\u202Enesnaj" shows as "Janjansen"
    private const string Zwsp = "\u200B"; // zero-width space: "Jan\u200Bsen" looks like "Jansen"

    [Fact]
    public void R_PRIV_4_Pupil_Create_refuses_a_bidi_override_or_zero_width_character_in_each_name_part()
    {
        var result = Pupil.Create(TestData.ValidBsn, "Jan" + Rlo + "sen", "van" + Zwsp, "Sanne\t", TestData.BirthDate);

        Assert.Equal(
            ["pupil.last_name.not_printable", "pupil.prefix.not_printable"],
            result.Errors.Select(e => e.Code));
        Assert.Contains("(U+202E)", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Het tussenvoegsel bevat", result.Errors[1].Message, StringComparison.Ordinal);

        // A tab inside a first name (not at its end, where it is trimmed off) is refused too.
        AssertResult.FailsOnly(
            Pupil.Create(TestData.ValidBsn, "Jansen", null, "San\tne", TestData.BirthDate), "pupil.first_name.not_printable");
    }

    [Theory]
    [InlineData("Çelik", null, "Ayşe")]
    [InlineData("Ñúñez", null, "José")]
    [InlineData("Hondt", "d'", "Els")]
    [InlineData("O’Neill", null, "Siobhán")]
    [InlineData("Berg", "van der", "Jan-Willem")]
    [InlineData("Øyvind", null, "Åse")]
    public void R_PRIV_4_Pupil_Create_accepts_names_with_diacritics_apostrophes_and_hyphens(string lastName, string? prefix, string firstName)
    {
        var pupil = TestData.Ok(Pupil.Create(TestData.ValidBsn, lastName, prefix, firstName, TestData.BirthDate));

        Assert.Equal(lastName, pupil.LastName);
    }

    [Fact]
    public void R_PRIV_4_Pupil_CorrectDetails_refuses_an_invisible_character_and_keeps_the_old_name()
    {
        var pupil = TestData.NewPupil();

        AssertResult.FailsOnly(
            pupil.CorrectDetails("Berg" + Zwsp, "van der", "Jan", TestData.BirthDate), "pupil.last_name.not_printable");
        Assert.Equal("Berg", pupil.LastName);
    }

    [Fact]
    public void R_PRIV_4_route_name_and_training_domain_are_printable_text()
    {
        AssertResult.FailsOnly(TestData.Definition(name: "Techniek" + Rlo + "vmbo"), "route.name.not_printable");
        AssertResult.FailsOnly(
            TestData.Definition(crebo: null, trainingDomain: "Zorg\u0000en welzijn"), "route.training_domain.not_printable");
        AssertResult.Succeeds(TestData.Definition(name: "Zorg & welzijn – Ede/Wageningen (BOL’s)"));
    }

    [Fact]
    public void R_PRIV_4_a_rejection_reason_may_have_several_lines_but_no_bidi_override()
    {
        var refused = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();
        var accepted = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();

        AssertResult.FailsOnly(
            refused.Route.Reject(refused.Administrator, "De overstapoptie " + Rlo + "ontbreekt.", TestData.RegisteredAt),
            "route.reason.not_printable");
        Assert.Equal(RouteStatus.Submitted, refused.Route.Status);

        AssertResult.Succeeds(accepted.Route.Reject(
            accepted.Administrator, "De overstapoptie ontbreekt.\r\nVoeg pagina 3 toe.", TestData.RegisteredAt));
        Assert.Equal("De overstapoptie ontbreekt.\r\nVoeg pagina 3 toe.", accepted.Route.RejectionReason);
    }

    [Fact]
    public void R_PRIV_4_an_end_reason_with_a_zero_width_character_is_refused()
    {
        var t = TestRoute.Registered();

        AssertResult.FailsOnly(
            t.Route.End(t.Administrator, new DateOnly(2026, 7, 31), "Route" + Zwsp + " stopt.", 0, TestData.RegisteredAt),
            "route.reason.not_printable");
        Assert.Equal(RouteStatus.Registered, t.Route.Status);
    }

    [Fact]
    public void R_PRIV_4_the_explanation_of_outcome_other_is_printable_text()
    {
        var t = TestRoute.Registered();
        var enrolment = TestData.Enrol(t, new DateOnly(2025, 9, 1));

        AssertResult.FailsOnly(
            enrolment.End(new DateOnly(2026, 3, 1), EnrolmentOutcome.Other, "Naar het\u2066 buitenland", t.VoCoordinator),
            "enrolment.end.note.not_printable");
        Assert.Null(enrolment.EndDate);
    }

    [Fact]
    public void R_PRIV_4_institution_and_board_names_are_printable_text()
    {
        var result = Institution.Create("05KO", "Vmbo De Brug\u200D", Sector.Vo, "41234", "Stichting\u202B De Brug");

        Assert.Equal(["institution.name.not_printable", "institution.board_name.not_printable"], result.Errors.Select(e => e.Code));
        AssertResult.Succeeds(Institution.Create("05KO", "Çağlayan College – ’s-Hertogenbosch", Sector.Vo, "41234", "Stichting Ñ"));
    }

    [Fact]
    public void R_PRIV_4_a_start_date_at_most_2_school_years_ahead_is_accepted_and_a_day_later_refused()
    {
        // Today is 1 October 2025, in school year 2025-2026: 2026-2027 and 2027-2028 are the two years ahead.
        var t = TestRoute.Registered();
        var latest = new DateOnly(2028, 7, 31);

        Assert.Equal(latest, Enrolment.LatestStart(TestData.Today));
        AssertResult.Succeeds(Enrolment.Start(
            TestData.NewPupil(birthDate: new DateOnly(2013, 1, 1)), t.Route, t.VoSchool.Id, t.MboCollege.Id, latest, [],
            t.VoCoordinator, TestData.Today));

        var refused = Enrolment.Start(
            TestData.NewPupil(birthDate: new DateOnly(2013, 1, 1)), t.Route, t.VoSchool.Id, t.MboCollege.Id, latest.AddDays(1), [],
            t.VoCoordinator, TestData.Today);

        AssertResult.FailsOnly(refused, "enrolment.start_too_far_ahead");
        Assert.Equal(
            "De startdatum ligt meer dan 2 schooljaren in de toekomst (uiterlijk 31-07-2028). Controleer het jaar.",
            refused.Errors[0].Message);
    }

    [Theory]
    [InlineData("2025-07-31", "2027-07-31")] // the last day of 2024-2025
    [InlineData("2025-08-01", "2028-07-31")] // the first day of 2025-2026
    [InlineData("2026-07-31", "2028-07-31")] // the last day of 2025-2026
    public void R_PRIV_4_the_latest_start_is_the_end_of_the_second_school_year_after_the_current_one(string today, string latest) =>
        Assert.Equal(
            DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture),
            Enrolment.LatestStart(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void R_PRIV_4_a_typing_error_in_the_start_year_is_refused_with_the_plausibility_message()
    {
        var t = TestRoute.Registered();

        var result = Enrolment.Start(
            TestData.NewPupil(), t.Route, t.VoSchool.Id, t.MboCollege.Id, new DateOnly(2205, 9, 1), [], t.VoCoordinator,
            TestData.Today);

        AssertResult.Fails(result, "enrolment.start_too_far_ahead");
    }
}
