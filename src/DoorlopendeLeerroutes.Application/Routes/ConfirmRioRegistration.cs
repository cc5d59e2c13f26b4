namespace DoorlopendeLeerroutes.Application.Routes;

/// <summary>
/// R-RIO-1: a coordinator confirms "gemeld in RIO op &lt;datum&gt;" for their own institution on a registered route version.
/// The route's history records it with the partner (the route's audit); a viewer's attempt is recorded as refused.
/// </summary>
public sealed class ConfirmRioRegistration(RouteWork work)
{
    public Task<Result> ExecuteAsync(Guid routeId, Guid version, DateOnly reportedOn, CancellationToken cancellationToken = default) =>
        work.RunAsync(routeId, version, context => Task.FromResult(context.Actor.InstitutionId is { } own
            ? context.Route.ConfirmRioRegistration(own, reportedOn, context.Actor, context.Now)
            : Result.Failure(DomainErrors.Rio.OnlyOwnInstitution)), cancellationToken);
}
