using System.Net;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Security;

/// <summary>
/// Issue 12, item 10: fingerprinted static files (their name changes with their content) are cached for a year and marked
/// immutable; pages keep <c>no-store</c>; the favicon every page links to exists (no 404 on every page).
/// </summary>
public sealed partial class StaticFileCachingTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fingerprinted_css_and_js_are_cached_for_a_year_as_immutable_and_a_page_is_not_stored()
    {
        using var client = app.HttpsClient();
        using var page = await client.GetAsync("/account/login", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        // The app's own files: a package's files (_content/…) are served from the package folder only in Development or
        // after publishing, not by a Production-configured test host.
        var assets = Fingerprinted().Matches(html).Select(m => m.Groups["path"].Value)
            .Where(a => !a.StartsWith("_content/", StringComparison.Ordinal)).ToList();
        Assert.Contains(assets, a => a.StartsWith("app.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync("/" + asset, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, asset + " " + await response.Content.ReadAsStringAsync(Ct));
            var cacheControl = response.Headers.CacheControl;
            Assert.True(cacheControl is { NoStore: false, MaxAge.TotalDays: >= 365 }, $"{asset}: Cache-Control {cacheControl}");
            Assert.Contains("immutable", cacheControl.ToString(), StringComparison.Ordinal);
        }

        Assert.True(page.Headers.CacheControl?.NoStore, $"page: Cache-Control {page.Headers.CacheControl}");
    }

    [Fact]
    public async Task Every_page_links_a_favicon_that_exists()
    {
        using var client = app.HttpsClient();
        using var page = await client.GetAsync("/account/login", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        var icon = Icon().Match(html);
        Assert.True(icon.Success, "The page links an icon.");
        using var response = await client.GetAsync("/" + icon.Groups["path"].Value, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        // The CSP allows it: img-src 'self' covers an icon of this origin.
        Assert.Contains("img-src 'self'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [GeneratedRegex("""(?:href|src)="(?<path>[^"]+\.[a-z0-9]{8,}\.(?:css|js))" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Fingerprinted();

    [GeneratedRegex("<link rel=\"icon\"[^>]*href=\"(?<path>[^\"]+)\"")]
    private static partial Regex Icon();
}

/// <summary>
/// The same in Development (<c>dotnet run</c>), for a signed-in user: package files too (served from the package there),
/// while the signed-in page itself is not stored.
/// </summary>
public sealed partial class StaticFileCachingSignedInTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_in_user_gets_fingerprinted_files_cached_as_immutable_and_the_page_not_stored()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);
        using var page = await client.GetAsync("/", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        var assets = Fingerprinted().Matches(html).Select(m => m.Groups["path"].Value).ToList();
        Assert.Contains(assets, a => a.StartsWith("_content/MudBlazor/", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync("/" + asset, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cacheControl = response.Headers.CacheControl;
            Assert.True(cacheControl is { NoStore: false, NoCache: false, MaxAge.TotalDays: >= 365 }, $"{asset}: Cache-Control {cacheControl}");
            Assert.Contains("immutable", cacheControl.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, $"page: Cache-Control {page.Headers.CacheControl}");
    }

    [GeneratedRegex("""(?:href|src)="(?<path>[^"]+\.[a-z0-9]{8,}\.(?:css|js))" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Fingerprinted();
}

