using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Configurations;
using DoorlopendeLeerroutes.Infrastructure.Pupils;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Sets the keyed hash of a new pupil's number (R-PUPIL-8), so every insert path (form, import, demo data) gets it and
/// the unique index on the hash guards "one pupil per number".
/// </summary>
public sealed class PupilNumberHashInterceptor(PupilNumberProtector protector) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SetHashes(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        SetHashes(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void SetHashes(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<Pupil>().Where(e => e.State == EntityState.Added))
        {
            entry.Property<string>(PupilConfiguration.NumberHash).CurrentValue = protector.LookupHash(entry.Entity.Number);
        }
    }
}
