using System.Net;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DoorlopendeLeerroutes.Web.Tests.Instances;

/// <summary>
/// Issue 17, stateless instances: what one instance does, the other continues, because the data-protection keys and
/// the agreement files are in the database they share (README "Production").
/// </summary>
public sealed class TwoInstancesTests(InstancePair instances) : IClassFixture<InstancePair>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_in_on_one_instance_gives_a_cookie_the_other_instance_accepts_because_the_keys_are_shared()
    {
        var cookie = await SignInCookieAsync(instances.First, SignIn.VoCoordinator);

        using var onSecond = await GetWithCookieAsync(instances.Second, "/", cookie);
        using var onFirst = await GetWithCookieAsync(instances.First, "/", cookie);

        Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode); // signed in there too: no second sign-in
    }

    [Fact]
    public async Task An_instance_on_another_database_refuses_the_same_cookie_so_the_shared_keys_are_what_carries_it()
    {
        var cookie = await SignInCookieAsync(instances.First, SignIn.VoCoordinator);
        await using var elsewhere = new OwnDatabaseApp(); // the same demo accounts, its own key ring

        using var response = await GetWithCookieAsync(elsewhere, "/", cookie);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_form_of_one_instance_is_accepted_when_posted_to_the_other_antiforgery_included()
    {
        var cookies = new CookieContainer();
        using var first = CookieClient(instances.First, cookies);
        using var second = instances.Second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await first.GetStringAsync("/account/login", Ct);
        var antiforgeryCookie = cookies.GetCookieHeader(BaseAddress);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = SignIn.AntiforgeryTokenIn(form),
                ["_handler"] = "login",
                ["Input.Email"] = SignIn.VoCoordinator,
                ["Input.Password"] = Infrastructure.Accounts.AccountSeeder.DemoPassword,
                ["ReturnUrl"] = string.Empty,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        using var response = await second.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // signed in, not "Ongeldig formulier"
        Assert.Equal("/", response.RedirectTarget());
    }

    [Fact]
    public async Task An_agreement_uploaded_on_one_instance_is_downloaded_from_the_other_byte_for_byte()
    {
        var flow = new RouteWorkflow(instances.First);
        var id = await flow.CreateAsync("Twee instanties");
        var pdf = TestPdf.Agreement();
        RouteWorkflow.Ok(await flow.AddAgreementAsync(id, pdf, "overeenkomst.pdf"));
        var agreement = Assert.Single((await flow.DetailsAsync(id)).Agreements);

        using var partnerOnSecond = await instances.Second.SignedInClientAsync(SignIn.MboViewer);
        using var download = await partnerOnSecond.GetAsync($"/leerroutes/{id}/overeenkomsten/{agreement.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    /// <summary>
    /// An app that migrates and seeds a database of its own instead of copying the run's template (whose copies all carry
    /// the template's key ring), so the data-protection key it makes at start is its own.
    /// </summary>
    private sealed class OwnDatabaseApp : AppFactory
    {
        protected override bool StartsFromTemplate => false;
    }

    private static readonly Uri BaseAddress = new("http://localhost/");

    /// <summary>Signs in through the login form of <paramref name="app"/> and returns the cookies it set, as a Cookie header.</summary>
    private static async Task<string> SignInCookieAsync(WebApplicationFactory<Program> app, string email)
    {
        var cookies = new CookieContainer();
        using var client = CookieClient(app, cookies);
        using var response = await SignIn.PostLoginAsync(client, email, Infrastructure.Accounts.AccountSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return cookies.GetCookieHeader(BaseAddress);
    }

    /// <summary>A client of <paramref name="app"/> that keeps its cookies in <paramref name="cookies"/>; no redirects followed.</summary>
    private static HttpClient CookieClient(WebApplicationFactory<Program> app, CookieContainer cookies) =>
        app.CreateDefaultClient(BaseAddress, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));

    private static async Task<HttpResponseMessage> GetWithCookieAsync(WebApplicationFactory<Program> app, string path, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }
}
