using DoorlopendeLeerroutes.Application.RouteFinder;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Web.Tests.RouteFinder;

/// <summary>R-MON-2 without the app: the grouping per province, the filters on a constructed set, the link's round trip.</summary>
public sealed class RouteFinderQueryTests
{
    private static readonly PublicPartner Arnhem = new("Vmbo Arnhem", Sector.Vo, "Arnhem", Province.Gelderland, "Midden-Gelderland");
    private static readonly PublicPartner Utrecht = new("ROC Utrecht", Sector.Mbo, "Utrecht", Province.Utrecht, "Utrecht");
    private static readonly PublicPartner Zwolle = new("Vmbo Zwolle", Sector.Vo, "Zwolle", Province.Overijssel, "IJssel-Vecht");
    private static readonly PublicPartner Deventer = new("ROC Deventer", Sector.Mbo, "Deventer", Province.Overijssel, "Stedendriehoek");
    private static readonly PublicPartner Nowhere = new("Vmbo Zonder Plaats", Sector.Vo, null, null, null);

    private static readonly PublicRouteSet Set = new(
    [
        Route("LR-1", "Over de grens", VmboProfile.ZorgWelzijn, MboLevel.Level3, RouteType.Continuous, Arnhem, Utrecht),
        Route("LR-2", "Binnen Overijssel", VmboProfile.Groen, MboLevel.Level2, RouteType.Integrated, Zwolle, Deventer),
        Route("LR-3", "Zonder plaats", VmboProfile.MediaVormgevingIct, MboLevel.Level4, RouteType.Continuous, Nowhere, Deventer),
    ], DateTime.UnixEpoch);

    [Fact]
    public void R_MON_2_a_route_counts_in_every_province_of_its_partners_and_once_in_the_total()
    {
        var result = FindRoutes.Find(Set, new RouteFinderRequest(new RouteFinderFilter(), []));

        Assert.Equal(3, result.Total);
        Assert.Equal([Province.Overijssel, Province.Gelderland, Province.Utrecht], result.Groups.Select(g => g.Province!.Value));
        Assert.Equal(["LR-2", "LR-3"], result.Groups[0].Routes.Select(r => r.Code));
        var counts = result.CountsPerProvince.ToDictionary(c => c.Province ?? (Province)0, c => c.Routes);
        Assert.Equal(12, counts.Count);
        Assert.Equal(2, counts[Province.Overijssel]);
        Assert.Equal(1, counts[Province.Gelderland]);
        Assert.Equal(1, counts[Province.Utrecht]);
        Assert.Equal(0, counts[Province.Limburg]);
    }

    [Fact]
    public void R_MON_2_a_place_filter_matches_when_any_partner_lies_there_and_groups_by_the_matching_partners()
    {
        var utrecht = FindRoutes.Find(Set, new RouteFinderRequest(new RouteFinderFilter(Province: Province.Utrecht), []));
        var region = FindRoutes.Find(Set, new RouteFinderRequest(new RouteFinderFilter(RmcRegion: "stedendriehoek"), []));

        Assert.Equal(["LR-1"], utrecht.Groups.Single().Routes.Select(r => r.Code));
        Assert.Equal(Province.Utrecht, utrecht.Groups.Single().Province);
        Assert.Equal(["LR-2", "LR-3"], region.Groups.Single().Routes.Select(r => r.Code));
    }

    [Fact]
    public void R_MON_2_routes_without_a_known_place_are_grouped_as_unknown()
    {
        var set = new PublicRouteSet([Route("LR-9", "Nergens", VmboProfile.Groen, MboLevel.Level2, RouteType.Integrated, Nowhere)], DateTime.UnixEpoch);

        var result = FindRoutes.Find(set, new RouteFinderRequest(new RouteFinderFilter(), []));

        Assert.Null(result.Groups.Single().Province);
        Assert.Equal((null, 1), result.CountsPerProvince[^1]);
    }

    [Theory]
    [InlineData("profiel", "groen", "LR-2")]
    [InlineData("niveau", "4", "LR-3")]
    [InlineData("type", "glr", "LR-2")]
    [InlineData("sector", "techniek", "LR-3")]
    [InlineData("sector", "zorg-en-welzijn", "LR-1")]
    [InlineData("zoek", "ARNHEM", "LR-1")]
    [InlineData("zoek", "roc utrecht", "LR-1")]
    [InlineData("zoek", "zonder plaats", "LR-3")]
    public void R_MON_2_each_filter_on_a_constructed_set(string key, string value, string expected)
    {
        var request = RouteFinderLink.Read(k => k == key ? value : null, Set.RmcRegions);

        var result = FindRoutes.Find(Set, request);

        Assert.Empty(request.Notes);
        Assert.Equal([expected], result.Groups.SelectMany(g => g.Routes).Select(r => r.Code).Distinct());
    }

    public static TheoryData<RouteFinderFilter> Filters() =>
    [
        new RouteFinderFilter(),
        new RouteFinderFilter(Province: Province.Fryslan, Level: MboLevel.Level2),
        new RouteFinderFilter(Province: Province.NoordHolland, RmcRegion: "IJssel-Vecht", Profile: VmboProfile.DienstverleningProducten,
            Level: MboLevel.Level4, Type: RouteType.Integrated, Sector: RouteSector.OverigBreed, Search: "'s-Hertogenbosch & Zoë"),
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public void R_MON_2_the_link_reads_back_as_the_same_filter(RouteFinderFilter filter)
    {
        var link = RouteFinderLink.For(filter);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Contains('?', StringComparison.Ordinal) ? link[link.IndexOf('?', StringComparison.Ordinal)..] : string.Empty);

        var read = RouteFinderLink.Read(key => query.TryGetValue(key, out var v) ? v[0] : null, Set.RmcRegions);

        Assert.StartsWith(RouteFinderLink.Path, link, StringComparison.Ordinal);
        Assert.Empty(read.Notes);
        Assert.Equal(filter, read.Filter);
    }

    private static PublicRoute Route(
        string code, string name, VmboProfile profile, MboLevel level, RouteType type, params PublicPartner[] partners) =>
        new(code, name, type, profile, level, "25491", null, SchoolYear.FromStartYear(2025), partners);
}
