using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Monitoring;

/// <summary>One version of a route as the monitor needs it; <see cref="RegisteredAtUtc"/> is null for a version never registered.</summary>
public sealed record MonitorRouteVersion(
    Guid Id, string Code, RouteType Type, VmboProfile Profile, MboLevel Level, DateTime? RegisteredAtUtc, DateOnly? EndDate);

/// <summary>A vo school as the monitor shows it: where it lies (R-MON-1). Nothing about a pupil.</summary>
public sealed record MonitorSchool(Guid Id, string Brin, string Name, string? Municipality, Province? Province, string? RmcRegion);

/// <summary>A number with its share of the table's total in whole percents (<see cref="MonitorCalculation.Percent"/>).</summary>
public sealed record MonitorCount<TKey>(TKey Key, int Count, int Percent);

/// <summary>Routes of one type: registered (in force) on the count date, and with pupils counted on it; vo schools with pupils.</summary>
public sealed record MonitorRouteRow(
    RouteType Type, int Registered, int RegisteredPercent, int WithPupils, int WithPupilsPercent, int VoSchoolsWithPupils);

/// <summary>A vo school with the pupils counted for its routes on the count date.</summary>
public sealed record MonitorSchoolRow(MonitorSchool School, int Pupils, int Percent);

/// <summary>A province (null: institutions whose place is not recorded yet) with its vo schools with pupils and their pupils.</summary>
public sealed record MonitorProvinceRow(Province? Province, int VoSchools, int Pupils, int Percent);

/// <summary>
/// The monitor of one school year (R-MON-3): the tables of the national monitor reports, in counts and whole percents only.
/// It names schools, never a pupil.
/// </summary>
public sealed record MonitorReport(
    SchoolYear SchoolYear,
    DateOnly CountDate,
    bool IsPreview,
    IReadOnlyList<MonitorRouteRow> Routes,
    int RoutesRegistered,
    int RoutesWithPupils,
    int VoSchoolsWithPupils,
    int Pupils,
    int PupilsWithoutPhase,
    IReadOnlyList<MonitorCount<RouteType>> PupilsPerType,
    IReadOnlyList<MonitorCount<RouteSector>> PupilsPerSector,
    IReadOnlyList<MonitorCount<Track?>> PupilsPerTrack,
    IReadOnlyList<MonitorCount<MboLevel>> PupilsPerLevel,
    IReadOnlyList<MonitorSchoolRow> PupilsPerSchool,
    IReadOnlyList<MonitorProvinceRow> PupilsPerProvince);

/// <summary>
/// R-MON-3 as a pure calculation over the count of the school year (R-COUNT-2/3, calculated by <see cref="FundingCount"/>:
/// one rule, one place). Decisions (docs/decisions.md, "The monitor"):
/// <list type="bullet">
/// <item>A pupil is in the monitor when the count funds someone for it: active on the count date with a phase in force
/// among the registrations recorded by the cut-off. "Geen fase" (R-COUNT-5) is counted for nobody and shown apart.</item>
/// <item>A route (all versions of one code) is registered on the count date when a version was registered before the
/// cut-off and the route had not ended before the count date. Its type, sector and niveau are those of the version in force
/// then; a route registered only later (pupils may start before, R-ROUTE-12) is described by its first registered version.</item>
/// <item>Sector is the profiel's sector (DOMAIN.md §7); school, gemeente, RMC-regio and provincie are the pupil's vo school's.</item>
/// <item>Shares are whole percents, half away from zero; they need not add up to 100.</item>
/// </list>
/// </summary>
public static class MonitorCalculation
{
    public static IReadOnlyList<RouteType> Types { get; } = [RouteType.Continuous, RouteType.Integrated];

    public static IReadOnlyList<RouteSector> Sectors { get; } =
        [RouteSector.Economie, RouteSector.Groen, RouteSector.Techniek, RouteSector.ZorgWelzijn, RouteSector.OverigBreed];

    /// <summary>The leerwegen in the monitor's order, with null ("onbekend": no leerweg recorded) last.</summary>
    public static IReadOnlyList<Track?> Tracks { get; } = [Track.BB, Track.KB, Track.GL, Track.TL, null];

    /// <summary>R-ROUTE-2: routes lead to niveau 2, 3 or 4.</summary>
    public static IReadOnlyList<MboLevel> Levels { get; } = [MboLevel.Level2, MboLevel.Level3, MboLevel.Level4];

    /// <summary>
    /// <paramref name="part"/> of <paramref name="whole"/> in whole percents, rounded half away from zero (12.5 → 13);
    /// 0 when the whole is 0. Computed in decimal, so a half is exactly a half.
    /// </summary>
    public static int Percent(int part, int whole) =>
        whole == 0 ? 0 : (int)Math.Round(part * 100m / whole, MidpointRounding.AwayFromZero);

    /// <param name="count">The count of the school year, over every enrolment (the administrator's view).</param>
    /// <param name="tracks">The leerweg of each counted enrolment, by enrolment id; missing or null is "onbekend".</param>
    /// <param name="routeVersions">Every version of every route (at least those the count's enrolments point to).</param>
    /// <param name="schools">The vo schools of the counted enrolments.</param>
    public static MonitorReport Calculate(
        CountResult count,
        IReadOnlyDictionary<Guid, Track?> tracks,
        IEnumerable<MonitorRouteVersion> routeVersions,
        IEnumerable<MonitorSchool> schools)
    {
        var year = count.SchoolYear;
        var versions = routeVersions.ToList();
        var routes = RoutesOn(year, versions);
        var versionCodes = versions.ToDictionary(v => v.Id, v => v.Code);
        var schoolsById = schools.ToDictionary(s => s.Id);

        // The pupils the count funds someone for (R-COUNT-4); "geen fase" is counted for nobody (R-COUNT-5).
        var counted = count.Lines
            .Where(l => l.Phase is not null)
            .Select(l =>
            {
                var route = routes[versionCodes[l.Enrolment.RouteId]];
                return new Pupil(route.Code, route.Reference, tracks.GetValueOrDefault(l.Enrolment.EnrolmentId), l.Enrolment.VoInstitutionId);
            })
            .ToList();
        var total = counted.Count;

        var registered = routes.Values.Where(r => r.RegisteredOnCountDate).ToList();
        var withPupils = counted.Select(p => p.Code).Distinct().Select(c => routes[c]).ToList();
        var routeRows = Types
            .Select(type =>
            {
                var registeredOfType = registered.Count(r => r.Reference.Type == type);
                var withPupilsOfType = withPupils.Count(r => r.Reference.Type == type);
                return new MonitorRouteRow(
                    type, registeredOfType, Percent(registeredOfType, registered.Count), withPupilsOfType,
                    Percent(withPupilsOfType, withPupils.Count),
                    counted.Where(p => p.Route.Type == type).Select(p => p.VoSchoolId).Distinct().Count());
            })
            .ToList();

        var schoolRows = counted
            .GroupBy(p => p.VoSchoolId)
            .Select(g => new MonitorSchoolRow(schoolsById[g.Key], g.Count(), Percent(g.Count(), total)))
            .OrderBy(r => r.School.Name, StringComparer.CurrentCulture).ThenBy(r => r.School.Brin, StringComparer.Ordinal)
            .ToList();

        // Every province, north to south, also with none; "onbekend" only when a school's place is missing.
        var provinceKeys = Provinces.All.Select(p => (Province?)p).ToList();
        if (schoolRows.Any(s => s.School.Province is null))
        {
            provinceKeys.Add(null);
        }

        var provinceRows = provinceKeys
            .Select(province =>
            {
                var inProvince = schoolRows.Where(s => s.School.Province == province).ToList();
                var pupils = inProvince.Sum(s => s.Pupils);
                return new MonitorProvinceRow(province, inProvince.Count, pupils, Percent(pupils, total));
            })
            .ToList();

        return new MonitorReport(
            year,
            count.CountDate,
            count.IsPreview,
            routeRows,
            registered.Count,
            withPupils.Count,
            schoolRows.Count,
            total,
            count.Lines.Count(l => l.Phase is null),
            Per(Types, p => p.Route.Type),
            Per(Sectors, p => p.Route.Profile.Sector()),
            Per(Tracks, p => p.Track),
            Per(Levels, p => p.Route.Level),
            schoolRows,
            provinceRows);

        List<MonitorCount<TKey>> Per<TKey>(IEnumerable<TKey> keys, Func<Pupil, TKey> keyOf) =>
            keys
                .Select(key =>
                {
                    var n = counted.Count(p => EqualityComparer<TKey>.Default.Equals(keyOf(p), key));
                    return new MonitorCount<TKey>(key, n, Percent(n, total));
                })
                .ToList();
    }

    /// <summary>Per route code: the version that describes it on the count date, and whether it was registered (in force) then.</summary>
    private static Dictionary<string, RouteOnCountDate> RoutesOn(SchoolYear year, List<MonitorRouteVersion> versions)
    {
        var cutoff = FundingCount.CutoffUtc(year);
        return versions
            .GroupBy(v => v.Code, StringComparer.Ordinal)
            .Select(code =>
            {
                var inForce = code.Where(v => v.RegisteredAtUtc < cutoff).MaxBy(v => v.RegisteredAtUtc);
                var endDate = code.Min(v => v.EndDate); // only the last registered version of a route is ever ended
                var reference = inForce
                    ?? code.Where(v => v.RegisteredAtUtc is not null).MinBy(v => v.RegisteredAtUtc)
                    ?? code.First();
                return new RouteOnCountDate(code.Key, reference, inForce is not null && !(endDate < year.CountDate));
            })
            .ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    private sealed record RouteOnCountDate(string Code, MonitorRouteVersion Reference, bool RegisteredOnCountDate);

    private sealed record Pupil(string Code, MonitorRouteVersion Route, Track? Track, Guid VoSchoolId);
}
