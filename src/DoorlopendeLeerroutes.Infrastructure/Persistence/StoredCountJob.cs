using DoorlopendeLeerroutes.Application.Counting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>
/// Issue 17: keeps the stored count current in the background (<see cref="RefreshStoredCount"/>): shortly after start-up
/// and then every five minutes. Every instance may run it; refreshes are serialised in the database, and a reader
/// brings the count up to date itself anyway, so this only saves the next reader the wait.
/// </summary>
public sealed class StoredCountJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<StoredCountJob> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RefreshStoredCount>().RunAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, time, stoppingToken);
            using var timer = new PeriodicTimer(Interval, time);
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next run (or the next reader) tries again; the log says why this one failed.
                    logger.LogError(ex, "Refreshing the stored count failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
