namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>
/// Base of every stored entity. <see cref="Version"/> is an app-managed concurrency token (SQLite has no rowversion):
/// the persistence layer renews it on every save, and a form that carries an old value is refused.
/// </summary>
public abstract class Entity
{
    protected Entity(Guid id) => Id = id;

    public Guid Id { get; private set; }

    public Guid Version { get; private set; }
}
