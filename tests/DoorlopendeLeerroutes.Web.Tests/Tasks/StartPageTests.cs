using System.Net;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Tasks;

/// <summary>R-TASK-1 on the rendered start page: the list as links, the empty message, the viewer's count preview.</summary>
public sealed partial class StartPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly OpenTaskKit _tasks = new(app);

    [Fact]
    public async Task R_TASK_1_the_start_page_lists_the_tasks_as_links_under_Te_doen()
    {
        var care = await _tasks.RouteIdAsync(OpenTaskKit.CareRoute);
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);

        var html = await client.GetStringAsync("/", Ct);

        Assert.Single(H1().Matches(html));
        Assert.Matches("<h2[^>]*id=\"start-tasks-heading\"[^>]*>Te doen</h2>", html);
        var list = Regex.Match(html, "<ul[^>]*data-testid=\"open-tasks\"[^>]*>(.*?)</ul>", RegexOptions.Singleline);
        Assert.True(list.Success, "No task list on the start page.");
        var items = Regex.Matches(list.Groups[1].Value, "<li[^>]*data-testid=\"open-task\"[^>]*>.*?</li>", RegexOptions.Singleline);
        Assert.Equal((await _tasks.TasksAsync(SignIn.VoCoordinator)).Count, items.Count);
        Assert.Contains(items, i => i.Value.Contains($"href=\"leerroutes/{care}?tab=rio\"", StringComparison.Ordinal)
                                    && i.Value.Contains("Registreer leerroute Zorg en welzijn vmbo-mbo", StringComparison.Ordinal));
        Assert.DoesNotContain("data-testid=\"open-tasks-empty\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("start-tasks-heading", StringComparison.Ordinal) < html.IndexOf(">Overzicht<", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R_TASK_1_the_start_page_says_nothing_needs_doing_when_the_list_is_empty()
    {
        // The demo's only submitted route is reviewed: the administrator has nothing left to do.
        RouteWorkflow.Ok(await new RouteWorkflow(app).RegisterAsync(await _tasks.RouteIdAsync(OpenTaskKit.TechRoute)));
        using var client = await app.SignedInClientAsync(SignIn.Administrator);

        var html = await client.GetStringAsync("/", Ct);

        Assert.Matches("data-testid=\"open-tasks-empty\"[^>]*>\\s*Er is niets te doen.", html);
        Assert.DoesNotContain("data-testid=\"open-tasks\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_TASK_1_a_viewer_sees_the_count_preview_of_the_own_institution_instead()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoViewer);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/", Ct));

        Assert.Contains("data-testid=\"start-count-preview\"", html, StringComparison.Ordinal);
        Assert.Matches("Voorlopige telling op 1 oktober \\d{4}", html);
        Assert.Contains(OpenTaskKit.CareRoute, html, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenTaskKit.GreenRoute, html, StringComparison.Ordinal); // R-ACCESS-1
        Assert.DoesNotContain(">Te doen<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"teldatum\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rio", "RIO")]
    [InlineData("leerlingen", "Leerlingen")]
    public async Task R_TASK_1_a_task_link_opens_the_route_on_its_tab(string tab, string label)
    {
        var care = await _tasks.RouteIdAsync(OpenTaskKit.CareRoute);
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);

        var html = await client.GetStringAsync($"/leerroutes/{care}?tab={tab}", Ct);

        Assert.Equal(label, ActiveTab(html));
        Assert.Equal("Gegevens", ActiveTab(await client.GetStringAsync($"/leerroutes/{care}", Ct)));
    }

    /// <summary>The text of the tab MudTabs marks as active.</summary>
    private static string ActiveTab(string html)
    {
        var match = Regex.Match(html, "<div[^>]*class=\"[^\"]*mud-tab-active[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        Assert.True(match.Success, "No active tab found.");
        return Regex.Replace(match.Groups[1].Value, "<[^>]+>", string.Empty).Trim();
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}
