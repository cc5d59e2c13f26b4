using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Common;

/// <summary>Issue 12, items 5 and 10: limits in messages come from the constants, and a count of one is singular.</summary>
public class DutchFormatTests
{
    [Theory]
    [InlineData(1, "1 pagina")]
    [InlineData(0, "0 pagina's")]
    [InlineData(3, "3 pagina's")]
    [InlineData(2000, "2.000 pagina's")]
    public void Count_is_singular_for_one_and_plural_otherwise(int count, string expected)
    {
        Assert.Equal(expected, DutchFormat.Count(count, "pagina", "pagina's"));
    }

    [Fact]
    public void Limits_are_written_as_a_Dutch_reader_expects()
    {
        Assert.Equal("50.000", DutchFormat.Number(50_000));
        Assert.Equal("20 MB", DutchFormat.Megabytes(StoredFile.MaxSizeBytes));
        Assert.Equal("1 oktober 2026", DutchFormat.LongDate(new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void Messages_state_the_limits_of_the_constants()
    {
        Assert.Contains($"hoogstens {RouteDefinition.MaxNameLength} tekens", DomainErrors.Route.NameRequired.Message, StringComparison.Ordinal);
        Assert.Contains($"minstens {Route.MinReasonLength} en hoogstens {Route.MaxReasonLength} tekens", DomainErrors.Route.ReasonRequired.Message, StringComparison.Ordinal);
        Assert.Equal("Leerlingen stromen in in leerjaar 3 of leerjaar 4 van het vmbo.", DomainErrors.Route.EntryYearInvalid.Message);
        Assert.Contains("groter dan 20 MB", DomainErrors.Agreement.FileTooLarge.Message, StringComparison.Ordinal);
        Assert.Contains($"tussen {Pupil.MinAgeOnStart} en {Pupil.MaxAgeOnStart} jaar", DomainErrors.Pupil.AgeOutOfRange.Message, StringComparison.Ordinal);
    }
}
