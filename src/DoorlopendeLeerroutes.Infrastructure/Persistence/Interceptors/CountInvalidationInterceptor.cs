using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Issue 17: every save that adds, changes, moves, ends or removes an enrolment, records or removes a phase, or changes
/// a route also saves a <see cref="CountInvalidation"/> for it, in the same transaction, so the stored count
/// (<see cref="CountSnapshot"/>) counts those enrolments again before anyone reads it. Every save passes here, whichever
/// page, import or API call made it. Invalidations are per route: counting a route's few dozen pupils again is cheap,
/// and an import of thousands into one route leaves one row.
/// </summary>
public sealed class CountInvalidationInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        var routes = new HashSet<Guid>();
        var enrolments = new HashSet<Guid>();
        var tracked = new Dictionary<Guid, Guid>(); // enrolment → its route, for every enrolment loaded
        foreach (var entry in context.ChangeTracker.Entries<Enrolment>())
        {
            tracked[entry.Entity.Id] = entry.Entity.RouteId;
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                // A moved enrolment leaves one route and joins another: both are counted again.
                routes.Add(entry.Entity.RouteId);
                if (entry.State != EntityState.Added)
                {
                    routes.Add(entry.Property(e => e.RouteId).OriginalValue);
                }
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<PhaseRegistration>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Property(EnrolmentForeignKey).CurrentValue is Guid enrolmentId)
            {
                if (tracked.TryGetValue(enrolmentId, out var routeId))
                {
                    routes.Add(routeId);
                }
                else
                {
                    enrolments.Add(enrolmentId);
                }
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<Route>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                routes.Add(entry.Entity.Id);
            }
        }

        var invalidations = context.Set<CountInvalidation>();
        invalidations.AddRange(routes.Select(CountInvalidation.ForRoute));
        invalidations.AddRange(enrolments.Select(CountInvalidation.ForEnrolment));
    }

    /// <summary>The phase registration's shadow foreign key (see <c>EnrolmentConfiguration</c>).</summary>
    private const string EnrolmentForeignKey = "EnrolmentId";
}
