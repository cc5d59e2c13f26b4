namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>
/// "Select all" on the route page: the active enrolments of the route whose phase the user may change with
/// <see cref="BulkPhaseChange"/>. One more than <see cref="BulkPhaseChange.MaxSelection"/> at most, so the page can say
/// the selection is too large without loading a whole year.
/// </summary>
public sealed class BulkPhaseSelectionQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<IReadOnlyList<Guid>> ExecuteAsync(Guid routeId, CancellationToken cancellationToken = default)
    {
        var actor = scope.User.ToActor();
        if (actor.InstitutionId is not { } own || !actor.IsCoordinatorOf(own))
        {
            return [];
        }

        await using var db = await contexts.CreateAsync(cancellationToken);
        var today = DutchTime.Today(time.GetUtcNow().UtcDateTime);
        return await scope.Enrolments(db)
            .Where(e => e.RouteId == routeId && (e.EndDate == null || e.EndDate >= today))
            .Select(e => e.Id)
            .Take(BulkPhaseChange.MaxSelection + 1)
            .ToListAsync(cancellationToken);
    }
}
