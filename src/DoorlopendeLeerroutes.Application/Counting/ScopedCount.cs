using DoorlopendeLeerroutes.Domain.Counting;

namespace DoorlopendeLeerroutes.Application.Counting;

/// <summary>
/// The count of one school year over the enrolments the user may see (R-ACCESS-1), read from the stored count that
/// <see cref="CountSnapshot"/> keeps equal to the domain's <see cref="FundingCount"/>. The overview and the page of pupils
/// sum and page it in the database (<see cref="Groups"/>, <see cref="LinesAsync"/>); the monitor (R-MON-3) and the start
/// page's tasks take every line (<see cref="CalculateWithTracksAsync"/>, <see cref="CalculateAsync"/>).
/// </summary>
internal static class ScopedCount
{
    public sealed record RouteInfo(Guid Id, string Code, string Name, RouteType Type);

    /// <summary>
    /// Counted pupils with the same route, partners, phase, status and warning: a few per route, so a national count
    /// of 60,000 pupils arrives as a few thousand sums.
    /// </summary>
    public sealed record CountedGroup(
        Guid RouteId, Guid VoInstitutionId, Guid MboInstitutionId, Phase? Phase, CountStatus Status, bool DiffersFromExpected, int Pupils);

    /// <summary>The stored lines of <paramref name="year"/> the user may see, brought up to date first.</summary>
    public static async Task<IQueryable<CountedEnrolment>> LinesAsync(
        IApplicationDbContext db, AccessScope scope, SchoolYear year, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await CountSnapshot.EnsureCurrentAsync(db, year, nowUtc, cancellationToken);
        return scope.CountedEnrolments(db).Where(c => c.SchoolYear == year);
    }

    /// <summary>
    /// The stored lines summed per route, partners, phase, status and warning: in the order of the covering index on
    /// these columns, so the database sums without sorting.
    /// </summary>
    public static Task<List<CountedGroup>> Groups(IQueryable<CountedEnrolment> lines, CancellationToken cancellationToken) =>
        lines
            .GroupBy(c => new { c.RouteId, c.VoInstitutionId, c.MboInstitutionId, c.Phase, c.Status, c.DiffersFromExpected })
            .Select(g => new CountedGroup(
                g.Key.RouteId, g.Key.VoInstitutionId, g.Key.MboInstitutionId, g.Key.Phase, g.Key.Status, g.Key.DiffersFromExpected, g.Count()))
            .ToListAsync(cancellationToken);

    /// <summary>Every line of the count, without reading any pupil (the start page's tasks).</summary>
    public static async Task<(CountResult Result, Dictionary<Guid, RouteInfo> Routes)> CalculateAsync(
        IApplicationDbContext db, AccessScope scope, SchoolYear year, DateTime nowUtc, CancellationToken cancellationToken)
    {
        using var measurement = AppTelemetry.MeasureCount("lines"); // issue 17: dlr.count.duration and the span dlr.count
        var lines = await (await LinesAsync(db, scope, year, nowUtc, cancellationToken)).AsNoTracking().ToListAsync(cancellationToken);
        var result = FundingCount.FromLines(year, lines.Select(l => l.ToLine()).ToList(), nowUtc);
        return (result, await RoutesAsync(db, lines.Select(l => l.RouteId), cancellationToken));
    }

    /// <summary>
    /// The same count for the monitor (R-MON-3): no pupil is read at all (no name, no number), only each enrolment's
    /// leerweg beside it.
    /// </summary>
    public static async Task<(CountResult Result, Dictionary<Guid, RouteInfo> Routes, Dictionary<Guid, Track?> Tracks)> CalculateWithTracksAsync(
        IApplicationDbContext db, AccessScope scope, SchoolYear year, DateTime nowUtc, CancellationToken cancellationToken)
    {
        using var measurement = AppTelemetry.MeasureCount("tracks"); // issue 17, as above
        var lines = await LinesAsync(db, scope, year, nowUtc, cancellationToken);
        var rows = await (from c in lines
                          join e in db.Enrolments on c.EnrolmentId equals e.Id
                          select new { Line = c, e.Track })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var result = FundingCount.FromLines(year, rows.Select(r => r.Line.ToLine()).ToList(), nowUtc);
        return (result, await RoutesAsync(db, rows.Select(r => r.Line.RouteId), cancellationToken), rows.ToDictionary(r => r.Line.EnrolmentId, r => r.Track));
    }

    /// <summary>The routes with these ids (taken from the lines read or summed: at most the 1,500 or so of a national count).</summary>
    public static Task<Dictionary<Guid, RouteInfo>> RoutesAsync(
        IApplicationDbContext db, IEnumerable<Guid> routeIds, CancellationToken cancellationToken)
    {
        var ids = routeIds.Distinct().ToList();
        return db.Routes
            .Where(r => ids.Contains(r.Id))
            .Select(r => new RouteInfo(r.Id, r.Code, r.Definition.Name, r.Definition.Type))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
    }
}
