using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Api;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Api;

/// <summary>
/// Issue 14, the API's authorization server: real tokens from /oauth/token (client credentials), their claims, scopes,
/// and that only a bearer token opens an API policy and only a cookie opens a page (R-ACCESS-2).
/// </summary>
public sealed class ApiAuthenticationTests(ApiTestAppFactory app) : IClassFixture<ApiTestAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_ACCESS_2_the_demo_Horizon_client_gets_a_short_lived_token_and_acts_as_a_coordinator_of_Horizon_only()
    {
        var token = await app.AccessTokenAsync(ApiClients.Horizon);
        var payload = ApiClients.PayloadOf(token);
        var lifetime = payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64();
        Assert.InRange(lifetime, 60, 600);

        using var client = await app.ApiClientAsync(ApiClients.Horizon);
        using var response = await client.GetAsync(ApiTestAppFactory.TestPath + "/" + ApiScopes.ReadRoutes, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await using var db = await app.OpenDbContextAsync();
        var horizon = await db.Institutions.SingleAsync(i => i.Name == "Vakcollege De Horizon", Ct);
        var record = await db.ApiClients.SingleAsync(c => c.ClientId == ApiClients.Horizon, Ct);
        Assert.Equal(record.Id, user.GetProperty("userId").GetGuid());
        Assert.Equal(nameof(UserRole.Coordinator), user.GetProperty("role").GetString());
        Assert.Equal(horizon.Id, user.GetProperty("institutionId").GetGuid());
        Assert.Equal("koppeling " + record.Name, user.GetProperty("email").GetString());
    }

    [Fact]
    public async Task R_ACCESS_2_the_registry_client_acts_as_an_administrator_without_an_institution()
    {
        using var client = await app.ApiClientAsync(ApiClients.Registry);
        using var response = await client.GetAsync(ApiTestAppFactory.TestPath + "/" + ApiScopes.Registry, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(nameof(UserRole.Administrator), user.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("institutionId").ValueKind);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_as_invalid_client()
    {
        using var http = app.CreateClient();
        using var response = await ApiClients.RequestTokenAsync(http, ApiClients.Horizon, "niet-het-geheim");

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_client_gets_no_scope_it_was_not_given_and_a_token_without_a_scope_is_refused_with_403()
    {
        // An institution client asking for the registry scope: refused at the token endpoint.
        using var http = app.CreateClient();
        using var refused = await ApiClients.RequestTokenAsync(http, ApiClients.Horizon, ApiClients.SecretOf(ApiClients.Horizon), ApiScopes.Registry);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // A token asked for one scope carries only that one, and does not open another scope's policy.
        var token = await app.AccessTokenAsync(ApiClients.Horizon, scope: ApiScopes.ReadRoutes);
        Assert.Equal(ApiScopes.ReadRoutes, ApiClients.PayloadOf(token).GetProperty("scope").GetString());
        using var client = await app.ApiClientAsync(ApiClients.Horizon, scope: ApiScopes.ReadRoutes);
        using var response = await client.GetAsync(ApiTestAppFactory.TestPath + "/" + ApiScopes.WritePupils, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ApiProblems.ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClients.ProblemOf(response);
        Assert.Contains(ApiScopes.WritePupils, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_ACCESS_2_a_sign_in_cookie_does_not_satisfy_an_API_policy_and_a_bearer_token_does_not_open_a_page()
    {
        using var browser = await app.SignedInClientAsync(SignIn.VoCoordinator);
        using var withCookie = await browser.GetAsync(ApiTestAppFactory.TestPath + "/" + ApiScopes.ReadRoutes, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
        Assert.Equal(ApiProblems.ContentType, withCookie.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", withCookie.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((await ApiClients.ProblemOf(withCookie)).GetProperty("detail").GetString()));

        using var client = await app.ApiClientAsync(ApiClients.Horizon);
        using var page = await client.GetAsync("/leerroutes", Ct);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_or_a_forged_token_gets_401_problem_details()
    {
        using var http = app.CreateClient();
        using var none = await http.GetAsync(ApiTestAppFactory.TestPath + "/" + ApiScopes.ReadRoutes, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(ApiProblems.ContentType, none.Content.Headers.ContentType?.MediaType);

        var token = await app.AccessTokenAsync(ApiClients.Horizon);
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiTestAppFactory.TestPath + "/" + ApiScopes.ReadRoutes);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
