using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Security;

/// <summary>Issue 11, HTTP hardening: the browser headers on every kind of response, and no session on static files and /health.</summary>
public sealed partial class SecurityHeaderTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)] // a page
    [InlineData("/app.css", HttpStatusCode.OK)] // a static file
    [InlineData("/_content/MudBlazor/MudBlazor.min.js", HttpStatusCode.OK)] // a static file of a package
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/bestaat-niet", HttpStatusCode.Found)] // anonymous: to the login page
    [InlineData("/fout", HttpStatusCode.OK)] // the error page
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode expected)
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_download_a_signed_in_page_and_the_404_page_carry_the_security_headers()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);

        using var download = await client.GetAsync($"/teldatum/{SchoolYears.LastCounted}/export.csv", Ct);
        using var page = await client.GetAsync("/", Ct);
        using var notFound = await client.GetAsync("/bestaat-niet", Ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(download);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertSecurityHeaders(page);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        AssertSecurityHeaders(notFound);
    }

    [Fact]
    public async Task Csp_allows_the_import_map_by_its_hash_and_no_other_inline_script_or_eval()
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/account/login", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var csp = Csp(response);
        var importMap = ImportMap().Match(html);
        Assert.True(importMap.Success, "The page renders an import map.");
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.Groups[1].Value))) + "'";
        var scriptSrc = Directive(csp, "script-src");
        Assert.Equal($"script-src 'self' {hash}", scriptSrc);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("default-src 'self'", Directive(csp, "default-src"));
        Assert.Equal("frame-ancestors 'none'", Directive(csp, "frame-ancestors"));
        Assert.Equal("object-src 'none'", Directive(csp, "object-src"));
        Assert.Equal("connect-src 'self'", Directive(csp, "connect-src"));

        // Every other script on the page is a file of this origin (allowed by 'self'), none is inline.
        Assert.All(Scripts().Matches(html), script => Assert.True(
            script.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal) || script.Groups["attributes"].Value.Contains("importmap", StringComparison.Ordinal),
            "Inline script: " + script.Value));

        // Over plain http (dotnet run in Development) nothing is upgraded, or the page would break.
        Assert.DoesNotContain("upgrade-insecure-requests", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blazor_sets_no_second_policy_that_would_differ()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoViewer);

        using var response = await client.GetAsync("/", Ct);

        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Single(response.Headers.GetValues("X-Frame-Options"));
    }

    [Fact]
    public async Task Static_files_and_health_do_not_reissue_the_session_cookie()
    {
        using var client = await app.SignedInClientAsync(SignIn.MboViewer);

        using var css = await client.GetAsync("/app.css", Ct);
        using var script = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.js", Ct);
        using var health = await client.GetAsync("/health", Ct);
        using var page = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.Contains("Set-Cookie"), "Set-Cookie on a static file: " + string.Join(" | ", css.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.False(script.Headers.Contains("Set-Cookie"), "Set-Cookie on a static file of a package");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(health.Headers.Contains("Set-Cookie"), "Set-Cookie on /health");

        // Control: the session itself still works on a page.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Csp(response);
        Assert.StartsWith("default-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Single(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    private static string Csp(HttpResponseMessage response) => Single(response, "Content-Security-Policy");

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"No {header} on {response.RequestMessage?.RequestUri}");

    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));

    [GeneratedRegex("<script type=\"importmap\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMap();

    [GeneratedRegex("<script(?<attributes>[^>]*)>", RegexOptions.Singleline)]
    private static partial Regex Scripts();
}
