using System.Globalization;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Routes;

// The route actions of docs/domain.md §4, one class per action. Each loads the route through RouteWork (access, concurrency,
// one save) and leaves the rules to the Route aggregate.

/// <summary>A coordinator starts a new route with partners (R-ROUTE-1…6); it gets the next code of its first school year.</summary>
public sealed class CreateRoute(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<Result<Guid>> ExecuteAsync(RouteForm form, CancellationToken cancellationToken = default)
    {
        var definition = form.ToDefinition();
        if (definition.IsFailure)
        {
            return Result<Guid>.Failure(definition.Errors);
        }

        // Two coordinators may create a route of the same school year at the same moment: the unique index on the
        // code refuses the second, which then tries again, in a fresh context, with the next number.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateAsync(cancellationToken);
            var partners = await RoutePartners.LoadAsync(db, form.Partners, cancellationToken);
            if (partners is null)
            {
                return Result<Guid>.Failure(RouteErrors.PartnerUnknown);
            }

            var code = await RouteCodes.NextAsync(db, definition.Value.FirstSchoolYear, cancellationToken);
            var created = Route.Create(code, definition.Value, partners, scope.User.ToActor(), time.GetUtcNow().UtcDateTime);
            if (created.IsFailure)
            {
                return Result<Guid>.Failure(created.Errors);
            }

            db.Routes.Add(created.Value);
            var saved = await db.TrySaveChangesAsync(cancellationToken);
            if (saved.IsSuccess)
            {
                return Result<Guid>.Success(created.Value.Id, created.Warnings);
            }

            if (!saved.HasError(RouteErrors.CodeTaken.Code) || attempt >= 5)
            {
                return Result<Guid>.Failure(saved.Errors);
            }

            // The code was taken meanwhile: next attempt.
        }
    }
}

/// <summary>Changes a draft or rejected route; partners confirm again (docs/domain.md §4.3).</summary>
public sealed class EditRoute(RouteWork work)
{
    public Task<Result> ExecuteAsync(Guid routeId, RouteForm form, CancellationToken cancellationToken = default) =>
        work.RunAsync(routeId, form.Version, async context =>
        {
            var definition = form.ToDefinition();
            if (definition.IsFailure)
            {
                return definition;
            }

            var partners = await RoutePartners.LoadAsync(context.Db, form.Partners, context.CancellationToken);
            return partners is null
                ? Result.Failure(RouteErrors.PartnerUnknown)
                : context.Route.Edit(definition.Value, partners, context.Actor, context.Now);
        }, cancellationToken);
}

/// <summary>R-ROUTE-8: the coordinator confirms that their own institution takes part.</summary>
public sealed class ConfirmParticipation(RouteWork work)
{
    public Task<Result> ExecuteAsync(Guid routeId, Guid version, CancellationToken cancellationToken = default) =>
        work.RunAsync(routeId, version, context => Task.FromResult(context.Actor.InstitutionId is { } own
            ? context.Route.ConfirmParticipation(own, context.Actor, context.Now)
            : Result.Failure(DomainErrors.Route.ConfirmOnlyOwnInstitution)), cancellationToken);
}

/// <summary>R-ROUTE-7/8: reports the route to the administrator.</summary>
public sealed class SubmitRoute(RouteWork work)
{
    public Task<Result> ExecuteAsync(Guid routeId, Guid version, CancellationToken cancellationToken = default) =>
        work.RunAsync(routeId, version, context => Task.FromResult(context.Route.Submit(context.Actor, context.Now)), cancellationToken);
}

/// <summary>
/// R-ROUTE-9/10: an administrator registers a submitted route. A new version replaces the version in force, and its
/// open enrolments move along in the same save.
/// </summary>
public sealed class RegisterRoute(RouteWork work)
{
    public Task<Result> ExecuteAsync(Guid routeId, Guid version, CancellationToken cancellationToken = default) =>
        work.RunAsync(routeId, version, async context =>
        {
            if (context.Route.PreviousVersionId is not { } previousId)
            {
                return context.Route.Register(context.Actor, context.Now);
            }

            var previous = await context.Db.Routes.SingleAsync(r => r.Id == previousId, context.CancellationToken);
            var registered = context.Route.Register(context.Actor, context.Now, previous);
            if (registered.IsFailure)
            {
                return registered;
            }

            var open = await context.Db.Enrolments
                .Where(e => e.RouteId == previousId && e.EndDate == null)
                .ToListAsync(context.CancellationToken);
            var failures = open.Select(e => e.MoveTo(context.Route)).Where(r => r.IsFailure).ToList();
            return failures.Count == 0 ? registered : failures[0];
        }, cancellationToken);
}

/// <summary>R-ROUTE-9: an administrator rejects a submitted route with a reason the partners see.</summary>
public sealed class RejectRoute(RouteWork work)
{
    public Task<Result> ExecuteAsync(Guid routeId, Guid version, string? reason, CancellationToken cancellationToken = default) =>
        work.RunAsync(routeId, version, context => Task.FromResult(context.Route.Reject(context.Actor, reason, context.Now)), cancellationToken);
}

/// <summary>R-ROUTE-10: starts a new draft version of a registered route; the registered one stays in force.</summary>
public sealed class StartNewRouteVersion(RouteWork work)
{
    public Task<Result<Guid>> ExecuteAsync(Guid routeId, Guid version, CancellationToken cancellationToken = default) =>
        work.RunAsync(routeId, version, async context =>
        {
            // Withdrawn versions keep their number, so the next one comes after the highest ever used.
            var highest = await context.Db.Routes.Where(r => r.Code == context.Route.Code)
                .MaxAsync(r => r.VersionNumber, context.CancellationToken);
            var next = context.Route.StartNewVersion(context.Actor, context.Now, highest + 1);
            if (next.IsFailure)
            {
                return Result<Guid>.Failure(next.Errors);
            }

            context.Db.Routes.Add(next.Value);
            return Result<Guid>.Success(next.Value.Id);
        }, cancellationToken);
}

/// <summary>R-ROUTE-11: an administrator ends a registered route once no pupil is enrolled after the end date.</summary>
public sealed class EndRoute(RouteWork work)
{
    public Task<Result> ExecuteAsync(
        Guid routeId, Guid version, DateOnly endDate, string? reason, CancellationToken cancellationToken = default) =>
        work.RunAsync(routeId, version, async context =>
        {
            var stillEnrolled = await context.Db.Enrolments.CountAsync(
                e => e.RouteId == routeId && (e.EndDate == null || e.EndDate > endDate), context.CancellationToken);
            return context.Route.End(context.Actor, endDate, reason, stillEnrolled, context.Now);
        }, cancellationToken);
}

/// <summary>Withdraws a draft or rejected route (or new version) that will not be submitted.</summary>
public sealed class WithdrawRoute(RouteWork work)
{
    public Task<Result> ExecuteAsync(Guid routeId, Guid version, CancellationToken cancellationToken = default) =>
        work.RunAsync(routeId, version, async context =>
        {
            var previous = context.Route.PreviousVersionId is { } previousId
                ? await context.Db.Routes.SingleAsync(r => r.Id == previousId, context.CancellationToken)
                : null;
            return context.Route.Withdraw(context.Actor, context.Now, previous);
        }, cancellationToken);
}

/// <summary>Loads the partner institutions the form names; null when one of them does not exist.</summary>
internal static class RoutePartners
{
    public static async Task<List<RoutePartnerInput>?> LoadAsync(
        IApplicationDbContext db, IReadOnlyCollection<PartnerLine> lines, CancellationToken cancellationToken)
    {
        var ids = lines.Select(l => l.InstitutionId).Distinct().ToList();
        var institutions = await db.Institutions.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        if (institutions.Count != ids.Count)
        {
            return null;
        }

        return lines.Select(l => new RoutePartnerInput(institutions[l.InstitutionId], l.Site)).ToList();
    }
}

/// <summary>Route codes: <c>LR-2026-0001</c>, numbered per first school year.</summary>
internal static class RouteCodes
{
    public static async Task<string> NextAsync(IApplicationDbContext db, SchoolYear year, CancellationToken cancellationToken)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"LR-{year.StartYear}-");
        var codes = await db.Routes.Where(r => r.Code.StartsWith(prefix)).Select(r => r.Code).Distinct().ToListAsync(cancellationToken);
        var highest = codes
            .Select(c => int.TryParse(c[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return prefix + (highest + 1).ToString("0000", CultureInfo.InvariantCulture);
    }
}
