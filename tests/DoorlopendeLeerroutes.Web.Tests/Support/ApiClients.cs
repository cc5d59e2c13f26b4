using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DoorlopendeLeerroutes.Infrastructure.ApiClients;
using DoorlopendeLeerroutes.Web.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>
/// API clients in tests (issue 14): the demo clients of Development, and an <see cref="HttpClient"/> with a real access
/// token, fetched from the app's own token endpoint through the in-memory test server.
/// </summary>
public static class ApiClients
{
    /// <summary>Vakcollege De Horizon (05KO), every institution scope.</summary>
    public const string Horizon = "demo-horizon";

    /// <summary>ROC Rivierenland (25PG), every institution scope.</summary>
    public const string RocRivierenland = "demo-rocrivierenland";

    /// <summary>Groene Vallei vmbo (21CD): a partner in none of Horizon's routes with ROC Rivierenland.</summary>
    public const string GroeneValleiVmbo = "demo-groenevallei-vmbo";

    /// <summary>The registry: acts as an administrator, with the registry scopes.</summary>
    public const string Registry = "demo-register";

    /// <summary>The secret of a demo client (ApiClientSeeder, the README's table).</summary>
    public static string SecretOf(string clientId) =>
        ApiClientSeeder.DemoClients.Single(c => c.ClientId == clientId).Secret;

    /// <summary>
    /// A client with a bearer token of <paramref name="clientId"/> (default secret: the demo client's), for
    /// <paramref name="scope"/> (space-separated; default: every scope the client has).
    /// </summary>
    public static async Task<HttpClient> ApiClientAsync(
        this WebApplicationFactory<Program> app, string clientId, string? secret = null, string? scope = null)
    {
        var token = await app.AccessTokenAsync(clientId, secret, scope);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A fresh access token; throws with the server's answer when the token endpoint refuses.</summary>
    public static async Task<string> AccessTokenAsync(
        this WebApplicationFactory<Program> app, string clientId, string? secret = null, string? scope = null)
    {
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await RequestTokenAsync(http, clientId, secret ?? SecretOf(clientId), scope);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request of {clientId} failed: {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Posts a client-credentials token request with HTTP Basic authentication, as <c>curl -u id:secret</c> does.</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string clientId, string secret, string? scope = null)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            fields["scope"] = scope;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, ApiContract.TokenPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(secret))));
        return http.SendAsync(request);
    }

    /// <summary>The claims of a JWT access token's payload (the tokens are signed, not encrypted, so they can be read).</summary>
    public static JsonElement PayloadOf(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.Clone();
    }

    /// <summary>Reads a problem-details answer (RFC 9457).</summary>
    public static async Task<JsonElement> ProblemOf(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
