namespace DoorlopendeLeerroutes.Application.Routes;

/// <summary>Which version of a route code an API call means.</summary>
public enum RouteVersionChoice
{
    /// <summary>The newest version that is neither withdrawn nor superseded: the one being worked on (edit, submit, review).</summary>
    Latest,

    /// <summary>The registered (or ended) version: the one pupils are enrolled in; the latest when none is registered yet.</summary>
    InForce,
}

/// <summary>
/// Finds the id of a route by its code (the API names routes by code, the pages by id), through the access scope
/// (R-ACCESS-1): another institution's route is "not found", exactly like a code that does not exist, and that refusal is
/// recorded (R-PRIV-2) as the pages record theirs.
/// </summary>
public sealed class RouteByCodeQuery(IApplicationDbContextFactory contexts, AccessScope scope)
{
    public async Task<Guid?> ExecuteAsync(
        string code, RouteVersionChoice choice, int? versionNumber = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var versions = await scope.Routes(db).AsNoTracking()
            .Where(r => r.Code == code)
            .Select(r => new { r.Id, r.VersionNumber, r.Status })
            .ToListAsync(cancellationToken);
        var current = versions.Where(v => v.Status is not (RouteStatus.Withdrawn or RouteStatus.Superseded)).ToList();
        var found = versionNumber is { } number
            ? versions.SingleOrDefault(v => v.VersionNumber == number)
            : choice == RouteVersionChoice.InForce
                ? current.Where(v => v.Status is RouteStatus.Registered or RouteStatus.Ended).MaxBy(v => v.VersionNumber)
                  ?? current.MaxBy(v => v.VersionNumber)
                : current.MaxBy(v => v.VersionNumber);
        if (found is not null)
        {
            return found.Id;
        }

        if (versions.Count == 0)
        {
            var other = await db.Routes.AsNoTracking().Where(r => r.Code == code).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (other is { } id)
            {
                await scope.RecordRefusalAsync(db, AuditObject.Route, id, "leerroute openen via de API", cancellationToken);
            }
        }

        return null;
    }
}
