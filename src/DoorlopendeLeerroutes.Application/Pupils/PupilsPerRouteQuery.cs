namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>Per route with pupils today: how many are active and in which phase (figures only, no names).</summary>
public sealed record RoutePupilFigures(
    Guid RouteId, string Code, string Name, int Active, int InVoPhase, int InMboPhase, int WithoutPhase, int DifferFromExpected);

public sealed class PupilsPerRouteQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<IReadOnlyList<RoutePupilFigures>> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var today = DutchTime.Today(time.GetUtcNow().UtcDateTime);

        var active = await scope.Enrolments(db)
            .Where(e => e.StartDate <= today && (e.EndDate == null || e.EndDate >= today))
            .Select(e => new
            {
                e.RouteId, e.StartDate,
                Phases = e.Phases.Select(p => new PhaseRecord(p.Phase, p.ValidFrom, p.RecordedAt)).ToList(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        // Every route with pupils today, whatever its status: pupils of a route that is being ended or replaced by a
        // new version must not drop out of sight.
        var routeIds = active.Select(e => e.RouteId).Distinct().ToList();
        var routes = await db.Routes
            .Where(r => routeIds.Contains(r.Id))
            .OrderBy(r => r.Code).ThenBy(r => r.VersionNumber)
            .Select(r => new { r.Id, r.Code, r.Definition.Name, r.Definition.EntryYear })
            .ToListAsync(cancellationToken);

        return routes.Select(r =>
        {
            var pupils = active.Where(e => e.RouteId == r.Id)
                .Select(e => (Phase: PhaseHistory.PhaseOn(e.Phases, today),
                    Expected: PhaseHistory.ExpectedPhaseOn(today, e.StartDate, r.EntryYear)))
                .ToList();
            return new RoutePupilFigures(
                r.Id, r.Code, r.Name, pupils.Count,
                pupils.Count(p => p.Phase == Phase.Vo), pupils.Count(p => p.Phase == Phase.Mbo),
                pupils.Count(p => p.Phase is null), pupils.Count(p => p.Phase is not null && p.Phase != p.Expected));
        }).ToList();
    }
}
