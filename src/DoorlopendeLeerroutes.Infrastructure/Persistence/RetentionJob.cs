using DoorlopendeLeerroutes.Application.Auditing;
using Microsoft.Extensions.DependencyInjection;
using DoorlopendeLeerroutes.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>What one run of the <see cref="RetentionJob"/> removed.</summary>
public sealed record RetentionRun(int AuditLines, int PhaseUploads);

/// <summary>
/// Personal data is kept no longer than its purpose needs, in one place: audit lines for
/// <see cref="PrivacyOptions.AuditRetention"/> (default 2 years, R-PRIV-2), and the kept rows of phase files until they
/// expire (R-RECON-1; reads already ignore an expired one). Runs shortly after start-up and then every hour; each instance
/// may run it, the deletes are idempotent.
/// </summary>
public sealed class RetentionJob(
    IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
    : PeriodicJob(time, logger)
{
    protected override TimeSpan FirstRunDelay => TimeSpan.FromMinutes(1);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    /// <summary>Removes what has passed its retention period.</summary>
    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = Time.GetUtcNow().UtcDateTime;
        var cutoff = now - options.Value.AuditRetention;
        var auditLines = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RemoveOlderThanAsync(cutoff, cancellationToken);

        await using var db = await scope.ServiceProvider.GetRequiredService<IApplicationDbContextFactory>().CreateAsync(cancellationToken);
        var phaseUploads = await db.PhaseUploads.Where(u => u.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);

        Logger.LogInformation(
            "Retention: {AuditLineCount} audit lines older than {Cutoff:o} and {PhaseUploadCount} expired phase files removed",
            auditLines, cutoff, phaseUploads);
        return new RetentionRun(auditLines, phaseUploads);
    }

    protected override Task RunAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);
}
