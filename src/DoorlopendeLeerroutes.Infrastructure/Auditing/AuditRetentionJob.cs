using DoorlopendeLeerroutes.Application.Auditing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Infrastructure.Auditing;

/// <summary>
/// R-PRIV-2: audit lines are kept for <see cref="PrivacyOptions.AuditRetention"/> (default 2 years) and then removed.
/// Runs shortly after start-up and then once a day; each instance may run it, the delete is idempotent.
/// </summary>
public sealed class AuditRetentionJob(
    IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<AuditRetentionJob> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>Removes the lines older than the retention period; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.AuditRetention;
        var removed = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RemoveOlderThanAsync(cutoff, cancellationToken);
        logger.LogInformation("Audit retention: {RemovedCount} lines older than {Cutoff:o} removed", removed, cutoff);
        return removed;
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
                    // The next day tries again; the log says why this one failed.
                    logger.LogError(ex, "Audit retention failed");
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
