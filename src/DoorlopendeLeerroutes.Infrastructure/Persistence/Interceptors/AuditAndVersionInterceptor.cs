using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Sets the audit columns and renews the app-managed <see cref="Entity.Version"/> concurrency token on every save
/// (SQLite has no rowversion). A change to a child (a partner's confirmation, a phase registration) also renews the
/// version of the entity that holds it, so two people saving the same aggregate always collide instead of merging.
/// </summary>
public sealed class AuditAndVersionInterceptor(ICurrentUser currentUser, TimeProvider time) : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext context)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var user = currentUser.UserId;

        var entries = context.ChangeTracker.Entries<Entity>().ToList();
        var deleted = entries.Where(e => e.State == EntityState.Deleted).ToList();
        foreach (var entry in entries)
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Property(AuditColumns.CreatedAt).CurrentValue = now;
                    entry.Property(AuditColumns.CreatedBy).CurrentValue = user;
                    Touch(entry, now, user);
                    break;
                case EntityState.Modified:
                    Touch(entry, now, user);
                    break;
                case EntityState.Unchanged when HasChangedChildren(entry, deleted):
                    Touch(entry, now, user);
                    break;
            }
        }
    }

    private static void Touch(EntityEntry<Entity> entry, DateTime now, Guid? user)
    {
        entry.Property(AuditColumns.ModifiedAt).CurrentValue = now;
        entry.Property(AuditColumns.ModifiedBy).CurrentValue = user;

        // The original value stays what was read (or what a form carried), so the UPDATE checks it. By name, not by a
        // lambda: a lambda builds an expression tree per entry, thousands per save in an import.
        entry.Property(nameof(Entity.Version)).CurrentValue = Guid.NewGuid();
    }

    private static bool HasChangedChildren(EntityEntry entry, List<EntityEntry<Entity>> deleted) =>
        entry.Collections.Any(collection =>
            collection.CurrentValue is { } children
            && children.Cast<object>().Any(child =>
            {
                var childEntry = entry.Context.Entry(child);
                return childEntry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                       || HasChangedChildren(childEntry, deleted);
            }))
        || deleted.Any(e => IsChildOf(e, entry));

    // A child removed from a collection is no longer in it, so ask the deleted rows whose foreign key points here.
    private static bool IsChildOf(EntityEntry candidate, EntityEntry parent) =>
        candidate.Metadata.GetForeignKeys().Any(fk =>
            fk.PrincipalEntityType == parent.Metadata && fk.PrincipalToDependent is not null && !fk.IsOwnership
            && fk.Properties.Count == 1
            && Equals(candidate.Property(fk.Properties[0].Name).OriginalValue, parent.Property(nameof(Entity.Id)).CurrentValue));
}
