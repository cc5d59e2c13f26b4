using System.Runtime.CompilerServices;
using DoorlopendeLeerroutes.Application.RouteFinder;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Issue 16: forgets the public route finder's cached data (<see cref="PublicRouteCache"/>) once a save has changed what
/// it shows: a route version entering or leaving <see cref="RouteStatus.Registered"/> (registered, ended, superseded), or
/// any institution added, changed or removed. Every save passes here, whichever page, import or API call made it, so no
/// use case has to remember it. Seen before the save, acted on after it succeeded: a reader between the two would cache
/// the old data again. Bulk updates (ExecuteUpdate) bypass interceptors; the cache's expiry covers them.
/// </summary>
public sealed class PublicRouteChangeInterceptor(PublicRouteCache cache) : SaveChangesInterceptor
{
    private static readonly object Pending = new();
    private readonly ConditionalWeakTable<DbContext, object> _changed = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context, saved: true);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context, saved: true);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Done(eventData.Context, saved: false);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context, saved: false);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    /// <summary>Whether a save of <paramref name="context"/>'s changes alters the public data set.</summary>
    /// <remarks>
    /// One pass over the entries (each listing detects changes again, a walk over every tracked entity: issue 17's
    /// import tracks 20,000).
    /// </remarks>
    public static bool ChangesPublicData(DbContext context) =>
        context.ChangeTracker.Entries().Any(e => e.Entity switch
        {
            Institution => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted,
            Route => RouteChangesPublicData(e),
            _ => false,
        });

    private static bool RouteChangesPublicData(EntityEntry route)
    {
        var status = route.Property(nameof(Route.Status));
        return route.State switch
        {
            EntityState.Added => status.CurrentValue is RouteStatus.Registered,
            EntityState.Deleted => status.OriginalValue is RouteStatus.Registered,
            EntityState.Modified => status.IsModified
                                    && (status.OriginalValue is RouteStatus.Registered || status.CurrentValue is RouteStatus.Registered),
            _ => false,
        };
    }

    private void Note(DbContext? context)
    {
        if (context is not null && ChangesPublicData(context))
        {
            _changed.AddOrUpdate(context, Pending);
        }
    }

    private void Done(DbContext? context, bool saved)
    {
        if (context is not null && _changed.TryGetValue(context, out _))
        {
            _changed.Remove(context);
            if (saved)
            {
                cache.Invalidate();
            }
        }
    }
}
