using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>
/// A school year runs from 1 August to 31 July and is written <c>2025-2026</c>.
/// Its count date (teldatum) is 1 October of the first calendar year (R-COUNT-1).
/// </summary>
public sealed record SchoolYear : IComparable<SchoolYear>
{
    // The registry only knows routes since the law of 1 August 2020; earlier years are allowed back to the
    // experiments of 2014 for history, and the upper bound keeps typing errors such as 20205 out.
    public const int MinStartYear = 2014;
    public const int MaxStartYear = 2100;

    /// <summary>The Wet doorlopende leerroutes vmbo-mbo took effect on 1 August 2020: the registry starts there.</summary>
    public const int FirstYearOfTheLaw = 2020;

    /// <summary>How many school years after the current one may be planned (R-PRIV-4: a start date at most 2 ahead).</summary>
    public const int YearsAhead = 2;

    private SchoolYear(int startYear) => StartYear = startYear;

    public int StartYear { get; }

    public int EndYear => StartYear + 1;

    /// <summary>1 August of the start year.</summary>
    public DateOnly FirstDay => new(StartYear, 8, 1);

    /// <summary>31 July of the end year.</summary>
    public DateOnly LastDay => new(EndYear, 7, 31);

    /// <summary>R-COUNT-1: the count date is 1 October of the start year.</summary>
    public DateOnly CountDate => new(StartYear, 10, 1);

    public SchoolYear Next => new(StartYear + 1);

    public static SchoolYear FromStartYear(int startYear) =>
        startYear is >= MinStartYear and <= MaxStartYear
            ? new SchoolYear(startYear)
            : throw new DomainException(DomainErrors.SchoolYear.Invalid);

    /// <summary>The school year a date falls in: 1 August starts a new one.</summary>
    public static SchoolYear Containing(DateOnly date) => FromStartYear(date.Month >= 8 ? date.Year : date.Year - 1);

    /// <summary>The last school year that may be planned today: <see cref="YearsAhead"/> after the current one (R-PRIV-4).</summary>
    public static SchoolYear LatestPlannable(DateOnly today) => FromStartYear(Containing(today).StartYear + YearsAhead);

    /// <summary>
    /// The school years a person can choose on any page (route form, route filter, count overview), newest first: from
    /// the year the law took effect (2020) to <see cref="LatestPlannable"/>. One range everywhere, so a route's first
    /// year is always in the list that filters on it and a count can be opened for every year a route can start in.
    /// </summary>
    public static IReadOnlyList<SchoolYear> Selectable(DateOnly today)
    {
        var latest = LatestPlannable(today).StartYear;
        return Enumerable.Range(FirstYearOfTheLaw, latest - FirstYearOfTheLaw + 1).Reverse().Select(FromStartYear).ToList();
    }

    /// <summary>Accepts <c>2025-2026</c> (also with spaces or a slash); the second year must follow the first.</summary>
    public static bool TryCreate(string? input, [NotNullWhen(true)] out SchoolYear? schoolYear)
    {
        schoolYear = null;
        var parts = input?.Replace(" ", string.Empty, StringComparison.Ordinal).Split('-', '/');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || end != start + 1
            || start is < MinStartYear or > MaxStartYear)
        {
            return false;
        }

        schoolYear = new SchoolYear(start);
        return true;
    }

    public static SchoolYear Create(string? input) =>
        TryCreate(input, out var year) ? year : throw new DomainException(DomainErrors.SchoolYear.Invalid);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public int CompareTo(SchoolYear? other) => other is null ? 1 : StartYear.CompareTo(other.StartYear);

    public static bool operator <(SchoolYear left, SchoolYear right) => left.CompareTo(right) < 0;

    public static bool operator >(SchoolYear left, SchoolYear right) => left.CompareTo(right) > 0;

    public static bool operator <=(SchoolYear left, SchoolYear right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SchoolYear left, SchoolYear right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{EndYear}");
}
