using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Shell;

/// <summary>The four sections of the navigation answer with a Dutch page of their own.</summary>
public sealed partial class SectionPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/leerroutes", "Leerroutes")]
    [InlineData("/leerlingen", "Leerlingen")]
    [InlineData("/teldatum", "Teldatum 1 oktober")]
    [InlineData("/beheer", "Beheer")]
    public async Task Section_page_has_one_dutch_h1_and_a_title(string path, string heading)
    {
        using var client = await app.SignedInClientAsync(SignIn.Administrator);

        var html = await client.GetStringAsync(path, TestContext.Current.CancellationToken);

        var h1 = Assert.Single(H1().Matches(html));
        Assert.Equal(heading, h1.Groups[1].Value.Trim());
        Assert.Contains($"<title>{heading.Split(' ')[0]}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_page_shows_the_totals_of_the_demo_count_without_pupil_numbers()
    {
        using var client = await app.SignedInClientAsync(SignIn.Administrator);

        var html = await client.GetStringAsync("/teldatum", TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"count-institutions\"", html, StringComparison.Ordinal);
        Assert.Contains("Vakcollege De Horizon", html, StringComparison.Ordinal);
        Assert.Contains("LR-", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b10\d{7}\b", html); // demo pupils have onderwijsnummers starting with 10

        // Issue 17: each table of totals shows one page with its own pager ("1–2 van 2").
        Assert.Contains("data-testid=\"count-institutions-pager\"", html, StringComparison.Ordinal);
        Assert.Matches(@"data-testid=""count-routes-pager""[\s\S]*?\d+(–|&#x2013;)\d+ van \d+", html);
    }

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();
}
