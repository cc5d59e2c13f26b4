using System.Globalization;

namespace DoorlopendeLeerroutes.Tests.Shared;

/// <summary>
/// Valid, distinct burgerservicenummers (elfproef, R-PUPIL-1) from a sequence number: 2 + seven digits + check digit,
/// so they never meet the demo data's onderwijsnummers (which start with 10).
/// </summary>
public static class PupilNumbers
{
    private static readonly int[] Weights = [9, 8, 7, 6, 5, 4, 3, 2];

    // Roughly one in eleven bodies has no valid check digit; the valid ones, in order, are numbered from 0.
    private static readonly Lazy<string[]> All = new(() => Enumerable.Range(0, 1_000_000).Select(Number).OfType<string>().ToArray());

    /// <summary>The <paramref name="index"/>-th valid number: distinct indexes give distinct numbers.</summary>
    public static string Make(int index) => All.Value[index];

    private static string? Number(int sequence)
    {
        var body = "2" + sequence.ToString("0000000", CultureInfo.InvariantCulture);
        var check = body.Select((c, i) => (c - '0') * Weights[i]).Sum() % 11; // elfproef: sum − 1 × last digit ≡ 0
        return check < 10 ? body + check.ToString(CultureInfo.InvariantCulture) : null;
    }
}
