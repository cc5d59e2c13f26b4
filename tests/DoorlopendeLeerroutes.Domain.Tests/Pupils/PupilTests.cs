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
}
