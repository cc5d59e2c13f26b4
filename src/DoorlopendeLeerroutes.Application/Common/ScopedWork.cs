namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>
/// How a change finds its aggregate: through the access scope (R-ACCESS-1: another institution's is "not found"), and
/// what is recorded when it is refused (R-PRIV-2).
/// </summary>
public sealed record WorkTarget<TEntity>(
    Func<AccessScope, IApplicationDbContext, IQueryable<TEntity>> InScope,
    AuditObject AuditObject,
    DomainError NotFound,
    string Attempt)
    where TEntity : Entity;

/// <summary>What an action on a loaded aggregate has at hand.</summary>
public sealed record WorkContext<TEntity>(
    IApplicationDbContext Db, TEntity Entity, UserContext User, Actor Actor, DateTime Now, CancellationToken CancellationToken);

/// <summary>
/// The frame of every change to one aggregate: one short-lived context, the aggregate loaded through the access scope,
/// the version the user's screen showed as concurrency check, the action, and one save
/// (<see cref="IApplicationDbContext.TrySaveChangesAsync"/>). A stale screen gets the conflict message and nothing is saved.
/// </summary>
public sealed class ScopedWork(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<Result<T>> RunAsync<TEntity, T>(
        WorkTarget<TEntity> target,
        Guid id,
        Guid? expectedVersion,
        Func<WorkContext<TEntity>, Task<Result<T>>> action,
        CancellationToken cancellationToken)
        where TEntity : Entity
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var entity = await target.InScope(scope, db).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null)
        {
            await scope.RecordRefusalAsync(db, target.AuditObject, id, target.Attempt, cancellationToken);
            return Result<T>.Failure(target.NotFound);
        }

        if (expectedVersion is { } version)
        {
            db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        }

        var user = scope.User;
        var result = await action(new WorkContext<TEntity>(db, entity, user, user.ToActor(), time.GetUtcNow().UtcDateTime, cancellationToken));
        if (result.IsFailure)
        {
            if (result.HasError(DomainErrors.Access.ReadOnly.Code))
            {
                await scope.RecordForbiddenAsync(target.AuditObject, id, target.Attempt + " met alleen leesrechten", cancellationToken);
            }

            return result;
        }

        var saved = await db.TrySaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? result : Result<T>.Failure(saved.Errors);
    }

    public async Task<Result> RunAsync<TEntity>(
        WorkTarget<TEntity> target, Guid id, Guid? expectedVersion, Func<WorkContext<TEntity>, Task<Result>> action, CancellationToken cancellationToken)
        where TEntity : Entity =>
        await RunAsync<TEntity, bool>(
            target,
            id,
            expectedVersion,
            async context =>
            {
                var result = await action(context);
                return result.IsSuccess ? Result<bool>.Success(true, result.Warnings) : Result<bool>.Failure(result.Errors);
            },
            cancellationToken);
}
