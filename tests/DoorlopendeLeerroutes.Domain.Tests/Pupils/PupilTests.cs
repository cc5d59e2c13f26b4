using DoorlopendeLeerroutes.Domain.Pupils;

namespace DoorlopendeLeerroutes.Domain.Tests.Pupils;

public class PupilTests
{
    [Fact]
    public void Create_valid_pupil_trims_names_and_builds_full_name()
    {
        var result = Pupil.Create(" 111222333 ", " Berg ", " van der ", " Jan ", new DateOnly(2010, 5, 1));

        AssertResult.Succeeds(result);
        var pupil = result.Value;
        Assert.Equal("Jan van der Berg", pupil.FullName);
        Assert.Equal("111222333", pupil.Number.Value);
    }

    [Fact]
    public void Create_without_prefix_has_no_double_space()
    {
        var pupil = TestData.Ok(Pupil.Create("111222333", "Jansen", "  ", "Fatima", new DateOnly(2010, 5, 1)));

        Assert.Null(pupil.Prefix);
        Assert.Equal("Fatima Jansen", pupil.FullName);
    }

    [Fact]
    public void R_PUPIL_1_Create_with_invalid_number_reports_the_number_check()
    {
        var result = Pupil.Create("111222334", "Berg", null, "Jan", new DateOnly(2010, 5, 1));

        AssertResult.FailsOnly(result, "pupil.number.bsn_elfproef");
    }

    [Fact]
    public void Create_without_names_reports_both()
    {
        var result = Pupil.Create("111222333", " ", null, null, new DateOnly(2010, 5, 1));

        Assert.Equal(["pupil.last_name.required", "pupil.first_name.required"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void CorrectDetails_changes_name_but_not_the_number()
    {
        var pupil = TestData.NewPupil();

        AssertResult.Succeeds(pupil.CorrectDetails("Bergen", null, "Johan", new DateOnly(2010, 6, 1)));

        Assert.Equal("Johan Bergen", pupil.FullName);
        Assert.Equal("111222333", pupil.Number.Value);
        Assert.Equal(new DateOnly(2010, 6, 1), pupil.BirthDate);
    }

    [Theory]
    [InlineData(2025, 4, 30, 14)]
    [InlineData(2025, 5, 1, 15)]
    [InlineData(2025, 8, 1, 15)]
    public void AgeOn_counts_whole_years(int year, int month, int day, int expected)
    {
        Assert.Equal(expected, TestData.NewPupil().AgeOn(new DateOnly(year, month, day)));
    }
}
