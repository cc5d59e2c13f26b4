using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Domain.Tests.Institutions;

/// <summary>R-MON-1: an institution's gemeente, provincie and RMC-regio.</summary>
public sealed class InstitutionPlaceTests
{
    [Fact]
    public void R_MON_1_place_is_kept_trimmed_and_an_empty_rmc_region_is_none()
    {
        var institution = TestData.VoSchool();

        AssertResult.Succeeds(institution.SetPlace("  Culemborg ", Province.Gelderland, "  "));

        Assert.Equal("Culemborg", institution.Municipality);
        Assert.Equal(Province.Gelderland, institution.Province);
        Assert.Null(institution.RmcRegion);
    }

    [Fact]
    public void R_MON_1_gemeente_and_a_real_province_are_required_and_nothing_changes_on_a_refusal()
    {
        var institution = TestData.VoSchool();
        AssertResult.Succeeds(institution.SetPlace("Tiel", Province.Gelderland, "Rivierenland"));

        var result = institution.SetPlace(" ", (Province)13, new string('x', Institution.MaxPlaceLength + 1));

        AssertResult.Fails(result, "institution.municipality.required");
        AssertResult.Fails(result, "institution.province.invalid");
        AssertResult.Fails(result, "institution.rmc_region.too_long");
        Assert.Equal(("Tiel", Province.Gelderland, "Rivierenland"), (institution.Municipality, institution.Province, institution.RmcRegion));
        Assert.Null(TestData.VoSchool().Province); // an institution recorded before has no place yet
    }

    [Theory]
    [InlineData("Noord-Holland", Province.NoordHolland)]
    [InlineData("noord holland", Province.NoordHolland)]
    [InlineData(" ZUID-HOLLAND ", Province.ZuidHolland)]
    [InlineData("Fryslân", Province.Fryslan)]
    [InlineData("Fryslan", Province.Fryslan)]
    [InlineData("Friesland", Province.Fryslan)]
    [InlineData("noord-brabant", Province.NoordBrabant)]
    public void R_MON_1_a_province_is_read_by_its_name_ignoring_case_accents_spaces_and_hyphens(string text, Province expected)
    {
        Assert.True(Provinces.TryParse(text, out var province));
        Assert.Equal(expected, province);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Holland")]
    [InlineData("Brabant")]
    [InlineData("12")]
    public void R_MON_1_anything_but_one_of_the_twelve_provinces_is_refused(string? text) =>
        Assert.False(Provinces.TryParse(text, out _));

    [Fact]
    public void R_MON_1_there_are_twelve_provinces_each_with_its_own_dutch_name() =>
        Assert.Equal(12, Provinces.All.Select(Provinces.Name).Distinct().Count());
}
