using System.Reflection;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Common;

public partial class DomainErrorsTests
{
    private static List<DomainError> AllFixedErrors() =>
        [.. typeof(DomainErrors).GetNestedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(DomainError))
            .Select(f => (DomainError)f.GetValue(null)!)];

    [GeneratedRegex("^[a-z_]+(\\.[a-z0-9_]+)+$")]
    private static partial Regex CodePattern();

    [Fact]
    public void Every_error_has_a_stable_unique_dotted_code()
    {
        var errors = AllFixedErrors();

        Assert.True(errors.Count > 40, $"Found only {errors.Count} errors; reflection missed some.");
        Assert.All(errors, e => Assert.Matches(CodePattern(), e.Code));
        Assert.Equal(errors.Count, errors.Select(e => e.Code).Distinct().Count());
    }

    [Fact]
    public void Every_message_is_a_non_empty_Dutch_sentence()
    {
        string[] englishWords = [" the ", " must ", " invalid", " required", " cannot ", " please "];

        Assert.All(AllFixedErrors(), e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message), e.Code);
            Assert.True(e.Message.TrimEnd().EndsWith('.'), $"{e.Code}: '{e.Message}' is not a sentence.");
            Assert.All(englishWords, w => Assert.DoesNotContain(w, e.Message, StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public void R_ROUTE_3_message_explains_the_rule_in_Dutch()
    {
        var error = TestData.Definition(RouteType.Integrated, MboLevel.Level2, [Track.KB]).Errors.Single();

        Assert.Equal("route.integrated.requires_bb", error.Code);
        Assert.Contains("geïntegreerde leerroute", error.Message, StringComparison.Ordinal);
        Assert.Contains("BB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_ROUTE_11_message_names_the_number_of_pupils()
    {
        Assert.Contains("1 leerling", DomainErrors.Route.PupilsStillEnrolled(1).Message, StringComparison.Ordinal);
        Assert.Contains("12 leerlingen", DomainErrors.Route.PupilsStillEnrolled(12).Message, StringComparison.Ordinal);
        Assert.Equal("route.end.pupils_enrolled", DomainErrors.Route.PupilsStillEnrolled(12).Code);
    }

    [Fact]
    public void DutchTime_end_of_a_winter_day_is_23_00_utc()
    {
        Assert.Equal(TestData.Utc(2025, 12, 1, 23, 0), DutchTime.EndOfDayUtc(new DateOnly(2025, 12, 1)));
        Assert.Equal(new DateOnly(2025, 12, 2), DutchTime.Today(TestData.Utc(2025, 12, 1, 23, 30)));
        Assert.Equal(new DateOnly(2025, 12, 1), DutchTime.Today(TestData.Utc(2025, 12, 1, 22, 59)));
    }
}
