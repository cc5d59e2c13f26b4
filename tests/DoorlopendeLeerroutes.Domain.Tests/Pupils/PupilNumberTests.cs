using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;

namespace DoorlopendeLeerroutes.Domain.Tests.Pupils;

public class PupilNumberTests
{
    [Fact]
    public void R_PUPIL_1_bsn_passing_the_elfproef_is_valid()
    {
        var result = PupilNumber.Parse("111222333");

        AssertResult.Succeeds(result);
        Assert.Equal("111222333", result.Value.Value);
        Assert.Equal(PupilNumberKind.Bsn, result.Value.Kind);
    }

    [Fact]
    public void R_PUPIL_1_onderwijsnummer_starting_with_10_and_remainder_5_is_valid()
    {
        var result = PupilNumber.Parse("101222331");

        AssertResult.Succeeds(result);
        Assert.Equal("101222331", result.Value.Value);
        Assert.Equal(PupilNumberKind.EducationNumber, result.Value.Kind);
    }

    [Theory]
    [InlineData("111222334")]
    [InlineData("123456789")]
    [InlineData("000000000")]
    public void R_PUPIL_1_bsn_failing_the_elfproef_is_rejected(string input)
    {
        AssertResult.FailsOnly(PupilNumber.Parse(input), "pupil.number.bsn_elfproef");
    }

    [Fact]
    public void R_PUPIL_1_remainder_5_without_leading_10_is_no_onderwijsnummer()
    {
        AssertResult.FailsOnly(PupilNumber.Parse("111222339"), "pupil.number.bsn_elfproef");
    }

    [Theory]
    [InlineData("101222332")]
    [InlineData("101222330")]
    public void R_PUPIL_1_invalid_onderwijsnummer_is_rejected_with_its_own_code(string input)
    {
        AssertResult.FailsOnly(PupilNumber.Parse(input), "pupil.number.onderwijsnummer");
    }

    [Fact]
    public void R_PUPIL_1_number_starting_with_10_that_passes_the_elfproef_is_a_bsn()
    {
        var result = PupilNumber.Parse("100000009");

        AssertResult.Succeeds(result);
        Assert.Equal(PupilNumberKind.Bsn, result.Value.Kind);
    }

    [Theory]
    [InlineData("12345672")]
    [InlineData(" 12345672 ")]
    public void R_PUPIL_1_eight_digit_input_gets_a_leading_zero(string input)
    {
        var result = PupilNumber.Parse(input);

        AssertResult.Succeeds(result);
        Assert.Equal("012345672", result.Value.Value);
    }

    [Fact]
    public void R_PUPIL_1_eight_digits_are_checked_after_padding()
    {
        AssertResult.FailsOnly(PupilNumber.Parse("12345678"), "pupil.number.bsn_elfproef");
    }

    [Theory]
    [InlineData("11122233A")]
    [InlineData("1112223333")]
    [InlineData("1234567")]
    [InlineData("111 222 333")]
    [InlineData("111-222-333")]
    [InlineData("abcdefghi")]
    [InlineData("１１１２２２３３３")]
    public void R_PUPIL_1_letters_or_wrong_length_are_rejected_with_format(string input)
    {
        AssertResult.FailsOnly(PupilNumber.Parse(input), "pupil.number.format");
        Assert.False(PupilNumber.TryCreate(input, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void R_PUPIL_1_empty_number_is_required(string? input)
    {
        AssertResult.FailsOnly(PupilNumber.Parse(input), "pupil.number.required");
    }

    [Fact]
    public void R_PUPIL_1_message_says_which_check_failed()
    {
        var bsn = PupilNumber.Parse("111222334").Errors.Single().Message;
        var educationNumber = PupilNumber.Parse("101222332").Errors.Single().Message;

        Assert.Contains("elfproef", bsn, StringComparison.Ordinal);
        Assert.Contains("BSN", bsn, StringComparison.Ordinal);
        Assert.Contains("onderwijsnummer", educationNumber, StringComparison.Ordinal);
        Assert.NotEqual(bsn, educationNumber);
    }

    [Fact]
    public void R_PUPIL_8_pupil_number_is_masked_to_the_last_four_digits()
    {
        var number = PupilNumber.Create("111222333");

        Assert.Equal("*****2333", number.Masked);
        Assert.Equal("*****2333", number.ToString());
    }

    [Fact]
    public void R_PUPIL_8_interpolating_a_pupil_number_never_shows_the_full_number()
    {
        var number = PupilNumber.Create("101222331");
        var pupil = TestData.NewPupil("101222331");

        var logLine = $"Leerling {number} ingeschreven; {pupil.Number}";

        Assert.DoesNotContain("101222331", logLine, StringComparison.Ordinal);
        Assert.Contains("*****2331", logLine, StringComparison.Ordinal);
    }

    [Fact]
    public void R_PUPIL_8_error_messages_never_echo_the_number()
    {
        var result = PupilNumber.Parse("111222334");
        var ex = Assert.Throws<DomainException>(() => PupilNumber.Create("111222334"));

        Assert.All(result.Errors, e => Assert.DoesNotContain("111222334", e.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("111222334", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("111222334", result.ToString(), StringComparison.Ordinal);
    }
}
