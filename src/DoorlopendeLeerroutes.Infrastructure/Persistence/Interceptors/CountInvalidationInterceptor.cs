using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Issue 17: every save that adds, changes, moves, ends or removes an enrolment, records or removes a phase, or changes
/// a route also saves a <see cref="CountInvalidation"/> for it, in the same transaction, so the stored count
/// (<see cref="CountSnapshot"/>) counts those enrolments again before anyone reads it. Every save passes here, whichever
/// page, import or API call made it. Registered after <see cref="AuditAndVersionInterceptor"/>, whose change detection
/// has then marked an enrolment whose phases changed as modified.
/// </summary>
public sealed class CountInvalidationInterceptor : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        var routes = new HashSet<Guid>();
        var enrolments = new HashSet<Guid>();
        var counted = new HashSet<Guid>();
        foreach (var entry in context.ChangeTracker.Entries<Enrolment>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                // A moved enrolment leaves one route and joins another: both are counted again.
                routes.Add(entry.Entity.RouteId);
                if (entry.State != EntityState.Added)
                {
                    routes.Add(entry.Property(e => e.RouteId).OriginalValue);
                }

                counted.Add(entry.Entity.Id);
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<PhaseRegistration>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Property(EnrolmentForeignKey).CurrentValue is Guid enrolmentId && !counted.Contains(enrolmentId))
            {
                enrolments.Add(enrolmentId);
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
