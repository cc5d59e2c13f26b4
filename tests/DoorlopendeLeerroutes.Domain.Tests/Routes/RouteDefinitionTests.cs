using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Routes;

public class RouteDefinitionTests
{
    [Fact]
    public void Create_valid_continuous_route_has_no_warnings()
    {
        var result = TestData.Definition(RouteType.Continuous, MboLevel.Level3, [Track.KB, Track.GL]);

        AssertResult.Succeeds(result);
        Assert.Empty(result.Warnings);
        Assert.Equal("25180", result.Value.Crebo!.Value);
        Assert.Null(result.Value.TrainingDomain);
        Assert.Equal(RouteSector.Techniek, result.Value.Sector);
    }

    [Fact]
    public void Create_without_tracks_is_rejected()
    {
        AssertResult.FailsOnly(TestData.Definition(tracks: []), "route.tracks.required");
    }

    [Theory]
    [InlineData(RouteType.Continuous)]
    [InlineData(RouteType.Integrated)]
    public void R_ROUTE_2_Entree_is_never_allowed_for_either_type(RouteType type)
    {
        var result = TestData.Definition(type, MboLevel.Entree, [Track.BB]);

        AssertResult.FailsOnly(result, "route.level.entree");
    }

    [Theory]
    [InlineData(MboLevel.Level2)]
    [InlineData(MboLevel.Level3)]
    [InlineData(MboLevel.Level4)]
    public void R_ROUTE_2_continuous_route_leads_to_level_2_3_or_4(MboLevel level)
    {
        AssertResult.Succeeds(TestData.Definition(RouteType.Continuous, level, [Track.KB]));
    }

    [Fact]
    public void R_ROUTE_2_unknown_level_is_rejected()
    {
        AssertResult.FailsOnly(TestData.Definition(level: (MboLevel)5), "route.level.invalid");
    }

    [Fact]
    public void R_ROUTE_3_integrated_route_from_BB_to_level_2_is_valid()
    {
        var result = TestData.Definition(RouteType.Integrated, MboLevel.Level2, [Track.BB]);

        AssertResult.Succeeds(result);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData(Track.GL)]
    [InlineData(Track.TL)]
    public void R_ROUTE_3_integrated_route_from_other_track_than_BB_is_rejected(Track track)
    {
        var result = TestData.Definition(RouteType.Integrated, MboLevel.Level2, [track]);

        AssertResult.FailsOnly(result, "route.integrated.requires_bb");
    }

    [Fact]
    public void R_ROUTE_3_integrated_route_from_KB_is_rejected()
    {
        AssertResult.Fails(TestData.Definition(RouteType.Integrated, MboLevel.Level2, [Track.KB]), "route.integrated.requires_bb");
    }

    [Fact]
    public void R_ROUTE_3_integrated_route_from_BB_and_KB_is_rejected()
    {
        var result = TestData.Definition(RouteType.Integrated, MboLevel.Level2, [Track.BB, Track.KB]);

        AssertResult.FailsOnly(result, "route.integrated.requires_bb");
    }

    [Theory]
    [InlineData(MboLevel.Level3)]
    [InlineData(MboLevel.Level4)]
    public void R_ROUTE_3_integrated_route_to_level_3_or_4_is_rejected(MboLevel level)
    {
        var result = TestData.Definition(RouteType.Integrated, level, [Track.BB]);

        AssertResult.FailsOnly(result, "route.integrated.requires_level_2");
    }

    [Theory]
    [InlineData(Track.BB)]
    [InlineData(Track.KB)]
    [InlineData(Track.GL)]
    [InlineData(Track.TL)]
    public void R_ROUTE_4_continuous_route_may_start_from_any_track(Track track)
    {
        AssertResult.Succeeds(TestData.Definition(RouteType.Continuous, MboLevel.Level2, [track]));
    }

    [Theory]
    [InlineData(MboLevel.Level3)]
    [InlineData(MboLevel.Level4)]
    public void R_ROUTE_4_continuous_route_from_BB_to_higher_level_is_allowed_with_warning(MboLevel level)
    {
        var result = TestData.Definition(RouteType.Continuous, level, [Track.BB]);

        AssertResult.Succeeds(result);
        AssertResult.HasWarning(result, "route.continuous.bb_to_higher_level");
        Assert.Contains(result.Value.Warnings, w => w.Code == "route.continuous.bb_to_higher_level");
    }

    [Fact]
    public void R_ROUTE_4_BB_to_level_2_gives_no_warning()
    {
        var result = TestData.Definition(RouteType.Continuous, MboLevel.Level2, [Track.BB]);

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void R_ROUTE_4_KB_to_level_4_gives_no_warning()
    {
        var result = TestData.Definition(RouteType.Continuous, MboLevel.Level4, [Track.KB, Track.GL, Track.TL]);

        AssertResult.Succeeds(result);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void R_ROUTE_5_pupils_enter_in_leerjaar_3_or_4(int entryYear)
    {
        var result = TestData.Definition(entryYear: entryYear);

        AssertResult.Succeeds(result);
        Assert.Equal(entryYear, result.Value.EntryYear);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void R_ROUTE_5_other_leerjaar_is_rejected(int entryYear)
    {
        AssertResult.FailsOnly(TestData.Definition(entryYear: entryYear), "route.entry_year.invalid");
    }

    [Fact]
    public void R_ROUTE_5_leerjaar_5_is_rejected()
    {
        AssertResult.Fails(TestData.Definition(entryYear: 5), "route.entry_year.invalid");
    }

    [Theory]
    [InlineData("25180", "25180")]
    [InlineData(" 25180 ", "25180")]
    [InlineData("01234", "01234")]
    public void R_ROUTE_6_crebo_of_exactly_five_digits_is_accepted(string input, string expected)
    {
        Assert.Equal(expected, Crebo.Create(input).Value);
        Assert.Equal(expected, TestData.Definition(crebo: input).Value.Crebo!.Value);
    }

    [Theory]
    [InlineData("2518")]
    [InlineData("251800")]
    [InlineData("25l80")]
    [InlineData("25 80")]
    [InlineData("-2518")]
    public void R_ROUTE_6_crebo_not_five_digits_is_rejected(string input)
    {
        Assert.False(Crebo.TryCreate(input, out _));
        Assert.Equal("route.crebo.invalid", Assert.Throws<DomainException>(() => Crebo.Create(input)).Error.Code);
        AssertResult.FailsOnly(TestData.Definition(crebo: input), "route.crebo.invalid");
    }

    [Fact]
    public void Create_with_training_domain_instead_of_crebo_is_valid()
    {
        var result = TestData.Definition(crebo: null, trainingDomain: "  Techniek en procesindustrie ");

        AssertResult.Succeeds(result);
        Assert.Null(result.Value.Crebo);
        Assert.Equal("Techniek en procesindustrie", result.Value.TrainingDomain);
    }

    [Fact]
    public void Create_with_both_crebo_and_training_domain_is_rejected()
    {
        AssertResult.FailsOnly(TestData.Definition(crebo: "25180", trainingDomain: "Techniek"), "route.target.both");
    }

    [Fact]
    public void Create_without_crebo_or_training_domain_is_rejected()
    {
        AssertResult.FailsOnly(TestData.Definition(crebo: " ", trainingDomain: null), "route.target.required");
    }

    [Fact]
    public void Create_with_unknown_type_profile_and_location_reports_each()
    {
        var result = TestData.Definition(
            type: (RouteType)9, profile: (VmboProfile)11, location: (TeachingLocation)0);

        Assert.Equal(
            ["route.type.invalid", "route.profile.invalid", "route.location.invalid"],
            result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("DLR", RouteType.Continuous)]
    [InlineData("doorlopende leerroute", RouteType.Continuous)]
    [InlineData("GLR", RouteType.Integrated)]
    [InlineData("Geïntegreerde leerroute", RouteType.Integrated)]
    [InlineData("geintegreerd", RouteType.Integrated)]
    public void RouteTypes_Parse_reads_the_two_route_types(string input, RouteType expected)
    {
        var result = RouteTypes.Parse(input);

        AssertResult.Succeeds(result);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("vakmanschaproute")]
    [InlineData("Technologieroute")]
    [InlineData(" beroepsroute ")]
    [InlineData("Vakmanschaproute (experiment 2014)")]
    public void R_ROUTE_13_experimental_routes_cannot_be_registered_as_a_type(string input)
    {
        AssertResult.FailsOnly(RouteTypes.Parse(input), "route.type.experimental");
    }

    [Fact]
    public void R_AGR_5_work_based_track_is_not_blocked_but_needs_its_own_agreement()
    {
        var result = TestData.Definition(includesWorkBasedTrack: true);

        AssertResult.Succeeds(result);
        AssertResult.HasWarning(result, "route.lwt.own_agreement");
        AssertResult.HasNoWarning(result, "route.lwt.integrated_disputed");
    }

    [Fact]
    public void R_AGR_5_work_based_track_in_integrated_route_is_allowed_with_a_notice()
    {
        var result = TestData.Definition(RouteType.Integrated, MboLevel.Level2, [Track.BB], includesWorkBasedTrack: true);

        AssertResult.Succeeds(result);
        AssertResult.HasWarning(result, "route.lwt.integrated_disputed");
        AssertResult.HasWarning(result, "route.lwt.own_agreement");
    }
}
