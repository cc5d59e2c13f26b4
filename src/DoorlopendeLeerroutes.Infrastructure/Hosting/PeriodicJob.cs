using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Infrastructure.Hosting;

/// <summary>
/// A background job that runs shortly after start-up and then at a fixed interval, on every instance: each job's work is
/// safe to run on several at once. A failed run is logged and the next one tries again; stopping the app ends it.
/// The clock is the app's <see cref="TimeProvider"/>, so tests decide when a run is due.
/// </summary>
public abstract class PeriodicJob(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The app's clock, for the run's own use too.</summary>
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>Time after start-up before the first run: the app serves its first requests first.</summary>
    protected abstract TimeSpan FirstRunDelay { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the job runs at all (the weekly digest only when e-mail is on).</summary>
    protected virtual bool IsEnabled => true;

    /// <summary>One run.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled)
        {
            return;
        }

        try
        {
            await Task.Delay(FirstRunDelay, Time, stoppingToken);
            using var timer = new PeriodicTimer(Interval, Time);
            do
            {
                try
                {
                    await RunAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next run tries again; the log says why this one failed.
                    Logger.LogError(ex, "{Job} run failed", GetType().Name);
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
