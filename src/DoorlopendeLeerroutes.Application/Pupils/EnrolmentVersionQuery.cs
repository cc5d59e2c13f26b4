namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>
/// The current version of an enrolment the user may see (R-ACCESS-1), for a change through the API that does not name the
/// version it read; null when it does not exist or belongs to another institution. Nothing of the pupil is read.
/// </summary>
public sealed class EnrolmentVersionQuery(IApplicationDbContextFactory contexts, AccessScope scope)
{
    public async Task<Guid?> ExecuteAsync(Guid enrolmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await scope.Enrolments(db).AsNoTracking().Where(e => e.Id == enrolmentId).Select(e => (Guid?)e.Version)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
