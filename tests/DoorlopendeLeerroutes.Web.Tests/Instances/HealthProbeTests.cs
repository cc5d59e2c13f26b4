using System.Net;
using System.Text.Json;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Instances;

/// <summary>
/// The proxy's probes (issue 17): <c>/health/live</c> checks nothing but the process, <c>/health/ready</c> the database
/// (reachable and migrated), and <c>/health</c> stays what it was.
/// </summary>
public sealed class HealthProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Live_and_ready_answer_healthy_on_a_migrated_database_and_only_ready_checks_it()
    {
        await using var app = new AppFactory();
        using var client = app.CreateClient();

        var (liveStatus, liveChecks) = await ProbeAsync(client, "/health/live");
        var (readyStatus, readyChecks) = await ProbeAsync(client, "/health/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), liveStatus);
        Assert.Empty(liveChecks);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), readyStatus);
        Assert.Equal("database", Assert.Single(readyChecks));
    }

    [Fact]
    public async Task A_database_missing_a_migration_makes_ready_and_health_fail_while_live_stays_up()
    {
        await using var app = new AppFactory();
        using var client = app.CreateClient();
        await using (var db = await app.OpenDbContextAsync())
        {
            var last = (await db.Database.GetAppliedMigrationsAsync(Ct)).Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM __EFMigrationsHistory WHERE MigrationId = {last}", Ct);
        }

        var (live, _) = await ProbeAsync(client, "/health/live");
        var (ready, _) = await ProbeAsync(client, "/health/ready");
        var (health, _) = await ProbeAsync(client, "/health");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), live);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), ready);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), health);
    }

    private static async Task<((HttpStatusCode, string?) Status, string?[] Checks)> ProbeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray();
        return ((response.StatusCode, json.RootElement.GetProperty("status").GetString()), checks);
    }
}
