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
        if (eventData.Context is { } context)
        {
            BeforeSave(context);
        }
    }

    /// <summary>Changes the entities <paramref name="context"/> is about to save.</summary>
    protected abstract void BeforeSave(DbContext context);
}
