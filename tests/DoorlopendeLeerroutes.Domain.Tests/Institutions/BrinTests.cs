using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Domain.Tests.Institutions;

public class BrinTests
{
    [Theory]
    [InlineData("05KO")]
    [InlineData("25LX")]
    [InlineData("00AA")]
    public void R_INST_1_two_digits_and_two_capitals_is_a_brin_and_keeps_leading_zeros(string input)
    {
        var ok = Brin.TryCreate(input, out var brin);

        Assert.True(ok);
        Assert.Equal(input, brin!.Value);
        Assert.Equal(input, brin.ToString());
    }

    [Theory]
    [InlineData("05ko")]
    [InlineData("05Ko")]
    [InlineData(" 05ko ")]
    public void R_INST_1_lower_case_and_surrounding_spaces_are_normalised(string input)
    {
        Assert.Equal("05KO", Brin.Create(input).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("5KO")]
    [InlineData("005KO")]
    [InlineData("05KOO")]
    [InlineData("05K0")]
    [InlineData("AB12")]
    [InlineData("0AKO")]
    [InlineData("05 KO")]
    [InlineData("05-K")]
    [InlineData("０５KO")]
    public void R_INST_1_anything_else_is_rejected_with_brin_invalid(string? input)
    {
        Assert.False(Brin.TryCreate(input, out var brin));
        Assert.Null(brin);

        var ex = Assert.Throws<DomainException>(() => Brin.Create(input));
        Assert.Equal("institution.brin.invalid", ex.Error.Code);
    }

    [Fact]
    public void R_INST_3_brin_is_the_unique_key_so_05ko_and_05KO_are_the_same()
    {
        var lower = Brin.Create("05ko");
        var upper = Brin.Create("05KO");

        Assert.Equal(upper, lower);
        Assert.Equal(upper.GetHashCode(), lower.GetHashCode());
        Assert.Single(new HashSet<Brin> { lower, upper });
        Assert.NotEqual(Brin.Create("05KP"), upper);
    }

    [Fact]
    public void R_INST_3_institutions_entered_as_05ko_and_05KO_carry_the_same_stored_key()
    {
        var first = TestData.VoSchool(brin: "05ko");
        var second = TestData.VoSchool(brin: "05KO");

        Assert.Equal(first.Brin, second.Brin);
        Assert.Equal("05KO", first.Brin.Value);
    }
}
