using System.Threading.Channels;
using DoorlopendeLeerroutes.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Infrastructure.Notifications;

/// <summary>
/// The in-process queue behind <see cref="IEmailOutbox"/>: a user action adds its notices after its save and goes on;
/// this background service sends them one by one (<see cref="EmailDelivery"/>: audit line on success, a log line on
/// failure). Messages still queued when the app stops are lost – notices are a courtesy, the route page holds the
/// truth (docs/decisions.md). At start-up it logs once whether e-mail is on.
/// </summary>
internal sealed class EmailOutbox(IOptions<EmailOptions> options, IServiceScopeFactory scopes, ILogger<EmailOutbox> logger)
    : BackgroundService, IEmailOutbox
{
    private const int Capacity = 10_000;

    private readonly Channel<EmailMessage> _queue = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private int _pending;

    public bool IsEnabled => options.Value.IsEnabled;

    public void Enqueue(EmailMessage message)
    {
        if (!IsEnabled)
        {
            return;
        }

        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(message))
        {
            Interlocked.Decrement(ref _pending);
            logger.LogWarning("E-mail queue full: {EmailKind} to user {UserId} dropped", message.Audit.Kind, message.To.UserId);
        }
    }

    /// <summary>For tests: completes when every queued message has been handled (sent or failed).</summary>
    internal async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            logger.LogInformation("E-mail is off: Email:Smtp:Host is not set, so no notices or digests are sent");
            return;
        }

        logger.LogInformation(
            "E-mail is on: SMTP server {SmtpHost}:{SmtpPort} ({SmtpSecurity}); weekly digest schedule {DigestSchedule}",
            settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.Security, settings.Digest.Enabled ? "on" : "off");
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<EmailDelivery>().DeliverAsync(message, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "E-mail {EmailKind} to user {UserId} not handled", message.Audit.Kind, message.To.UserId);
                }
                finally
                {
                    Interlocked.Decrement(ref _pending);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
