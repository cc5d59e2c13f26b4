using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary><c>/health</c>: the database answers a query and has every migration of this build applied.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("De database is niet bereikbaar.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("De database is bereikbaar en bijgewerkt.")
                : HealthCheckResult.Unhealthy($"De database mist {pending} migratie(s).");
        }
#pragma warning disable CA1031 // a health check reports every failure instead of throwing
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("De database is niet bereikbaar.", ex);
        }
    }
}
