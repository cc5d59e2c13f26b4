using DoorlopendeLeerroutes.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;
using DoorlopendeLeerroutes.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Infrastructure.Notifications;

/// <summary>
/// Runs <see cref="WeeklyDigest"/> a minute after start-up and then every quarter of an hour, when e-mail is on and
/// <c>Email:Digest:Enabled</c> is not false. All decisions (which week, who is done) are in <see cref="DigestSchedule"/>
/// and the store, so every instance may run it; outside 1 September–1 October a run only reads the clock.
/// </summary>
internal sealed class WeeklyDigestJob(
    IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider time, ILogger<WeeklyDigestJob> logger)
    : PeriodicJob(time, logger)
{
    protected override TimeSpan FirstRunDelay => TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override bool IsEnabled => options.Value.IsEnabled && options.Value.Digest.Enabled;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().RunAsync(cancellationToken);
    }
}
