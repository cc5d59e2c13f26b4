namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>
/// Audit columns on every entity as shadow properties: the domain does not need them, the registry does.
/// Filled in by <see cref="Interceptors.AuditAndVersionInterceptor"/>.
/// </summary>
internal static class AuditColumns
{
    public const string CreatedAt = nameof(CreatedAt);
    public const string CreatedBy = nameof(CreatedBy);
    public const string ModifiedAt = nameof(ModifiedAt);
    public const string ModifiedBy = nameof(ModifiedBy);

    public static void AddTo(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            var entity = modelBuilder.Entity(entityType.ClrType);
            entity.Property<DateTime>(CreatedAt);
            entity.Property<Guid?>(CreatedBy);
            entity.Property<DateTime>(ModifiedAt);
            entity.Property<Guid?>(ModifiedBy);

            // Ids are made by the domain (Guid.NewGuid), never by the database: this also makes EF treat a new child
            // added to a tracked aggregate as an insert rather than an update.
            entity.Property(nameof(Entity.Id)).ValueGeneratedNever();
            entity.Property(nameof(Entity.Version)).IsConcurrencyToken();
        }
    }
}
