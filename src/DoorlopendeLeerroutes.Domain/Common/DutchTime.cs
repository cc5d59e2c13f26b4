namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>
/// Dutch legal time. Dates such as the count date are Dutch calendar days; moments are stored in UTC.
/// </summary>
public static class DutchTime
{
    // "Europe/Amsterdam" is an IANA id; .NET resolves it on Linux (tzdata) and on Windows (ICU) alike.
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The first UTC moment after the Dutch day <paramref name="date"/> has ended (its 24:00).</summary>
    public static DateTime EndOfDayUtc(DateOnly date) => StartOfDayUtc(date.AddDays(1));

    /// <summary>Dutch midnight at the start of <paramref name="date"/>, in UTC.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>The Dutch calendar day of a UTC moment.</summary>
    public static DateOnly Today(DateTime utcNow) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(EnsureUtc(utcNow), Zone));

    public static DateTime EnsureUtc(DateTime moment) => moment.Kind switch
    {
        DateTimeKind.Utc => moment,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(moment, DateTimeKind.Utc),
        _ => moment.ToUniversalTime(),
    };
}
