using System.Globalization;
using System.Text;

namespace DoorlopendeLeerroutes.Domain.Institutions;

/// <summary>The twelve provinces of the Netherlands, where an institution lies (R-MON-1).</summary>
public enum Province
{
    Groningen = 1,
    Fryslan = 2,
    Drenthe = 3,
    Overijssel = 4,
    Flevoland = 5,
    Gelderland = 6,
    Utrecht = 7,
    NoordHolland = 8,
    ZuidHolland = 9,
    Zeeland = 10,
    NoordBrabant = 11,
    Limburg = 12,
}

/// <summary>The provinces' Dutch names, and reading one from a file or form.</summary>
public static class Provinces
{
    /// <summary>North to south, as lists of provinces are usually ordered.</summary>
    public static IReadOnlyList<Province> All { get; } = Enum.GetValues<Province>();

    public static string Name(Province province) => province switch
    {
        Province.Groningen => "Groningen",
        Province.Fryslan => "Fryslân",
        Province.Drenthe => "Drenthe",
        Province.Overijssel => "Overijssel",
        Province.Flevoland => "Flevoland",
        Province.Gelderland => "Gelderland",
        Province.Utrecht => "Utrecht",
        Province.NoordHolland => "Noord-Holland",
        Province.ZuidHolland => "Zuid-Holland",
        Province.Zeeland => "Zeeland",
        Province.NoordBrabant => "Noord-Brabant",
        Province.Limburg => "Limburg",
        _ => throw new ArgumentOutOfRangeException(nameof(province), province, "Not a province."),
    };

    /// <summary>
    /// A province by its name, ignoring case, accents, spaces and hyphens ("noord holland", "Fryslân", "Friesland").
    /// </summary>
    public static bool TryParse(string? text, out Province province)
    {
        var key = Key(text);
        foreach (var candidate in All)
        {
            if (Key(Name(candidate)) == key)
            {
                province = candidate;
                return true;
            }
        }

        province = default;
        if (key == "friesland")
        {
            province = Province.Fryslan; // the name most administrations still use
            return true;
        }

        return false;
    }

    private static string Key(string? text)
    {
        var decomposed = (text ?? string.Empty).Trim().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }
}
