using System.Globalization;
using System.Text;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.RouteFinder;

/// <summary>What a visitor of the route finder chose (R-MON-2); every part optional.</summary>
public sealed record RouteFinderFilter(
    Province? Province = null,
    string? RmcRegion = null,
    VmboProfile? Profile = null,
    MboLevel? Level = null,
    RouteType? Type = null,
    RouteSector? Sector = null,
    string? Search = null)
{
    public const int MaxSearchLength = 100;

    /// <summary>The niveaus a route can lead to (R-ROUTE-2: never Entree).</summary>
    public static IReadOnlyList<MboLevel> Levels { get; } = [MboLevel.Level2, MboLevel.Level3, MboLevel.Level4];

    public bool IsEmpty => this == new RouteFinderFilter();

    /// <summary>Whether a partner's place counts for the place filters (provincie, RMC-regio); true without them.</summary>
    public bool PlaceMatches(PublicPartner partner) =>
        (Province is null || partner.Province == Province)
        && (RmcRegion is null || string.Equals(partner.RmcRegion, RmcRegion, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A filter read from an address, with a Dutch note for every part that was not understood and left out.</summary>
public sealed record RouteFinderRequest(RouteFinderFilter Filter, IReadOnlyList<string> Notes);

/// <summary>
/// The finder's filter in the address (a link to share): <c>?provincie=gelderland&amp;profiel=zw&amp;niveau=3</c>. Reading is
/// tolerant: a value it does not know is left out with a note, never an error; the same filter always gives the same link.
/// </summary>
public static class RouteFinderLink
{
    public const string Path = "/routes-zoeken";
    public const string ProvinceKey = "provincie";
    public const string RmcRegionKey = "rmc";
    public const string ProfileKey = "profiel";
    public const string LevelKey = "niveau";
    public const string TypeKey = "type";
    public const string SectorKey = "sector";
    public const string SearchKey = "zoek";

    public static string Slug(Province province) => Key(Provinces.Name(province), keepHyphens: true);

    /// <summary>The profiel's official abbreviation in letters only: <c>zw</c>, <c>bwi</c>, <c>pie</c>.</summary>
    public static string Slug(VmboProfile profile) => Key(profile.Abbreviation());

    public static string Slug(MboLevel level) => ((int)level).ToString(CultureInfo.InvariantCulture);

    public static string Slug(RouteType type) => type == RouteType.Integrated ? "geintegreerd" : "doorlopend";

    public static string Slug(RouteSector sector) => sector switch
    {
        RouteSector.Economie => "economie",
        RouteSector.Groen => "groen",
        RouteSector.Techniek => "techniek",
        RouteSector.ZorgWelzijn => "zorg-en-welzijn",
        RouteSector.OverigBreed => "overig-breed",
        _ => throw new ArgumentOutOfRangeException(nameof(sector), sector, "Not a sector."),
    };

    /// <summary>The address of a filtered view, with the parts in a fixed order.</summary>
    public static string For(RouteFinderFilter filter)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add(ProvinceKey, filter.Province is { } province ? Slug(province) : null);
        Add(RmcRegionKey, filter.RmcRegion);
        Add(ProfileKey, filter.Profile is { } profile ? Slug(profile) : null);
        Add(LevelKey, filter.Level is { } level ? Slug(level) : null);
        Add(TypeKey, filter.Type is { } type ? Slug(type) : null);
        Add(SectorKey, filter.Sector is { } sector ? Slug(sector) : null);
        Add(SearchKey, filter.Search);
        return parts.Count == 0 ? Path : Path + "?" + string.Join('&', parts);
    }

    /// <summary>
    /// Reads the filter from the address's values (<paramref name="value"/> gives the first value of a key, or null).
    /// <paramref name="rmcRegions"/> are the regions the finder knows; another region is left out with a note.
    /// </summary>
    public static RouteFinderRequest Read(Func<string, string?> value, IReadOnlyList<string> rmcRegions)
    {
        var notes = new List<string>();

        T? Choice<T>(string key, string what, Func<string, T?> parse)
            where T : struct
        {
            var text = value(key)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var parsed = parse(text);
            if (parsed is null)
            {
                notes.Add($"{what} \"{Shorten(text)}\" kennen we niet; dat filter is weggelaten.");
            }

            return parsed;
        }

        var province = Choice(ProvinceKey, "De provincie", text => Provinces.TryParse(text, out var p) ? p : (Province?)null);
        var profile = Choice(ProfileKey, "Het profiel", text => Find(Enum.GetValues<VmboProfile>(), text, p => [Slug(p), p.DutchName(), p.ToString()]));
        var level = Choice(LevelKey, "Het niveau", text => Find(RouteFinderFilter.Levels, text, l => [Slug(l), "niveau" + Slug(l)]));
        var type = Choice(TypeKey, "Het soort leerroute", text => Find(Enum.GetValues<RouteType>(), text, t => [Slug(t), t.ExportName(), t == RouteType.Integrated ? "glr" : "dlr"]));
        var sector = Choice(SectorKey, "De sector", text => Find(Enum.GetValues<RouteSector>(), text, s => [Slug(s), s.ToString(), s == RouteSector.OverigBreed ? "overig" : Slug(s)]));

        string? region = null;
        var regionText = value(RmcRegionKey)?.Trim();
        if (!string.IsNullOrEmpty(regionText))
        {
            region = rmcRegions.FirstOrDefault(r => Key(r) == Key(regionText));
            if (region is null)
            {
                notes.Add($"De RMC-regio \"{Shorten(regionText)}\" kennen we niet; dat filter is weggelaten.");
            }
        }

        var search = value(SearchKey)?.Trim();
        if (search is { Length: > 0 } && PrintableText.FirstForbidden(search) is not null)
        {
            // R-PRIV-4's printable text: control and invisible characters are dropped rather than searched for.
            search = string.Concat(search.EnumerateRunes().Where(r => !PrintableText.IsForbidden(r.Value)).Select(r => r.ToString())).Trim();
            notes.Add("Onzichtbare tekens in de zoekterm zijn weggelaten.");
        }

        if (search is { Length: > RouteFinderFilter.MaxSearchLength })
        {
            search = search[..RouteFinderFilter.MaxSearchLength].Trim();
            notes.Add($"De zoekterm is ingekort tot {RouteFinderFilter.MaxSearchLength} tekens.");
        }

        return new RouteFinderRequest(
            new RouteFinderFilter(province, region, profile, level, type, sector, string.IsNullOrEmpty(search) ? null : search),
            notes);
    }

    private static T? Find<T>(IEnumerable<T> candidates, string text, Func<T, string[]> names)
        where T : struct
    {
        var key = Key(text);
        foreach (var candidate in candidates)
        {
            if (names(candidate).Any(n => Key(n) == key))
            {
                return candidate;
            }
        }

        return null;
    }

    // A long or odd value is quoted back shortened, never in full.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Letters and digits only, lower case, without accents ("Fryslân" → "fryslan", "Z&amp;W" → "zw").</summary>
    private static string Key(string? text, bool keepHyphens = false)
    {
        var decomposed = (text ?? string.Empty).Trim().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (keepHyphens && (c is '-' or ' ') && key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }

        return key.ToString();
    }
}
