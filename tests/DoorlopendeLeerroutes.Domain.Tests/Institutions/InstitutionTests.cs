using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Domain.Tests.Institutions;

public class InstitutionTests
{
    [Fact]
    public void Create_with_valid_input_trims_and_keeps_board()
    {
        var result = Institution.Create(" 05ko ", "  Vmbo De Brug ", Sector.Vo, " 41234 ", " Stichting De Brug ");

        AssertResult.Succeeds(result);
        var institution = result.Value;
        Assert.NotEqual(Guid.Empty, institution.Id);
        Assert.Equal("05KO", institution.Brin.Value);
        Assert.Equal("Vmbo De Brug", institution.Name);
        Assert.Equal(Sector.Vo, institution.Sector);
        Assert.Equal("41234", institution.BoardNumber.Value);
        Assert.Equal("Stichting De Brug", institution.BoardName);
    }

    [Fact]
    public void R_INST_1_invalid_brin_gives_brin_invalid()
    {
        var result = Institution.Create("5KO", "Vmbo De Brug", Sector.Vo, "41234", "Stichting De Brug");

        AssertResult.FailsOnly(result, "institution.brin.invalid");
    }

    [Theory]
    [InlineData(Sector.Vo)]
    [InlineData(Sector.Mbo)]
    public void R_INST_2_institution_is_vo_or_mbo(Sector sector)
    {
        var result = Institution.Create("05KO", "School", sector, "41234", "Bestuur");

        AssertResult.Succeeds(result);
        Assert.Equal(sector, result.Value.Sector);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void R_INST_2_unknown_sector_is_rejected(int sector)
    {
        var result = Institution.Create("05KO", "School", (Sector)sector, "41234", "Bestuur");

        AssertResult.FailsOnly(result, "institution.sector.invalid");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("123456")]
    [InlineData("12a45")]
    [InlineData("12 45")]
    public void R_INST_2_board_number_must_be_five_digits(string? boardNumber)
    {
        var result = Institution.Create("05KO", "School", Sector.Vo, boardNumber, "Bestuur");

        AssertResult.FailsOnly(result, "institution.board_number.invalid");
    }

    [Fact]
    public void Create_without_names_reports_every_missing_field()
    {
        var result = Institution.Create("xx", " ", (Sector)0, "1", null);

        Assert.Equal(
            ["institution.brin.invalid", "institution.name.required", "institution.sector.invalid",
             "institution.board_number.invalid", "institution.board_name.required"],
            result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Update_with_invalid_input_changes_nothing()
    {
        var institution = TestData.VoSchool();

        var result = institution.Update("05KO", "Nieuwe naam", Sector.Vo, "999", "Bestuur");

        AssertResult.Fails(result, "institution.board_number.invalid");
        Assert.Equal("Vmbo De Brug", institution.Name);
        Assert.Equal("41234", institution.BoardNumber.Value);
    }

    [Fact]
    public void Update_with_valid_input_normalises_the_brin()
    {
        var institution = TestData.VoSchool();

        AssertResult.Succeeds(institution.Update("07ab", "Nieuwe naam", Sector.Vo, "41235", "Nieuw bestuur"));

        Assert.Equal("07AB", institution.Brin.Value);
        Assert.Equal("41235", institution.BoardNumber.Value);
    }

    [Theory]
    [InlineData("05KO00", "05KO00")]
    [InlineData("05ko01", "05KO01")]
    public void SiteCode_is_brin_plus_two_digits(string input, string expected)
    {
        var site = SiteCode.Create(input);

        Assert.Equal(expected, site.Value);
        Assert.Equal(Brin.Create("05KO"), site.Brin);
    }
}
