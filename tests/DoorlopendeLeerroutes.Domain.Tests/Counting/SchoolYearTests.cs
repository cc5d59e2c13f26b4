using DoorlopendeLeerroutes.Domain.Common;

namespace DoorlopendeLeerroutes.Domain.Tests.Counting;

public class SchoolYearTests
{
    [Theory]
    [InlineData(2020)]
    [InlineData(2025)]
    [InlineData(2031)]
    public void R_COUNT_1_count_date_is_1_October_of_the_first_calendar_year(int startYear)
    {
        var year = SchoolYear.FromStartYear(startYear);

        Assert.Equal(new DateOnly(startYear, 10, 1), year.CountDate);
    }

    [Fact]
    public void R_COUNT_1_school_year_2025_2026_runs_from_1_August_to_31_July()
    {
        var year = SchoolYear.Create("2025-2026");

        Assert.Equal(new DateOnly(2025, 8, 1), year.FirstDay);
        Assert.Equal(new DateOnly(2026, 7, 31), year.LastDay);
        Assert.Equal(new DateOnly(2025, 10, 1), year.CountDate);
        Assert.Equal("2025-2026", year.ToString());
        Assert.Equal(SchoolYear.FromStartYear(2026), year.Next);
    }

    [Theory]
    [InlineData(2025, 7, 31, 2024)]
    [InlineData(2025, 8, 1, 2025)]
    [InlineData(2025, 10, 1, 2025)]
    [InlineData(2026, 7, 31, 2025)]
    public void Containing_starts_a_new_school_year_on_1_August(int y, int m, int d, int expectedStart)
    {
        Assert.Equal(expectedStart, SchoolYear.Containing(new DateOnly(y, m, d)).StartYear);
    }

    [Theory]
    [InlineData("2025-2026")]
    [InlineData("2025/2026")]
    [InlineData(" 2025 - 2026 ")]
    public void TryCreate_accepts_the_ways_schools_write_a_year(string input)
    {
        Assert.True(SchoolYear.TryCreate(input, out var year));
        Assert.Equal(2025, year!.StartYear);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025")]
    [InlineData("2025-2027")]
    [InlineData("2026-2025")]
    [InlineData("2013-2014")]
    [InlineData("20205-20206")]
    [InlineData("+2025-2026")]
    public void TryCreate_rejects_anything_else(string? input)
    {
        Assert.False(SchoolYear.TryCreate(input, out _));
        Assert.Equal("school_year.invalid", Assert.Throws<DomainException>(() => SchoolYear.Create(input)).Error.Code);
    }

    [Fact]
    public void Selectable_runs_from_the_law_of_2020_to_two_years_ahead_newest_first()
    {
        var years = SchoolYear.Selectable(new DateOnly(2026, 3, 15)); // in 2025-2026

        Assert.Equal(
            ["2027-2028", "2026-2027", "2025-2026", "2024-2025", "2023-2024", "2022-2023", "2021-2022", "2020-2021"],
            years.Select(y => y.ToString()));
    }

    [Fact]
    public void Selectable_moves_on_with_1_August_and_ends_where_a_start_date_may_end_R_PRIV_4()
    {
        var today = new DateOnly(2026, 8, 1); // the first day of 2026-2027

        var years = SchoolYear.Selectable(today);

        Assert.Equal("2028-2029", years[0].ToString());
        Assert.Equal("2020-2021", years[^1].ToString());
        Assert.Equal(years[0].LastDay, DoorlopendeLeerroutes.Domain.Pupils.Enrolment.LatestStart(today));
    }
}
