namespace DoorlopendeLeerroutes.Application.RouteFinder;

/// <summary>
/// The public route finder's data set, kept in memory (R-MON-2: fast without an account). It changes only when a route
/// is registered, ended or superseded or an institution changes; a save of such a change calls <see cref="Invalidate"/>
/// on this instance (Infrastructure's PublicRouteChangeInterceptor). Other instances behind the same load balancer
/// (issue 17) do not hear of it, so every set also expires after <see cref="Lifetime"/>: a change shows everywhere within
/// a minute, here at once (docs/decisions.md, "Route finder").
/// </summary>
public sealed class PublicRouteCache(TimeProvider time) : IDisposable
{
    /// <summary>How long a loaded set is used at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Lock _gate = new();
    private PublicRouteSet? _current;
    private long _generation;

    /// <summary>The cached set, or a fresh one from <paramref name="load"/>; one load at a time, the others wait for it.</summary>
    public async Task<PublicRouteSet> GetAsync(
        Func<CancellationToken, Task<IReadOnlyList<PublicRoute>>> load, CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            long generation;
            lock (_gate)
            {
                generation = _generation;
            }

            var set = new PublicRouteSet(await load(cancellationToken), time.GetUtcNow().UtcDateTime);
            lock (_gate)
            {
                // A change saved while this set was read may be missing from it: use it for this request only.
                if (generation == _generation)
                {
                    _current = set;
                }
            }

            return set;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the cached set; the next request reads the store again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _current = null;
        }
    }

    public void Dispose() => _loading.Dispose();

    private PublicRouteSet? Fresh()
    {
        lock (_gate)
        {
            return _current is { } set && time.GetUtcNow().UtcDateTime - set.LoadedAtUtc < Lifetime ? set : null;
        }
    }
}
