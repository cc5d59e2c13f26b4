using System.Globalization;

namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>
/// Numbers, sizes and dates as a Dutch reader writes them (<c>50.000</c>, <c>20 MB</c>, <c>1 oktober 2026</c>). Messages
/// format their limits from the constants through these, so a changed limit never leaves an old number in a text.
/// </summary>
public static class DutchFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A whole number with a dot between thousands: <c>50.000</c>.</summary>
    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A size limit in whole megabytes (of 1024 × 1024 bytes), as upload fields state it: <c>20 MB</c>.</summary>
    public static string Megabytes(long bytes) => Number(bytes / (1024 * 1024)) + " MB";

    /// <summary>A file's size in whole kilobytes (of 1024 bytes), as a download link states it: <c>312 kB</c>.</summary>
    public static string Kilobytes(long bytes) => Number((long)Math.Round(bytes / 1024.0, MidpointRounding.AwayFromZero)) + " kB";

    /// <summary>A date written out: <c>1 oktober 2026</c>.</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>A count with its noun in singular or plural: <c>1 pagina</c>, <c>3 pagina's</c>.</summary>
    public static string Count(long count, string singular, string plural) =>
        count == 1 ? "1 " + singular : Number(count) + " " + plural;
}
