using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Infrastructure.ApiClients;
using DoorlopendeLeerroutes.Infrastructure.Auditing;
using DoorlopendeLeerroutes.Web.Api;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Api;

/// <summary>
/// Issue 14, what every API call goes through: the disclosure record (R-PRIV-2), revocation that works at once,
/// Idempotency-Key for writes, and (in <see cref="ApiRateLimitTests"/>) the rate limit per client.
/// </summary>
public sealed class ApiPipelineTests(ApiTestAppFactory app) : IClassFixture<ApiTestAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PRIV_2_every_API_call_is_recorded_with_the_client_the_method_and_the_route_template()
    {
        // The class's other tests call as this client too: count the lines this one call adds.
        var record = await RecordOfAsync(ApiClients.RocRivierenland);
        var before = await CallsOfAsync(record.Id);
        using var client = await app.ApiClientAsync(ApiClients.RocRivierenland);
        using var response = await client.GetAsync(ApiTestAppFactory.TestPath + "/" + ApiScopes.ReadCount, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var added = (await CallsOfAsync(record.Id)).ExceptBy(before.Select(c => c.Id), c => c.Id).ToList();
        var call = Assert.Single(added);
        Assert.Equal("GET", call.Subject);
        Assert.Equal(ApiTestAppFactory.TestPath + "/" + ApiScopes.ReadCount + " → 200", call.Detail);
        Assert.Equal(record.InstitutionId, call.ActorInstitutionId);

        // The audit log names the client as "koppeling <naam>".
        var log = await app.ServiceAs<AuditLogQuery>(await app.UserAsync(SignIn.Administrator))
            .ListAsync(new AuditFilter([AuditKind.ApiCall], Person: record.Name), new(0, 50), Ct);
        Assert.NotEmpty(log.Items);
        Assert.All(log.Items, line => Assert.Equal("koppeling " + record.Name, line.ActorName));
    }

    private async Task<ApiClient> RecordOfAsync(string clientId)
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.ApiClients.AsNoTracking().SingleAsync(c => c.ClientId == clientId, Ct);
    }

    private async Task<List<AuditEntry>> CallsOfAsync(Guid clientRecordId)
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.AuditLog.AsNoTracking().Where(a => a.Kind == AuditKind.ApiCall && a.ActorUserId == clientRecordId).ToListAsync(Ct);
    }

    [Fact]
    public async Task R_ACCESS_2_a_revoked_clients_token_stops_working_at_once_and_it_gets_no_new_token()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ApiClientRegistry>();
        var horizon = (await registry.FindActiveAsync(ApiClients.Horizon, Ct))!;
        var (created, secret) = await registry.CreateAsync(
            "Intrekken test", horizon.InstitutionId, [ApiScopes.ReadRoutes], createdBy: null, cancellationToken: Ct);
        using var client = await app.ApiClientAsync(created.ClientId, secret);
        using (var before = await client.GetAsync(ApiTestAppFactory.TestPath + "/" + ApiScopes.ReadRoutes, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await registry.RevokeAsync(created.Id, revokedBy: null, Ct);

        using var after = await client.GetAsync(ApiTestAppFactory.TestPath + "/" + ApiScopes.ReadRoutes, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(ApiProblems.ContentType, after.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ingetrokken", (await ApiClients.ProblemOf(after)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var http = app.CreateClient();
        using var token = await ApiClients.RequestTokenAsync(http, created.ClientId, secret);
        Assert.False(token.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_write_retried_with_the_same_Idempotency_Key_runs_once_and_gets_the_same_answer_again()
    {
        using var client = await app.ApiClientAsync(ApiClients.Horizon);
        var key = Guid.NewGuid().ToString();
        var runsBefore = app.Writes;

        using var first = await PostAsync(client, key, "{\"fase\":\"vo\"}");
        using var retry = await PostAsync(client, key, "{\"fase\":\"vo\"}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(runsBefore + 1, app.Writes);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await retry.Content.ReadAsStringAsync(Ct));
        Assert.Equal(first.Content.Headers.ContentType?.MediaType, retry.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(retry.Headers.Contains(ApiRequestPipeline.ReplayedHeader));
        Assert.False(first.Headers.Contains(ApiRequestPipeline.ReplayedHeader));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_another_body_is_refused_with_422_and_writes_without_a_key_run_each_time()
    {
        using var client = await app.ApiClientAsync(ApiClients.Horizon);
        var key = Guid.NewGuid().ToString();
        using (var first = await PostAsync(client, key, "{\"fase\":\"vo\"}"))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var runs = app.Writes;
        using var other = await PostAsync(client, key, "{\"fase\":\"mbo\"}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(ApiProblems.ContentType, other.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", (await ApiClients.ProblemOf(other)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Keys belong to one client: another client's identical key is a new request.
        using var rocClient = await app.ApiClientAsync(ApiClients.RocRivierenland);
        using (var theirs = await PostAsync(rocClient, key, "{\"fase\":\"mbo\"}"))
        {
            Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        }

        using (var a = await PostAsync(client, key: null, "{}"))
        using (var b = await PostAsync(client, key: null, "{}"))
        {
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], new[] { a.StatusCode, b.StatusCode });
        }

        Assert.Equal(runs + 3, app.Writes);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string? key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ApiTestAppFactory.WritePath)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add(ApiRequestPipeline.IdempotencyKeyHeader, key);
        }

        return client.SendAsync(request, Ct);
    }
}

/// <summary>The rate limit per client, with a limit of 3 calls a minute.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.LowLimitApp app) : IClassFixture<ApiRateLimitTests.LowLimitApp>
{
    public sealed class LowLimitApp : ApiTestAppFactory
    {
        protected override int? RequestsPerMinute => 3;
    }

    [Fact]
    public async Task A_client_over_its_limit_gets_429_problem_details_with_Retry_After_and_another_client_is_not_affected()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.ApiClientAsync(ApiClients.GroeneValleiVmbo);
        var path = ApiTestAppFactory.TestPath + "/" + ApiScopes.ReadRoutes;
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync(path, ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(ApiProblems.ContentType, refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());

        using var other = await app.ApiClientAsync(ApiClients.Horizon);
        using var theirs = await other.GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
    }
}
