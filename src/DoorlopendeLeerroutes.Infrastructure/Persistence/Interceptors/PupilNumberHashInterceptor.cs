using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Configurations;
using DoorlopendeLeerroutes.Infrastructure.Pupils;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Sets the keyed hash of a new pupil's number (R-PUPIL-8), so every insert path (form, import, demo data) gets it and
/// the unique index on the hash guards "one pupil per number".
/// </summary>
public sealed class PupilNumberHashInterceptor(PupilNumberProtector protector) : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<Pupil>().Where(e => e.State == EntityState.Added))
        {
            entry.Property<string>(PupilConfiguration.NumberHash).CurrentValue = protector.LookupHash(entry.Entity.Number);
        }
    }
}
