namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>One pupil in the route's list: masked number (R-PUPIL-8), phase today and the expected phase (R-PUPIL-5).</summary>
public sealed record RoutePupilItem(
    Guid EnrolmentId, string Name, string MaskedNumber, DateOnly StartDate, DateOnly? EndDate, Phase? PhaseToday, Phase ExpectedPhase)
{
    public bool DiffersFromExpected => PhaseToday is { } phase && phase != ExpectedPhase;
}

/// <summary>The pupils of one route that the user may see, a page at a time, ordered by last name.</summary>
public sealed class RoutePupilListQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<PagedResult<RoutePupilItem>> ExecuteAsync(
        Guid routeId, PageRequest page, bool includeEnded = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var today = DutchTime.Today(time.GetUtcNow().UtcDateTime);
        var route = await scope.Routes(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken);
        if (route is null)
        {
            return new PagedResult<RoutePupilItem>([], 0);
        }

        var enrolments = scope.Enrolments(db).Where(e => e.RouteId == routeId);
        if (!includeEnded)
        {
            enrolments = enrolments.Where(e => e.EndDate == null || e.EndDate >= today);
        }

        var listed = from e in enrolments
                     join p in db.Pupils on e.PupilId equals p.Id
                     select new { Enrolment = e, Pupil = p };
        var total = await listed.CountAsync(cancellationToken);
        var rows = await listed
            .OrderBy(x => x.Pupil.LastName).ThenBy(x => x.Pupil.FirstName).ThenBy(x => x.Enrolment.Id)
            .Skip(page.Skip).Take(page.Take)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var items = rows.Select(x => new RoutePupilItem(
                x.Enrolment.Id, x.Pupil.FullName, x.Pupil.Number.Masked, x.Enrolment.StartDate, x.Enrolment.EndDate,
                x.Enrolment.PhaseOn(today), PhaseHistory.ExpectedPhaseOn(today, x.Enrolment.StartDate, route.Definition.EntryYear)))
            .ToList();
        return new PagedResult<RoutePupilItem>(items, total);
    }
}
