using DoorlopendeLeerroutes.Domain.Counting;

namespace DoorlopendeLeerroutes.Application.Counting;

/// <summary>
/// The count of one school year over the enrolments the user may see (R-ACCESS-1): read once, calculated by the domain's
/// <see cref="FundingCount"/>. The overview, the export and the monitor (R-MON-3) all start from here.
/// </summary>
internal static class ScopedCount
{
    public sealed record RouteInfo(Guid Id, string Code, string Name, RouteType Type, int EntryYear);

    /// <summary>A counted pupil's name, and the number only when asked for (decrypting costs time; R-PUPIL-8).</summary>
    public sealed record PupilInfo(string FirstName, string? Prefix, string LastName, PupilNumber? Number)
    {
        public string FullName => string.Join(' ', new[] { FirstName, Prefix, LastName }.Where(p => !string.IsNullOrEmpty(p)));
    }

    public sealed record Outcome(CountResult Result, Dictionary<Guid, RouteInfo> Routes, Dictionary<Guid, PupilInfo> Pupils);

    public static async Task<Outcome> CalculateAsync(
        IApplicationDbContext db, AccessScope scope, SchoolYear year, DateTime nowUtc, bool withNumbers, CancellationToken cancellationToken)
    {
        using var measurement = AppTelemetry.MeasureCount("pupils"); // issue 17: dlr.count.duration and the span dlr.count
        // R-COUNT-2: only enrolments active on the count date are read; R-ACCESS-1: only those the user may see.
        // The pupil is joined in, instead of a list of ids sent back as parameters.
        var active = Active(db, scope, year);
        var enrolments = await (from e in active
                                join p in db.Pupils on e.PupilId equals p.Id
                                select new
                                {
                                    Enrolment = new ActiveEnrolment(e.Id, e.PupilId, e.RouteId, e.StartDate, e.EndDate, e.VoInstitutionId, e.MboInstitutionId),
                                    Pupil = new PupilInfo(p.FirstName, p.Prefix, p.LastName, withNumbers ? p.Number : null),
                                })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var (result, routes) = await CountAsync(db, active, year, nowUtc, enrolments.Select(e => e.Enrolment), cancellationToken);
        var pupils = new Dictionary<Guid, PupilInfo>();
        foreach (var e in enrolments)
        {
            pupils[e.Enrolment.PupilId] = e.Pupil;
        }

        return new Outcome(result, routes, pupils);
    }

    /// <summary>
    /// The same count for the monitor (R-MON-3): no pupil is read at all (no name, no number), only each enrolment's
    /// leerweg beside it.
    /// </summary>
    public static async Task<(CountResult Result, Dictionary<Guid, RouteInfo> Routes, Dictionary<Guid, Track?> Tracks)> CalculateWithTracksAsync(
        IApplicationDbContext db, AccessScope scope, SchoolYear year, DateTime nowUtc, CancellationToken cancellationToken)
    {
        using var measurement = AppTelemetry.MeasureCount("tracks"); // issue 17, as above
        var active = Active(db, scope, year);
        var enrolments = await active
            .Select(e => new
            {
                Enrolment = new ActiveEnrolment(e.Id, e.PupilId, e.RouteId, e.StartDate, e.EndDate, e.VoInstitutionId, e.MboInstitutionId),
                e.Track,
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var (result, routes) = await CountAsync(db, active, year, nowUtc, enrolments.Select(e => e.Enrolment), cancellationToken);
        return (result, routes, enrolments.ToDictionary(e => e.Enrolment.Id, e => e.Track));
    }

    private sealed record ActiveEnrolment(
        Guid Id, Guid PupilId, Guid RouteId, DateOnly StartDate, DateOnly? EndDate, Guid VoInstitutionId, Guid MboInstitutionId);

    /// <summary>Reads the phases and routes of the enrolments read, and counts them with the domain's <see cref="FundingCount"/>.</summary>
    private static async Task<(CountResult Result, Dictionary<Guid, RouteInfo> Routes)> CountAsync(
        IApplicationDbContext db, IQueryable<Enrolment> active, SchoolYear year, DateTime nowUtc, IEnumerable<ActiveEnrolment> enrolments,
        CancellationToken cancellationToken)
    {
        var list = enrolments.ToList();
        var phases = await PhasesAsync(active, year, cancellationToken);
        var routes = await RoutesAsync(db, list.Select(e => e.RouteId), cancellationToken);
        var input = list.Select(e => new CountEnrolment(
            e.Id, e.PupilId, e.RouteId, routes[e.RouteId].EntryYear, e.StartDate, e.EndDate, e.VoInstitutionId,
            e.MboInstitutionId, phases[e.Id].ToList()));
        return (FundingCount.Calculate(year, input, nowUtc), routes);
    }

    /// <summary>R-COUNT-2: the enrolments active on the count date; R-ACCESS-1: only those the user may see.</summary>
    private static IQueryable<Enrolment> Active(IApplicationDbContext db, AccessScope scope, SchoolYear year)
    {
        var countDate = year.CountDate;
        return scope.Enrolments(db).Where(e => e.StartDate <= countDate && (e.EndDate == null || e.EndDate >= countDate));
    }

    /// <summary>
    /// The phase registrations of the same enrolments as one flat join. A collection inside the enrolment query would make
    /// EF Core sort and group 150,000 rows by enrolment: 1.7 times slower at 50,000 pupils (docs/benchmarks.md). Only
    /// registrations in force by the count date can decide the count (R-COUNT-3), so later ones are not read.
    /// </summary>
    private static async Task<ILookup<Guid, PhaseRecord>> PhasesAsync(
        IQueryable<Enrolment> active, SchoolYear year, CancellationToken cancellationToken)
    {
        var countDate = year.CountDate;
        return (await active
                .SelectMany(e => e.Phases.Where(r => r.ValidFrom <= countDate), (e, r) => new { EnrolmentId = e.Id, r.Phase, r.ValidFrom, r.RecordedAt })
                .AsNoTracking()
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.EnrolmentId, r => new PhaseRecord(r.Phase, r.ValidFrom, r.RecordedAt));
    }

    private static async Task<Dictionary<Guid, RouteInfo>> RoutesAsync(
        IApplicationDbContext db, IEnumerable<Guid> enrolmentRouteIds, CancellationToken cancellationToken)
    {
        var routeIds = enrolmentRouteIds.Distinct().ToList();
        return await db.Routes
            .Where(r => routeIds.Contains(r.Id))
            .Select(r => new RouteInfo(r.Id, r.Code, r.Definition.Name, r.Definition.Type, r.Definition.EntryYear))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
    }
}
