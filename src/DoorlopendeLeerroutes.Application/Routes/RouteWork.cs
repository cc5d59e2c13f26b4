namespace DoorlopendeLeerroutes.Application.Routes;

/// <summary>
/// The frame of every change to a route: <see cref="ScopedWork"/> with the route loaded through the access scope
/// (R-ACCESS-1: another institution's route is "not found").
/// </summary>
public sealed class RouteWork(ScopedWork work)
{
    public static readonly WorkTarget<Route> Target = new((scope, db) => scope.Routes(db), AuditObject.Route, RouteErrors.NotFound, "leerroute wijzigen");

    public Task<Result<T>> RunAsync<T>(
        Guid routeId, Guid? expectedVersion, Func<RouteContext, Task<Result<T>>> action, CancellationToken cancellationToken) =>
        work.RunAsync<Route, T>(Target, routeId, expectedVersion, context => action(RouteContext.Of(context)), cancellationToken);

    public Task<Result> RunAsync(
        Guid routeId, Guid? expectedVersion, Func<RouteContext, Task<Result>> action, CancellationToken cancellationToken) =>
        work.RunAsync<Route>(Target, routeId, expectedVersion, context => action(RouteContext.Of(context)), cancellationToken);
}

/// <summary>What an action on a loaded route has at hand.</summary>
public sealed record RouteContext(IApplicationDbContext Db, Route Route, Actor Actor, DateTime Now, CancellationToken CancellationToken)
{
    internal static RouteContext Of(WorkContext<Route> context) =>
        new(context.Db, context.Entity, context.Actor, context.Now, context.CancellationToken);
}
