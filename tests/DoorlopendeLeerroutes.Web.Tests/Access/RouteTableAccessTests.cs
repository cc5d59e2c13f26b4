using System.Net;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Access;

/// <summary>
/// The access matrix, generated from the app's own route table: every page and endpoint a new feature adds is covered
/// without editing this file, except that a route with a parameter ({id}) needs a sample value below.
/// </summary>
public sealed class RouteTableAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The only addresses anyone may open without signing in. Adding one is a deliberate decision.</summary>
    /// <remarks>/account/wachtwoord and /account/beveiliging check for themselves that someone is signed in (they must also
    /// admit users whose one-time password, or an administrator whose missing second factor, the default policy refuses);
    /// their own tests cover that, as does the passkey creation endpoint's. /account/tweede-stap is the code step of
    /// signing in, before there is a session; the passkey request options are how a person signs in with a passkey.
    /// /oauth/token (POST only) is where an API client exchanges its id and secret for a token; the API's docs page (issue 14)
    /// is public like its OpenAPI document (a .json file, left out of this table).</remarks>
    private static readonly string[] PublicRoutes =
    [
        "/account/beveiliging", "/account/extern/{provider}", "/account/login", "/account/logout", "/account/passkey/aanmaakopties",
        "/account/passkey/aanvraagopties", "/account/tweede-stap", "/account/wachtwoord", "/api/v1/docs/{documentName?}", "/fout", "/health",
        "/health/live", "/health/ready", // a proxy's probes (issue 17): a status and the database check's name, no data
        "/niet-gevonden",
        "/oauth/token", // the API's token endpoint (issue 14): the client authenticates itself with its id and secret
        "/routes-zoeken", // the public route finder (issue 16, R-MON-2): registered routes only, never pupils
    ];

    /// <summary>Pages that publish registered routes and their partners to anyone by design (R-MON-2); their own tests
    /// (RouteFinder/) show that nothing else appears there.</summary>
    private static readonly string[] PublicByDesign = ["/routes-zoeken"];

    /// <summary>
    /// Posts that change nothing of the data, whoever sends them: signing in and out, one's own password and second
    /// factor, and the passkey endpoints, which only hand out a WebAuthn challenge.
    /// </summary>
    private static readonly string[] OwnAccountPosts =
    [
        "/account/logout", "/account/login", "/account/wachtwoord", "/account/beveiliging", "/account/tweede-stap",
        "/account/passkey/aanmaakopties", "/account/passkey/aanvraagopties",
    ];

    /// <summary>Names of routes and institutions the unrelated coordinator (Groene Vallei) must never see.</summary>
    private static readonly string[] HiddenFromUnrelatedCoordinator =
        ["Zorg en welzijn vmbo-mbo", "Techniek breed naar niveau 4", "Ondernemen en retail", "Vakcollege De Horizon", "ROC Rivierenland", "Maaslandcollege"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every address that answers GET: pages, downloads and other endpoints.</summary>
    public static TheoryData<string> Pages() => [.. AppRoutes(pagesOnly: false).Where(r => r.Methods.Contains("GET")).Select(r => r.Template).Distinct()];

    private static AppRoute RouteOf(string template) =>
        AppRoutes(pagesOnly: false).First(r => r.Template == template && r.Methods.Contains("GET"));

    [Fact]
    public void Route_table_is_read_and_only_the_agreed_routes_are_public()
    {
        var routes = AppRoutes(pagesOnly: false);

        Assert.Contains(routes, r => r.Template == "/leerroutes");
        Assert.Contains(routes, r => r.Template == "/beheer/gebruikers");
        Assert.Equal(PublicRoutes, routes.Where(r => r.AllowsAnonymous).Select(r => r.Template).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitor_is_sent_to_the_login_page(string template)
    {
        var route = RouteOf(template);
        if (route.AllowsAnonymous)
        {
            return; // the public pages themselves; their list is fixed by the test above
        }

        using var client = app.AnonymousClient();
        using var response = await client.GetAsync(await UrlAsync(template), Ct);

        if (route.IsApi)
        {
            AssertApiRefusesCookies(response); // the API answers 401, it never sends anyone to a login page
            return;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.RedirectTarget(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Viewer_opens_pages_of_its_own_institution_but_no_administrator_page(string template)
    {
        using var client = await app.SignedInClientAsync(SignIn.VoViewer);

        using var response = await client.GetAsync(await UrlAsync(template, SignIn.VoViewer), Ct);

        var route = RouteOf(template);
        if (route.IsApi)
        {
            AssertApiRefusesCookies(response);
        }
        else if (!route.Allows("Viewer"))
        {
            AssertRefused(response);
        }
        else if (route.HasParameters)
        {
            // The sample belongs to another institution: it does not exist as far as this viewer is concerned.
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        else
        {
            var expected = template == "/geen-toegang" ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Unrelated_coordinator_sees_nothing_of_other_institutions(string template)
    {
        using var client = await app.SignedInClientAsync(SignIn.UnrelatedCoordinator);

        using var response = await client.GetAsync(await UrlAsync(template, SignIn.UnrelatedCoordinator), Ct);

        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        foreach (var hidden in PublicByDesign.Contains(template) ? [] : HiddenFromUnrelatedCoordinator)
        {
            Assert.DoesNotContain(hidden, body, StringComparison.Ordinal);
        }

        var route = RouteOf(template);
        if (route.IsApi)
        {
            AssertApiRefusesCookies(response);
        }
        else if (!route.Allows("Coordinator"))
        {
            AssertRefused(response);
        }
        else if (route.HasParameters)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Viewer_can_change_nothing_through_any_non_get_endpoint()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoViewer);
        var token = SignIn.AntiforgeryTokenIn(await client.GetStringAsync("/", Ct));
        var changing = AppRoutes(pagesOnly: false)
            .Where(r => r.Methods.Any(m => m is not ("GET" or "HEAD")))
            .Where(r => !OwnAccountPosts.Contains(r.Template))
            .ToList();
        var before = await DataFingerprintAsync();

        Assert.NotEmpty(changing); // every page accepts form posts, so the list is never empty
        foreach (var route in changing)
        {
            foreach (var method in route.Methods.Where(m => m is not ("GET" or "HEAD")))
            {
                // With a valid antiforgery token, so a refusal is about permission or an absent form, not a missing token.
                using var request = new HttpRequestMessage(new HttpMethod(method), await UrlAsync(route.Template))
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
                };
                using var response = await client.SendAsync(request, Ct);
                Assert.False(response.IsSuccessStatusCode, $"{method} {route.Template}: {response.StatusCode}");
            }
        }

        Assert.Equal(before, await DataFingerprintAsync());
    }

    [Theory]
    [InlineData(SignIn.VoCoordinator, "/teldatum", "Vakcollege De Horizon")]
    [InlineData(SignIn.VoViewer, "/leerlingen", "Zorg en welzijn vmbo-mbo")]
    [InlineData(SignIn.UnrelatedCoordinator, "/teldatum", "Groene Vallei vmbo")]
    public async Task Partner_sees_its_own_data_on_the_page(string email, string page, string expected)
    {
        // The positive side of the checks above: the pages do show data, only not other institutions' data.
        using var client = await app.SignedInClientAsync(email);

        var body = WebUtility.HtmlDecode(await client.GetStringAsync(page, Ct));

        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_RIO_1_a_partner_opens_its_own_rio_checklist_and_csv_an_administrator_has_no_csv()
    {
        // The positive side for the RIO pages (issue 15): the registered demo route of Horizon and ROC Rivierenland.
        Guid care;
        await using (var db = await app.OpenDbContextAsync())
        {
            care = (await db.Routes.SingleAsync(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo", Ct)).Id;
        }

        using var viewer = await app.SignedInClientAsync(SignIn.VoViewer);
        var page = WebUtility.HtmlDecode(await viewer.GetStringAsync($"/leerroutes/{care}/rio-checklist", Ct));
        var csv = await viewer.GetByteArrayAsync($"/leerroutes/{care}/rio-checklist.csv", Ct);
        using var admin = await app.SignedInClientAsync(SignIn.Administrator);
        using var adminCsv = await admin.GetAsync($"/leerroutes/{care}/rio-checklist.csv", Ct);

        Assert.Contains("doorlopende leerroute vmbo-mbo", page, StringComparison.Ordinal);
        Assert.Contains("ROC Rivierenland", page, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = System.Text.Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("Onderdeel;Waarde\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Kenmerk;doorlopende leerroute vmbo-mbo", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Crebo;", text, StringComparison.Ordinal); // the vo side registers no crebo
        Assert.Contains("Gemeld in RIO op;nog niet bevestigd", text, StringComparison.Ordinal);
        Assert.Contains("Gemeld in RIO op ", page, StringComparison.Ordinal); // the demo's mbo partner confirmed (status per partner)
        Assert.Equal(HttpStatusCode.NotFound, adminCsv.StatusCode);
    }

    private async Task<string> DataFingerprintAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        return string.Join(',', await db.Routes.CountAsync(Ct), await db.Institutions.CountAsync(Ct), await db.Users.CountAsync(Ct),
            await db.Enrolments.CountAsync(Ct), await db.Pupils.CountAsync(Ct),
            await db.Enrolments.SelectMany(e => e.Phases).CountAsync(Ct));
    }

    /// <summary>
    /// The API (issue 14) takes bearer tokens only: a sign-in cookie reaches nothing there (no cross-site request can use
    /// a person's session), whoever it belongs to. Its own tests (Api/ApiEndpointTests) cover what tokens reach.
    /// </summary>
    private static void AssertApiRefusesCookies(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(DoorlopendeLeerroutes.Web.Api.ApiProblems.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    private static void AssertRefused(HttpResponseMessage response)
    {
        // Authorization sends a signed-in user without the role to the "geen toegang" page.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/geen-toegang", response.RedirectTarget(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A concrete address for a template. A parameter needs a sample that belongs to another institution than the
    /// viewer's and the unrelated coordinator's; a route with an unknown parameter fails here until one is added.
    /// </summary>
    private async Task<string> UrlAsync(string template, string? asUser = null)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        // The demo route "Ondernemen en retail" (Maaslandcollege + ROC Rivierenland): neither the Horizon viewer nor the
        // Groene Vallei coordinator is a partner in it.
        await using var db = await app.OpenDbContextAsync();
        var foreign = await db.Routes.SingleAsync(r => r.Definition.Name == "Ondernemen en retail", Ct);
        // A pupil (enrolment) of an institution that is not the user's own.
        var own = asUser is null ? null : (await app.UserAsync(asUser)).InstitutionId;
        var foreignEnrolment = await db.Enrolments.FirstAsync(e => e.VoInstitutionId != own && e.MboInstitutionId != own, Ct);
        var samples = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = template.StartsWith("/leerlingen/", StringComparison.Ordinal) ? foreignEnrolment.Id.ToString() : foreign.Id.ToString(),
            ["routeId"] = foreign.Id.ToString(),
            ["agreementId"] = foreign.Agreements[0].Id.ToString(),
            ["schoolYear"] = SchoolYear.Containing(DutchTime.Today(DateTime.UtcNow)).ToString(),
            ["provider"] = "onbekende-federatie", // no federation is configured here: "not found" (issue 13)
            ["code"] = foreign.Code, // the API names routes by code (issue 14)
            ["versie"] = "1",
            ["date"] = "2026-10-01", // the phase comparison's date (issue 15)
            ["inschrijvingId"] = foreignEnrolment.Id.ToString(),
            ["schooljaar"] = SchoolYear.Containing(DutchTime.Today(DateTime.UtcNow)).ToString(),
        };
        var url = System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)(:[^}]*)?\}", match =>
            samples.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException(
                    $"The route {template} has a parameter {{{match.Groups[1].Value}}}: add a sample value to {nameof(RouteTableAccessTests)}.{nameof(UrlAsync)}."));
        return url;
    }

    private sealed record AppRoute(string Template, string[] Methods, bool AllowsAnonymous, string[]? Roles, bool IsPage)
    {
        /// <summary>Whether the address names a record (an id) of another institution; a school year is no such thing.</summary>
        public bool HasParameters => Template.Contains("id", StringComparison.OrdinalIgnoreCase) && Template.Contains('{', StringComparison.Ordinal);

        public bool Allows(string role) => Roles is null || Roles.Contains(role);

        /// <summary>An endpoint of the API (issue 14), bearer tokens only; its docs page is public.</summary>
        public bool IsApi => Template.StartsWith(DoorlopendeLeerroutes.Web.Api.ApiContract.BasePath + "/", StringComparison.Ordinal) && !AllowsAnonymous;
    }

    // Read once per test run: test data (MemberData) needs the list before any fixture exists.
    private static readonly Lazy<List<AppRoute>> AllRoutes = new(() =>
    {
        using var app = new AppFactory();
        var routes = ReadRoutes(app.Services).ToList();
        app.Database.Dispose();
        return routes;
    });

    private static List<AppRoute> AppRoutes(bool pagesOnly) => AllRoutes.Value.Where(r => !pagesOnly || r.IsPage).ToList();

    private static IEnumerable<AppRoute> ReadRoutes(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var staticFile = Path.HasExtension(template) && !template.Contains('{', StringComparison.Ordinal);
            if (template.StartsWith("/_", StringComparison.Ordinal) || staticFile || template.Contains("{**", StringComparison.Ordinal))
            {
                continue; // framework, static files and catch-all fallbacks
            }

            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET"];
            if (isPage && methods.Contains("POST") && !methods.Contains("GET"))
            {
                isPage = false; // the form-post twin of a page: listed for the non-GET checks, not as a page
            }

            var roles = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Where(a => !string.IsNullOrEmpty(a.Roles))
                .Select(a => a.Roles!.Split(',', StringSplitOptions.TrimEntries))
                .FirstOrDefault();
            yield return new AppRoute(
                template.TrimEnd('/') is { Length: > 0 } t ? t : "/",
                methods,
                endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                roles,
                isPage);
        }
    }
}
