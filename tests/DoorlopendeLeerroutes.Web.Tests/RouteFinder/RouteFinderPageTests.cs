using System.Net;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.RouteFinder;

/// <summary>
/// R-MON-2 through the real app: anyone opens /routes-zoeken and finds the registered routes by every filter, by a
/// school's name or place; nothing else shows, no pupil data at all, and the address is the view (a link to share).
/// </summary>
public sealed partial class RouteFinderPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Care = "Zorg en welzijn vmbo-mbo"; // registered; Culemborg + Tiel (Gelderland), Z&W, niveau 3, doorlopend
    private const string Green = "Groen geïntegreerd BB-niveau 2"; // registered; Amersfoort (Utrecht) + Barneveld (Gelderland)

    /// <summary>The demo routes that are not in force: submitted, rejected, draft.</summary>
    private static readonly string[] NotInForce = ["Techniek breed naar niveau 4", "Ondernemen en retail", "Mediavormgeving"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RouteWorkflow _flow = new(app);

    [Fact]
    public async Task R_MON_2_anonymous_visitor_finds_the_registered_demo_routes_without_signing_in()
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/routes-zoeken", Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Leerroutes zoeken</h1>", page, StringComparison.Ordinal);
        Assert.Contains(Care, page, StringComparison.Ordinal);
        Assert.Contains(Green, page, StringComparison.Ordinal);
        Assert.Contains("Vakcollege De Horizon (vmbo) – Culemborg, Gelderland", page, StringComparison.Ordinal);
        Assert.Contains("Zorg en welzijn (Z&W) → mbo niveau 3", page, StringComparison.Ordinal);
        Assert.Contains("25491", page, StringComparison.Ordinal); // the crebo
        foreach (var name in NotInForce)
        {
            Assert.DoesNotContain(name, page, StringComparison.Ordinal);
        }

        // The chart (an SVG picture) and its text alternative, the counts table.
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">Utrecht</th>\s*<td class=""finder-number"">[1-9]", page);
    }

    [Fact]
    public async Task R_MON_2_anonymous_visitor_sees_the_public_links_and_no_signed_in_menu()
    {
        using var client = app.AnonymousClient();

        var finder = await client.GetStringAsync("/routes-zoeken", Ct);
        var login = await client.GetStringAsync("/account/login", Ct);

        Assert.Contains("data-testid=\"nav-routes-zoeken\"", finder, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-login\"", finder, StringComparison.Ordinal);
        foreach (var signedInOnly in new[] { "nav-leerroutes", "nav-leerlingen", "nav-beheer", "data-testid=\"logout\"", "user-name" })
        {
            Assert.DoesNotContain(signedInOnly, finder, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"routes-zoeken\" data-testid=\"login-route-finder\"", login, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignIn.VoViewer)]
    [InlineData(SignIn.Administrator)]
    public async Task R_MON_2_signed_in_users_open_the_finder_too_with_their_menu(string email)
    {
        using var client = await app.SignedInClientAsync(email);

        using var response = await client.GetAsync("/routes-zoeken?profiel=zw", Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Care, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Green, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-routes-zoeken\"", page, StringComparison.Ordinal); // in the menu for everyone
        Assert.Contains("data-testid=\"logout\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("provincie=utrecht", Green, Care)]
    [InlineData("provincie=noord-brabant", null, Care)]
    [InlineData("rmc=Eemland", Green, Care)]
    [InlineData("rmc=Rivierenland", Care, Green)]
    [InlineData("profiel=groen", Green, Care)]
    [InlineData("profiel=zw", Care, Green)]
    [InlineData("niveau=2", Green, Care)]
    [InlineData("niveau=3", Care, Green)]
    [InlineData("type=geintegreerd", Green, Care)]
    [InlineData("type=doorlopend", Care, Green)]
    [InlineData("sector=groen", Green, Care)]
    [InlineData("sector=zorg-en-welzijn", Care, Green)]
    [InlineData("zoek=Horizon", Care, Green)]
    [InlineData("zoek=groene%20vallei", Green, Care)]
    [InlineData("zoek=tiel", Care, Green)]
    [InlineData("zoek=Barneveld", Green, Care)]
    [InlineData("provincie=gelderland&profiel=groen&niveau=2", Green, Care)]
    public async Task R_MON_2_each_filter_and_the_search_on_school_name_or_place_finds_the_right_routes(
        string query, string? expected, string absent)
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/routes-zoeken?" + query, Ct);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"finder-notes\"", page, StringComparison.Ordinal);
        if (expected is not null)
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("data-testid=\"finder-none\"", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(absent, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_MON_2_a_route_with_partners_in_two_provinces_counts_in_each_and_a_province_filter_shows_its_own_group()
    {
        using var client = app.AnonymousClient();

        var all = WebUtility.HtmlDecode(await client.GetStringAsync("/routes-zoeken?profiel=groen", Ct));
        var utrecht = WebUtility.HtmlDecode(await client.GetStringAsync("/routes-zoeken?profiel=groen&provincie=utrecht", Ct));

        // Amersfoort (Utrecht) and Barneveld (Gelderland): one route, listed under both provinces.
        Assert.Contains("1 leerroute gevonden", all, StringComparison.Ordinal);
        Assert.Equal(["Gelderland", "Utrecht"], Groups(all));
        Assert.Equal(2, Regex.Count(all, "data-testid=\"finder-route\""));
        Assert.Matches(@"<th scope=""row"">Gelderland</th>\s*<td class=""finder-number"">1</td>", all);
        Assert.Matches(@"<th scope=""row"">Utrecht</th>\s*<td class=""finder-number"">1</td>", all);
        Assert.Matches(@"<th scope=""row"">Limburg</th>\s*<td class=""finder-number"">0</td>", all);
        Assert.Equal(["Utrecht"], Groups(utrecht));
        Assert.Matches(@"<th scope=""row"">Gelderland</th>\s*<td class=""finder-number"">0</td>", utrecht);
    }

    [Fact]
    public async Task R_MON_2_a_messy_address_is_tidied_into_the_shareable_link_that_opens_the_same_results()
    {
        using var client = app.AnonymousClient();

        // As the form sends it: every field, most empty, the values as people type them.
        using var messy = await client.GetAsync("/routes-zoeken?provincie=Gelderland&rmc=&profiel=Z%26W&niveau=3&type=&sector=&zoek=", Ct);
        var tidy = messy.RedirectTarget();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(tidy, Ct));

        Assert.Equal(HttpStatusCode.Redirect, messy.StatusCode);
        Assert.Equal("/routes-zoeken?provincie=gelderland&profiel=zw&niveau=3", tidy);
        Assert.Contains(Care, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Green, page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"gelderland\" selected", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"zw\" selected", page, StringComparison.Ordinal);
        Assert.Matches(@"data-testid=""finder-share"">http://localhost/routes-zoeken\?provincie=gelderland&profiel=zw&niveau=3</a>", page);

        using var again = await client.GetAsync(tidy, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the tidy link is not redirected again
    }

    [Theory]
    [InlineData("provincie=atlantis", "De provincie \"atlantis\" kennen we niet", Green)]
    [InlineData("niveau=1", "Het niveau \"1\" kennen we niet", Green)]
    [InlineData("type=vakmanschaproute", "Het soort leerroute \"vakmanschaproute\" kennen we niet", Green)]
    [InlineData("sector=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "De sector \"<script>alert(1)</script>\" kennen we niet", Green)]
    [InlineData("rmc=Nergenshuizen&profiel=zw", "De RMC-regio \"Nergenshuizen\" kennen we niet", Care)]
    [InlineData("zoek=Hor%E2%80%AEizon", "Onzichtbare tekens in de zoekterm zijn weggelaten.", Care)]
    [InlineData("provincie=%E0%A4%A&niveau=%ZZ&profiel=zw&profiel=groen", null, Care)]
    public async Task R_MON_2_garbage_in_the_address_is_left_out_with_a_dutch_note_never_an_error_page(string query, string? note, string found)
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/routes-zoeken?" + query, Ct);
        var raw = await response.Content.ReadAsStringAsync(Ct);
        var page = WebUtility.HtmlDecode(raw);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {response.StatusCode}");
        Assert.Contains("<h1>Leerroutes zoeken</h1>", page, StringComparison.Ordinal);
        if (note is not null)
        {
            Assert.Contains(note, page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal); // quoted back, but escaped
        Assert.Contains(found, page, StringComparison.Ordinal); // the rest of the filter still works
    }

    [Fact]
    public async Task R_MON_2_only_registered_routes_show_never_draft_submitted_rejected_withdrawn_superseded_or_ended()
    {
        var draft = await _flow.CreateAsync("Zoeker concept");
        var submitted = await _flow.CreateAsync("Zoeker ingediend");
        await _flow.ReadyAndSubmitAsync(submitted);
        var rejected = await _flow.CreateAsync("Zoeker afgewezen");
        await _flow.ReadyAndSubmitAsync(rejected);
        RouteWorkflow.Ok(await _flow.RejectAsync(rejected, "De overstapoptie ontbreekt."));
        var withdrawn = await _flow.CreateAsync("Zoeker ingetrokken");
        RouteWorkflow.Ok(await (await app.ServiceAsAsync<WithdrawRoute>(SignIn.VoCoordinator))
            .ExecuteAsync(withdrawn, (await _flow.DetailsAsync(withdrawn)).Version, Ct));
        var ended = await _flow.RegisteredAsync("Zoeker beëindigd");
        RouteWorkflow.Ok(await (await app.ServiceAsAsync<EndRoute>(SignIn.Administrator)).ExecuteAsync(
            ended, (await _flow.DetailsAsync(ended)).Version, DutchTime.Today(DateTime.UtcNow), "Geen aanmeldingen meer.", Ct));
        var superseded = await _flow.RegisteredAsync("Zoeker versie 1");
        var next = await (await app.ServiceAsAsync<StartNewRouteVersion>(SignIn.VoCoordinator))
            .ExecuteAsync(superseded, (await _flow.DetailsAsync(superseded)).Version, Ct);
        RouteWorkflow.Ok(next);
        var form = await _flow.NewFormAsync("Zoeker versie 2");
        form.Version = (await _flow.DetailsAsync(next.Value)).Version;
        RouteWorkflow.Ok(await (await app.ServiceAsAsync<EditRoute>(SignIn.VoCoordinator)).ExecuteAsync(next.Value, form, Ct));
        await _flow.ReadyAndSubmitAsync(next.Value, withAgreement: false);
        RouteWorkflow.Ok(await _flow.RegisterAsync(next.Value));
        var registered = await _flow.RegisteredAsync("Zoeker geregistreerd");

        using var client = app.AnonymousClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/routes-zoeken?zoek=Horizon", Ct));

        await using (var db = await app.OpenDbContextAsync())
        {
            var statuses = await db.Routes.Where(r => new[] { draft, submitted, rejected, withdrawn, ended, superseded, next.Value, registered }.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.Status, Ct);
            Assert.Equal(
                [RouteStatus.Draft, RouteStatus.Submitted, RouteStatus.Rejected, RouteStatus.Withdrawn, RouteStatus.Ended, RouteStatus.Superseded, RouteStatus.Registered, RouteStatus.Registered],
                new[] { draft, submitted, rejected, withdrawn, ended, superseded, next.Value, registered }.Select(id => statuses[id]));
        }

        Assert.Contains("Zoeker geregistreerd", page, StringComparison.Ordinal);
        Assert.Contains("Zoeker versie 2", page, StringComparison.Ordinal);
        foreach (var hidden in new[] { "Zoeker concept", "Zoeker ingediend", "Zoeker afgewezen", "Zoeker ingetrokken", "Zoeker beëindigd", "Zoeker versie 1" })
        {
            Assert.DoesNotContain(hidden, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task R_MON_2_no_pupil_data_and_no_route_out_of_force_in_any_view_of_the_finder()
    {
        List<(string Name, string Number)> pupils;
        await using (var db = await app.OpenDbContextAsync())
        {
            pupils = (await db.Pupils.ToListAsync(Ct)).Select(p => (p.FullName, p.Number.Value)).ToList();
        }

        Assert.NotEmpty(pupils);
        using var client = app.AnonymousClient();
        var views = new[]
        {
            "", "?provincie=gelderland", "?provincie=utrecht", "?rmc=Rivierenland", "?profiel=zw", "?profiel=groen", "?niveau=2",
            "?niveau=3", "?type=doorlopend", "?type=geintegreerd", "?sector=zorg-en-welzijn", "?sector=groen", "?zoek=Horizon",
            "?zoek=Tiel", "?zoek=" + Uri.EscapeDataString(pupils[0].Name), "?zoek=" + pupils[0].Number,
        };
        foreach (var view in views)
        {
            var page = WebUtility.HtmlDecode(await client.GetStringAsync("/routes-zoeken" + view, Ct));
            // What the visitor typed comes back in the search field and the link to share; nothing else may hold it.
            var shown = Regex.Replace(page, "<input[^>]*finder-zoek[^>]*>|<p class=\"finder-share\">.*?</p>", string.Empty, RegexOptions.Singleline);
            if (view.StartsWith("?zoek=", StringComparison.Ordinal) && !view.Contains("Horizon", StringComparison.Ordinal) && !view.Contains("Tiel", StringComparison.Ordinal))
            {
                Assert.Contains("data-testid=\"finder-none\"", shown, StringComparison.Ordinal); // pupils are not searched
            }

            foreach (var (name, number) in pupils)
            {
                Assert.DoesNotContain(name, shown, StringComparison.Ordinal);
                Assert.DoesNotContain(number, shown, StringComparison.Ordinal);
            }

            Assert.DoesNotMatch(PersonalData.NineDigits(), shown);
            foreach (var name in NotInForce)
            {
                Assert.DoesNotContain(name, shown, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The province headings of the result groups, in order.</summary>
    private static List<string> Groups(string page) =>
        GroupPattern().Matches(page).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"data-testid=""finder-group"" data-province=""([^""]+)""")]
    private static partial Regex GroupPattern();
}
