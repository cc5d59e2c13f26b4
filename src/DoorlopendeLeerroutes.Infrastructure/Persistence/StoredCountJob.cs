using DoorlopendeLeerroutes.Application.Counting;
using Microsoft.Extensions.DependencyInjection;
using DoorlopendeLeerroutes.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>
/// Issue 17: keeps the stored count current in the background (<see cref="RefreshStoredCount"/>): shortly after start-up
/// and then every five minutes. Every instance may run it; refreshes are serialised in the database, and a reader
/// brings the count up to date itself anyway, so this only saves the next reader the wait.
/// </summary>
public sealed class StoredCountJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<StoredCountJob> logger)
    : PeriodicJob(time, logger)
{
    protected override TimeSpan FirstRunDelay => TimeSpan.FromSeconds(30);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RefreshStoredCount>().RunAsync(cancellationToken);
    }

    protected override Task RunAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);
}
