using DoorlopendeLeerroutes.Domain.Institutions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>
/// The store as use cases see it. Implemented by the EF Core context in Infrastructure; the Application layer never
/// knows which database provider is behind it.
/// </summary>
public interface IApplicationDbContext : IAsyncDisposable
{
    DbSet<Institution> Institutions { get; }

    DbSet<Route> Routes { get; }

    DbSet<Pupil> Pupils { get; }

    DbSet<Enrolment> Enrolments { get; }

    /// <summary>R-RECON-1/2: partners' phase files, kept until they expire.</summary>
    DbSet<PhaseUpload> PhaseUploads { get; }

    /// <summary>The stored count (issue 17): lines, the school years counted, and what to count again.</summary>
    DbSet<Counting.CountedEnrolment> CountedEnrolments { get; }

    DbSet<Counting.CountedYear> CountedYears { get; }

    DbSet<Counting.CountInvalidation> CountInvalidations { get; }

    /// <summary>
    /// Lets the database's planner know the stored count's new size after a school year was counted in full, so a
    /// coordinator's count goes along the partner indexes: SQLite keeps no statistics unless asked (ANALYZE); SQL Server
    /// updates its own.
    /// </summary>
    Task UpdateCountStatisticsAsync(CancellationToken cancellationToken = default);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves, and says what happened when the store refused: a concurrency conflict gives
    /// <see cref="CommonErrors.ConcurrencyConflict"/>; a unique index that guards a rule gives that rule's error (recognised
    /// by the index, on every provider). Anything else is a fault and throws, without the provider's message (it may
    /// quote a key).
    /// </summary>
    Task<Result> TrySaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>For a use case that must read and write in one transaction (the pupil import's confirmation).</summary>
    DatabaseFacade Database { get; }

    /// <summary>
    /// A transaction that is also the only one holding <paramref name="resource"/> until it ends, on every instance:
    /// SQLite's transactions already take the database's write lock (BEGIN IMMEDIATE); SQL Server takes an application
    /// lock on the name.
    /// </summary>
    Task<IDbContextTransaction> BeginSerialisedTransactionAsync(string resource, CancellationToken cancellationToken = default);

    /// <summary>Display names of accounts, for history lines ("who did what").</summary>
    Task<Dictionary<Guid, string>> UserNames(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// For a use case that changes thousands of entities in one save (the pupil import's confirmation, the stored count):
    /// it turns automatic detection of changes off and detects them once itself, instead of once per look at the
    /// entries, and may clear what it saved.
    /// </summary>
    ChangeTracker ChangeTracker { get; }

    /// <summary>The change tracker's entry, e.g. to set the <c>Version</c> a form was loaded with.</summary>
    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;
}

/// <summary>
/// Blazor Server keeps a circuit alive for a long time, so a use case opens its own short-lived context per operation
/// (Microsoft's Blazor guidance) instead of sharing one with the component.
/// </summary>
public interface IApplicationDbContextFactory
{
    Task<IApplicationDbContext> CreateAsync(CancellationToken cancellationToken = default);
}
