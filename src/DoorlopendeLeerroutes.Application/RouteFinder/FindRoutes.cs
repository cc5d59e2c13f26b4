using System.Globalization;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.RouteFinder;

/// <summary>The routes of one province (or, with <see cref="Province"/> null, of partners without a known place).</summary>
public sealed record ProvinceGroup(Province? Province, IReadOnlyList<PublicRoute> Routes);

/// <summary>What the finder shows for one filter: the routes per province, the counts for the chart, the notes.</summary>
public sealed record RouteFinderResult(
    RouteFinderFilter Filter,
    IReadOnlyList<string> Notes,
    int Total,
    IReadOnlyList<ProvinceGroup> Groups,
    IReadOnlyList<string> RmcRegions)
{
    /// <summary>Routes per province for all twelve provinces (zero included), then "onbekend" when it occurs.</summary>
    public IReadOnlyList<(Province? Province, int Routes)> CountsPerProvince =>
        Provinces.All.Select(p => ((Province?)p, Groups.FirstOrDefault(g => g.Province == p)?.Routes.Count ?? 0))
            .Concat(Groups.Where(g => g.Province is null).Select(g => ((Province?)null, g.Routes.Count)))
            .ToList();

    /// <summary>The link that opens this view again.</summary>
    public string Link => RouteFinderLink.For(Filter);
}

/// <summary>
/// R-MON-2: anyone, without signing in, finds the routes in force (<see cref="RouteStatus.Registered"/> only: never a
/// draft, submitted, rejected, withdrawn, superseded or ended version) by provincie, RMC-regio, profiel, niveau, type and
/// sector, or by the name or place of a partner school. Reads registered routes and institutions only, never pupils.
/// A route appears under every province in which a partner lies that matches the place filters, so the provinces'
/// counts can add up to more than the number of routes found (docs/decisions.md, "Route finder").
/// </summary>
public sealed class FindRoutes(IApplicationDbContextFactory contexts, PublicRouteCache cache)
{
    private static readonly CompareInfo Dutch = CultureInfo.GetCultureInfo("nl-NL").CompareInfo;
    private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);

    /// <summary>Reads the filter from the address (<paramref name="query"/>: the first value of a key) and finds.</summary>
    public async Task<RouteFinderResult> ExecuteAsync(Func<string, string?> query, CancellationToken cancellationToken = default)
    {
        var set = await PublicDataAsync(cancellationToken);
        return Find(set, RouteFinderLink.Read(query, set.RmcRegions));
    }

    /// <summary>The public data set, from the cache when it is fresh.</summary>
    public Task<PublicRouteSet> PublicDataAsync(CancellationToken cancellationToken = default) =>
        cache.GetAsync(LoadAsync, cancellationToken);

    /// <summary>Filters and groups one data set; pure, so the page, the tests and the benchmark share it.</summary>
    public static RouteFinderResult Find(PublicRouteSet set, RouteFinderRequest request)
    {
        var filter = request.Filter;
        var hasPlace = filter.Province is not null || filter.RmcRegion is not null;
        var found = set.Routes.Where(r => Matches(r, filter, hasPlace)).ToList();

        var byProvince = new Dictionary<Province, List<PublicRoute>>();
        var unknown = new List<PublicRoute>();
        foreach (var route in found)
        {
            var provinces = route.Partners.Where(filter.PlaceMatches).Select(p => p.Province).OfType<Province>().Distinct().ToList();
            if (provinces.Count == 0)
            {
                unknown.Add(route); // no partner with a known province
            }

            foreach (var province in provinces)
            {
                (byProvince.TryGetValue(province, out var list) ? list : byProvince[province] = []).Add(route);
            }
        }

        var groups = Provinces.All.Where(byProvince.ContainsKey).Select(p => new ProvinceGroup(p, byProvince[p])).ToList();
        if (unknown.Count > 0)
        {
            groups.Add(new ProvinceGroup(null, unknown));
        }

        return new RouteFinderResult(filter, request.Notes, found.Count, groups, set.RmcRegions);
    }

    private static bool Matches(PublicRoute route, RouteFinderFilter filter, bool hasPlace) =>
        (!hasPlace || route.Partners.Any(filter.PlaceMatches))
        && (filter.Profile is null || route.Profile == filter.Profile)
        && (filter.Level is null || route.Level == filter.Level)
        && (filter.Type is null || route.Type == filter.Type)
        && (filter.Sector is null || route.Sector == filter.Sector)
        && (filter.Search is not { } term
            || Contains(route.Name, term)
            || route.Partners.Any(p => Contains(p.Name, term) || Contains(p.Municipality, term)));

    // Ignores case and accents: "fryslan" finds "Fryslân", "s-hertogenbosch" finds "'s-Hertogenbosch".
    private static bool Contains(string? text, string term) =>
        text is not null && Dutch.IndexOf(text, term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    /// <summary>Every route in force with its partners' names and places; two queries, no tracking, no pupil table.</summary>
    private async Task<IReadOnlyList<PublicRoute>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var institutions = await db.Institutions.AsNoTracking()
            .Select(i => new { i.Id, i.Name, i.Sector, i.Municipality, i.Province, i.RmcRegion })
            .ToDictionaryAsync(i => i.Id, i => new PublicPartner(i.Name, i.Sector, i.Municipality, i.Province, i.RmcRegion), cancellationToken);
        var routes = await db.Routes.AsNoTracking()
            .Where(r => r.Status == RouteStatus.Registered)
            .OrderBy(r => r.Code)
            .Select(r => new
            {
                r.Code, r.Definition.Name, r.Definition.Type, r.Definition.Profile, r.Definition.Level, r.Definition.Crebo,
                r.Definition.TrainingDomain, r.Definition.FirstSchoolYear,
                Partners = r.Partners.Select(p => p.InstitutionId).ToList(),
            })
            .ToListAsync(cancellationToken);
        return routes.Select(r => new PublicRoute(
                r.Code, r.Name, r.Type, r.Profile, r.Level, r.Crebo?.Value, r.TrainingDomain, r.FirstSchoolYear,
                r.Partners.Select(id => institutions[id]).OrderBy(p => p.Sector).ThenBy(p => p.Name, NameOrder).ToList()))
            .ToList();
    }
}
