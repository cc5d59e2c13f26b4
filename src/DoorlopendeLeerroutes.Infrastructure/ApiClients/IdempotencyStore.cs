using DoorlopendeLeerroutes.Infrastructure.Persistence;

namespace DoorlopendeLeerroutes.Infrastructure.ApiClients;

/// <summary>What to do with a write that carries an <c>Idempotency-Key</c>.</summary>
public enum IdempotencyOutcome
{
    /// <summary>First time: run it, then <see cref="IdempotencyStore.CompleteAsync"/> (or abandon it on a failure).</summary>
    Run,

    /// <summary>Done before with the same request: send <see cref="IdempotencyStore.Begin.Stored"/> again.</summary>
    Replay,

    /// <summary>The key was used for another request (another body, method or path).</summary>
    Mismatch,

    /// <summary>The first request with this key is still running.</summary>
    InProgress,
}

/// <summary>
/// The stored requests behind <c>Idempotency-Key</c> (issue 14): per client and key, the hash of the request and, once
/// done, its response, kept for <see cref="Retention"/>. The unique index on (client, key) makes two simultaneous first
/// requests one run and one "in progress".
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public sealed record Begin(IdempotencyOutcome Outcome, Guid Id, IdempotentRequest? Stored = null);

    public async Task<Begin> BeginAsync(Guid clientId, string key, string requestHash, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Expired keys of this client go first, so a key may be used again after 24 hours.
        var cutoff = now - Retention;
        await db.IdempotentRequests.Where(r => r.ClientId == clientId && r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);

        var existing = await db.IdempotentRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == key, cancellationToken);
        if (existing is not null)
        {
            return Decide(existing, requestHash);
        }

        var pending = new IdempotentRequest { ClientId = clientId, Key = key, RequestHash = requestHash, CreatedAt = now };
        db.IdempotentRequests.Add(pending);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Begin(IdempotencyOutcome.Run, pending.Id);
        }
        catch (DbUpdateException)
        {
            // Another request with the same key was first.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            var first = await again.IdempotentRequests.AsNoTracking()
                .SingleAsync(r => r.ClientId == clientId && r.Key == key, cancellationToken);
            return Decide(first, requestHash);
        }
    }

    public async Task CompleteAsync(
        Guid id, int statusCode, string? contentType, byte[] body, string? location, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.IdempotentRequests.Where(r => r.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(r => r.Completed, true).SetProperty(r => r.StatusCode, statusCode)
                .SetProperty(r => r.ContentType, contentType).SetProperty(r => r.Body, body).SetProperty(r => r.Location, location),
            cancellationToken);
    }

    /// <summary>Forgets a run that failed (a server error or an exception), so a retry runs again.</summary>
    public async Task AbandonAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.IdempotentRequests.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private static Begin Decide(IdempotentRequest existing, string requestHash) =>
        existing.RequestHash != requestHash ? new Begin(IdempotencyOutcome.Mismatch, existing.Id)
        : existing.Completed ? new Begin(IdempotencyOutcome.Replay, existing.Id, existing)
        : new Begin(IdempotencyOutcome.InProgress, existing.Id);
}
