using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Application.Routes;

/// <summary>
/// The frame of every change to a route: one short-lived context, the route loaded through the access scope
/// (R-ACCESS-1: another institution's route is "not found"), the version the user's screen showed as concurrency check,
/// the action, and one save. A stale screen gets the Dutch conflict message and nothing is saved.
/// </summary>
public sealed class RouteWork(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public AccessScope Scope => scope;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Result<T>> RunAsync<T>(
        Guid routeId,
        Guid? expectedVersion,
        Func<RouteContext, Task<Result<T>>> action,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var route = await scope.Routes(db).SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken);
        if (route is null)
        {
            await scope.RecordRefusalAsync(db, AuditObject.Route, routeId, "leerroute wijzigen", cancellationToken);
            return Result<T>.Failure(RouteErrors.NotFound);
        }

        if (expectedVersion is { } version)
        {
            db.Entry(route).Property(r => r.Version).OriginalValue = version;
        }

        var result = await action(new RouteContext(db, route, scope.User.ToActor(), Now, cancellationToken));
        if (result.IsFailure)
        {
            if (result.HasError(DomainErrors.Access.ReadOnly.Code))
            {
                await scope.RecordForbiddenAsync(AuditObject.Route, routeId, "leerroute wijzigen met alleen leesrechten", cancellationToken);
            }

            return result;
        }

        var saved = await db.TrySaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? result : Result<T>.Failure(saved.Errors);
    }

    public async Task<Result> RunAsync(
        Guid routeId, Guid? expectedVersion, Func<RouteContext, Task<Result>> action, CancellationToken cancellationToken) =>
        await RunAsync<bool>(
            routeId,
            expectedVersion,
            async context =>
            {
                var result = await action(context);
                return result.IsSuccess ? Result<bool>.Success(true, result.Warnings) : Result<bool>.Failure(result.Errors);
            },
            cancellationToken);
}

/// <summary>What an action on a loaded route has at hand.</summary>
public sealed record RouteContext(IApplicationDbContext Db, Route Route, Actor Actor, DateTime Now, CancellationToken CancellationToken);
