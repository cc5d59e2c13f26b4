using System.Net;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Shell;

public sealed partial class HomePageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Home_page_is_dutch_and_shows_the_demo_figures()
    {
        using var client = await app.SignedInClientAsync(SignIn.Administrator);

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"nl\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Start – Doorlopende leerroutes</title>", html, StringComparison.Ordinal);
        Assert.Single(H1().Matches(html));
        Assert.Contains("Doorlopende en geïntegreerde leerroutes vmbo-mbo", html, StringComparison.Ordinal);
        Assert.Equal("6", Figure(html, "overview-institutions"));
        Assert.Equal("2", Figure(html, "overview-registered"));
        Assert.Equal("1", Figure(html, "overview-submitted"));
        Assert.Contains("1 oktober", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Leerroutes", "leerroutes")]
    [InlineData("Leerlingen", "leerlingen")]
    [InlineData("Teldatum", "teldatum")]
    [InlineData("Beheer", "beheer")]
    public async Task Navigation_offers_the_dutch_sections(string label, string href)
    {
        using var client = await app.SignedInClientAsync(SignIn.Administrator);

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Matches($"href=\"{href}\"[^>]*>(?:(?!</a>).)*{label}", html);
    }

    [Fact]
    public async Task Unknown_address_gives_404_with_a_dutch_page()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoViewer);

        using var response = await client.GetAsync("/bestaat-echt-niet", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Pagina niet gevonden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_page_shows_the_requests_correlation_id_and_no_stack_trace()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/fout", TestContext.Current.CancellationToken);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Contains("Er ging iets mis", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(id), html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    private static string Figure(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\".*?<p[^>]*>\\s*(\\d+)\\s*</p>", RegexOptions.Singleline);
        Assert.True(match.Success, $"Figure {testId} not found on the page.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}
