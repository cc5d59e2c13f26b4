using DoorlopendeLeerroutes.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Infrastructure.Notifications;

/// <summary>
/// Runs <see cref="WeeklyDigest"/> a minute after start-up and then every quarter of an hour, when e-mail is on and
/// <c>Email:Digest:Enabled</c> is not false. All decisions (which week, who is done) are in <see cref="DigestSchedule"/>
/// and the store, so every instance may run it; outside 1 September–1 October a run only reads the clock.
/// </summary>
internal sealed class WeeklyDigestJob(
    IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider time, ILogger<WeeklyDigestJob> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled || !options.Value.Digest.Enabled)
        {
            return;
        }

        try
        {
            await Task.Delay(FirstRunDelay, time, stoppingToken);
            using var timer = new PeriodicTimer(Interval, time);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().RunAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next run tries again; the log says why this one failed.
                    logger.LogError(ex, "Weekly digest run failed");
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
