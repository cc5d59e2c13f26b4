using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;

/// <summary>
/// The example phase file linked on the page "Fasen vergelijken" (docs/formats.md §3): eight rows of Vakcollege De Horizon
/// on the demo's care route that, compared with the demo register on the count date, show every kind of difference
/// (R-RECON-1). The demo is placed around the last count date (<see cref="DemoData.CountedYear"/>), so the file is kept with
/// the dates of one base year and moved by whole years to the demo's year when it is handed out; a newcomer in any year
/// sees the same differences.
/// </summary>
public static partial class DemoPhaseFile
{
    public const string FileName = "fasen-voorbeeld.csv";

    /// <summary>The counted school year the dates in the stored file were written for (2026-2027).</summary>
    private const int BaseYear = 2026;

    public static byte[] For(DateOnly today)
    {
        var shift = DemoData.CountedYear(today).StartYear - BaseYear;
        var moved = Date().Replace(Template.Value, m =>
            m.Groups["dayMonth"].Value + (int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) + shift).ToString(CultureInfo.InvariantCulture));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(moved)];
    }

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(DemoPhaseFile).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"Embedded resource {FileName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    });

    [GeneratedRegex(@"(?<dayMonth>\b\d\d-\d\d-)(?<year>\d{4})\b")]
    private static partial Regex Date();
}
