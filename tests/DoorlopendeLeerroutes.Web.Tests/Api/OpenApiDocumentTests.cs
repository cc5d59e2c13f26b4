using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DoorlopendeLeerroutes.Web.Api;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Api;

/// <summary>
/// The API's contract: the served OpenAPI document equals the committed docs/api/openapi-v1.json, so every change to the
/// API is a reviewed diff; the document and docs page are public.
/// </summary>
public sealed class OpenApiDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string UpdateVariable = "UPDATE_OPENAPI";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Served_document_equals_the_committed_one()
    {
        using var client = app.AnonymousClient();
        var served = Normalised(await client.GetStringAsync(ApiContract.OpenApiPath, Ct));
        var file = Path.Combine(RepositoryRoot(), "docs", "api", "openapi-v1.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(file, served, Ct);
        }

        var committed = File.Exists(file) ? Normalised(await File.ReadAllTextAsync(file, Ct)) : string.Empty;
        Assert.True(
            committed == served,
            $"The API's OpenAPI document differs from docs/api/openapi-v1.json. If the change is intended, update the file with "
            + $"`{UpdateVariable}=1 dotnet test tests/DoorlopendeLeerroutes.Web.Tests --filter \"FullyQualifiedName~OpenApiDocumentTests\"`, "
            + "lint it (README \"API\") and commit the diff.");
    }

    [Fact]
    public async Task Document_is_public_with_cors_version_header_contact_servers_and_the_oauth2_scheme()
    {
        using var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiContract.OpenApiPath);
        request.Headers.Add("Origin", "https://leverancier.example");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(ApiContract.Version, Assert.Single(response.Headers.GetValues(ApiEndpoints.VersionHeader)));
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ApiContract.Version, document["info"]!["version"]!.GetValue<string>());
        Assert.NotNull(document["info"]!["contact"]!["email"]);
        Assert.Equal(ApiContract.BasePath, document["servers"]![0]!["url"]!.GetValue<string>());
        var flow = document["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["clientCredentials"]!;
        Assert.Equal(ApiContract.TokenPath, flow["tokenUrl"]!.GetValue<string>());
        Assert.All(ApiScopes.ForInstitutions.Concat(ApiScopes.ForRegistry), scope => Assert.NotNull(flow["scopes"]![scope]));
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/leerroutes/{code}/leerling-imports", paths);
        Assert.Contains("/bekostigingsfase-opzoeken", paths);
        Assert.All(paths, path => Assert.DoesNotContain("leerlingnummer", path, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Docs_page_is_public_and_only_it_allows_inline_script()
    {
        using var client = app.AnonymousClient();

        using var docs = await client.GetAsync(ApiDocumentation.DocsPath + "/", Ct); // Scalar serves the page below a trailing slash
        using var page = await client.GetAsync("/account/login", Ct);

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("'unsafe-inline'", ScriptSource(docs), StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", ScriptSource(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_api_address_answers_a_dutch_problem_not_an_html_page()
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync(ApiContract.BasePath + "/bestaat-niet", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApiProblems.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ApiContract.Version, Assert.Single(response.Headers.GetValues(ApiEndpoints.VersionHeader)));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.Equal("Niet gevonden", problem["title"]!.GetValue<string>());
    }

    private static string ScriptSource(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim())
            .Single(d => d.StartsWith("script-src", StringComparison.Ordinal));

    /// <summary>Indented, with \n line ends and a final newline, so the committed file diffs well.</summary>
    private static string Normalised(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DoorlopendeLeerroutes.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("DoorlopendeLeerroutes.sln not found above " + AppContext.BaseDirectory);
    }
}
