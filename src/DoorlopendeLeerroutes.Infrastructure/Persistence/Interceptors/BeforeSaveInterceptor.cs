using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The base of the interceptors that change tracked entities just before EF Core saves them: synchronous and asynchronous
/// saves both pass through <see cref="BeforeSave"/>, so no save path can skip it.
/// </summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Run(eventData);
        return base.SavingChanges(eventData, result);
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Run(eventData);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Run(DbContextEventData eventData)
    {
        if (eventData.Context is not { } context)
        {
            return;
        }

        // Changes are detected once here, and not again by every ChangeTracker.Entries() inside BeforeSave: each
        // detection walks every tracked entity, which is most of the cost of a large save (issue 17: the pupil import
        // tracks 20,000). A caller that turned automatic detection off has called DetectChanges itself, as EF Core's
        // own SaveChanges assumes.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        if (detect)
        {
            tracker.DetectChanges();
            tracker.AutoDetectChangesEnabled = false;
        }

        try
        {
            BeforeSave(context);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Changes the entities <paramref name="context"/> is about to save. Changes are already detected: listing the
    /// entries does not detect them again.
    /// </summary>
    protected abstract void BeforeSave(DbContext context);
}
