using System.Net;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Institutions;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.TestIdentityProvider;
using DoorlopendeLeerroutes.Web.Tests.Support;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>
/// Issue 13: signing in through a school's federation against a real OpenID Connect provider (OpenIddict on a loopback
/// port). An identity reaches an account by its subject once linked, else by a verified e-mail address, else (when the
/// provider allows it) as a new read-only account of the institution its claim names; no claim ever gives a role
/// (R-AUTH-1). Each refusal has its own Dutch message and an audit line, never an exception page.
/// </summary>
public sealed class FederationSignInTests(FederationAppFactory app) : IClassFixture<FederationAppFactory>
{
    private const string Entree = "Entree Federatie";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_AUTH_1_a_verified_email_links_the_account_an_administrator_created_then_the_subject_reaches_it()
    {
        app.Provider.NextIdentity = TestIdentity.Entree("entree-carla", SignIn.VoCoordinator, brin: "05KO");
        using var first = new FederationBrowser(app);

        var landing = await first.SignInAsync("Entree", returnUrl: "/leerroutes");

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Equal("/leerroutes", landing.Address);
        Assert.Contains(first.Visited, v => v.StartsWith(app.Provider.Authority + "connect/authorize", StringComparison.Ordinal));
        var coordinator = await app.UserAsync(SignIn.VoCoordinator);
        Assert.Contains(await LoginsAsync(coordinator.UserId), l => l == ("Entree", "entree-carla"));
        var log = await AuditAsync();
        Assert.Contains(log, e => e.Kind == AuditKind.ExternalLoginLinked && e.Subject == SignIn.VoCoordinator && e.Detail == Entree);
        Assert.Contains(log, e => e.Kind == AuditKind.SignedIn && e.Subject == SignIn.VoCoordinator && e.Detail == "via " + Entree);

        // Once linked, the subject decides: another (even unverified) address at the provider still reaches the account.
        app.Provider.NextIdentity = TestIdentity.Entree("entree-carla", "carla@elders.example", brin: null, emailVerified: false);
        using var second = new FederationBrowser(app);
        var again = await second.SignInAsync("Entree", returnUrl: "//kwaadaardig.example/");

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("/", again.Address); // only a local return address is followed
        Assert.Equal(HttpStatusCode.OK, (await second.App.GetAsync("/leerroutes/nieuw", Ct)).StatusCode); // a coordinator's page
        Assert.Single(await AuditAsync(), e => e.Kind == AuditKind.ExternalLoginLinked && e.Subject == SignIn.VoCoordinator);
    }

    [Fact]
    public async Task R_AUTH_1_just_in_time_account_is_read_only_at_the_school_the_BRIN_names_whatever_role_the_claims_ask_for()
    {
        const string email = "nieuwe.docent@rocrivierenland.example";
        app.Provider.NextIdentity = TestIdentity.Entree("entree-nieuw", email, brin: "25PG")
            .With("role", "Administrator", "Coordinator")
            .With("roles", "Administrator")
            .With("groups", "beheerders")
            .With("dlr:institution", Guid.NewGuid().ToString())
            .With("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "Administrator");
        using var browser = new FederationBrowser(app);

        var landing = await browser.SignInAsync("Entree");

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Equal("/", landing.Address);
        var user = await app.UserAsync(email);
        Assert.Equal(UserRole.Viewer, user.Role);
        Assert.Equal(await InstitutionIdAsync("25PG"), user.InstitutionId);
        await using (var db = await app.OpenDbContextAsync())
        {
            var account = await db.Users.SingleAsync(u => u.Email == email, Ct);
            Assert.Null(account.PasswordHash); // signs in through the school only
            Assert.False(account.MustChangePassword);
        }

        AssertRefused(await browser.App.GetAsync("/beheer/gebruikers", Ct));
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.ExternalAccountCreated && e.Subject == email
                                                 && e.Detail == $"{Entree}: {UserRole.Viewer.DutchName()} bij ROC Rivierenland");
    }

    [Fact]
    public async Task R_AUTH_1_no_claim_raises_the_role_or_changes_the_institution_of_an_existing_account()
    {
        app.Provider.NextIdentity = TestIdentity.Entree("entree-lex", SignIn.VoViewer, brin: "25PG")
            .With("role", "Administrator")
            .With("groups", "beheerders")
            .With("dlr:institution", Guid.NewGuid().ToString());
        var before = await app.UserAsync(SignIn.VoViewer);
        using var browser = new FederationBrowser(app);

        var landing = await browser.SignInAsync("Entree");

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        var after = await app.UserAsync(SignIn.VoViewer);
        Assert.Equal(UserRole.Viewer, after.Role);
        Assert.Equal(before.InstitutionId, after.InstitutionId);
        AssertRefused(await browser.App.GetAsync("/beheer/gebruikers", Ct));
        AssertRefused(await browser.App.GetAsync("/leerroutes/nieuw", Ct)); // not even a coordinator's page
    }

    [Fact]
    public async Task R_AUTH_1_SURFconext_reaches_the_institution_by_the_domain_recorded_on_it()
    {
        var rivierenland = await InstitutionIdAsync("25PG");
        var change = await app.ServiceAsAsync<ChangeInstitution>(SignIn.Administrator);
        var form = (await (await app.ServiceAsAsync<InstitutionFormQuery>(SignIn.Administrator)).ExecuteAsync(rivierenland, Ct))!;
        form.FederationDomain = " RocRivierenland.NL ";
        Assert.True((await change.ExecuteAsync(rivierenland, form, Ct)).IsSuccess);
        const string email = "medewerker@rocrivierenland.example";
        app.Provider.NextIdentity = TestIdentity.Surf("surf-medewerker", email, domain: "rocrivierenland.nl");
        using var browser = new FederationBrowser(app);

        var landing = await browser.SignInAsync("Surf");

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        var user = await app.UserAsync(email);
        Assert.Equal(UserRole.Viewer, user.Role);
        Assert.Equal(rivierenland, user.InstitutionId);
    }

    [Fact]
    public async Task Federation_domain_is_validated_and_unique()
    {
        var horizon = await InstitutionIdAsync("05KO");
        var rivierenland = await InstitutionIdAsync("25PG");
        var load = await app.ServiceAsAsync<InstitutionFormQuery>(SignIn.Administrator);
        var change = await app.ServiceAsAsync<ChangeInstitution>(SignIn.Administrator);

        var invalid = (await load.ExecuteAsync(horizon, Ct))!;
        invalid.FederationDomain = "geen domein";
        var refused = await change.ExecuteAsync(horizon, invalid, Ct);
        var first = (await load.ExecuteAsync(horizon, Ct))!;
        first.FederationDomain = "dezelfde-school.nl";
        var stored = await change.ExecuteAsync(horizon, first, Ct);
        var second = (await load.ExecuteAsync(rivierenland, Ct))!;
        second.FederationDomain = "Dezelfde-School.nl";
        var duplicate = await change.ExecuteAsync(rivierenland, second, Ct);
        var cleared = (await load.ExecuteAsync(horizon, Ct))!;
        cleared.FederationDomain = string.Empty;
        var emptied = await change.ExecuteAsync(horizon, cleared, Ct);

        Assert.Equal([DomainErrors.Institution.FederationDomainInvalid], refused.Errors);
        Assert.True(stored.IsSuccess);
        Assert.Equal([DomainErrors.Institution.FederationDomainNotUnique], duplicate.Errors);
        Assert.True(emptied.IsSuccess);
        Assert.Null((await load.ExecuteAsync(horizon, Ct))!.FederationDomain);
    }

    [Fact]
    public async Task R_AUTH_1_an_administrators_account_is_never_linked_by_its_e_mail_address()
    {
        app.Provider.NextIdentity = TestIdentity.Entree("entree-beheer", SignIn.Administrator, brin: "05KO") with { Amr = ["pwd", "mfa"] };

        await RefusedAsync("Entree", ExternalSignInRefusal.AdministratorNotLinked, Entree);

        Assert.Empty(await LoginsAsync((await app.UserAsync(SignIn.Administrator)).UserId));
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.ExternalSignInRefused && e.Subject == SignIn.Administrator
                                                 && e.Detail == $"{Entree}: beheerdersaccount niet gekoppeld via e-mailadres");
    }

    [Fact]
    public async Task R_AUTH_2_an_account_with_an_authenticator_enters_its_code_after_the_provider_unless_the_provider_says_mfa()
    {
        const string email = "tweede.factor@horizon.example";
        app.Provider.NextIdentity = TestIdentity.Entree("entree-2fa", email, brin: "05KO");
        using (var first = new FederationBrowser(app))
        {
            Assert.Equal("/", (await first.SignInAsync("Entree")).Address); // just in time, no second factor yet
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        }

        var signedInBefore = (await AuditAsync()).Count(e => e.Kind == AuditKind.SignedIn && e.Subject == email);
        using var withoutMfa = new FederationBrowser(app);
        var codeStep = await withoutMfa.SignInAsync("Entree", returnUrl: "/teldatum");
        Assert.StartsWith(SecondFactor.StepPath, codeStep.Address, StringComparison.Ordinal);
        using var notYet = await withoutMfa.App.GetAsync("/", Ct);
        Assert.StartsWith("/account/login", notYet.RedirectTarget(), StringComparison.Ordinal); // no session before the code
        Assert.Equal(signedInBefore, (await AuditAsync()).Count(e => e.Kind == AuditKind.SignedIn && e.Subject == email));

        app.Provider.NextIdentity = TestIdentity.Entree("entree-2fa", email, brin: "05KO") with { Amr = ["pwd", "mfa"] };
        using var withMfa = new FederationBrowser(app);
        var landing = await withMfa.SignInAsync("Entree", returnUrl: "/teldatum");
        Assert.Equal("/teldatum", landing.Address); // the provider's second factor counts
    }

    [Fact]
    public async Task Unknown_institution_is_refused_with_its_message_and_audited()
    {
        app.Provider.NextIdentity = TestIdentity.Entree("entree-onbekend", "docent@onbekend.example", brin: "99ZZ");

        var landing = await RefusedAsync("Entree", ExternalSignInRefusal.UnknownInstitution, Entree);

        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.ExternalSignInRefused && e.Subject == "docent@onbekend.example"
                                                 && e.Detail == $"{Entree}: onbekende instelling (BRIN 99ZZ)");
        Assert.DoesNotContain("docent@onbekend.example", await UserEmailsAsync());
        Assert.Contains("data-testid=\"login-form\"", landing.Body, StringComparison.Ordinal); // the password form stays
    }

    [Fact]
    public async Task Unverified_email_is_not_linked_and_gets_its_message()
    {
        app.Provider.NextIdentity = TestIdentity.Entree("entree-onbevestigd", SignIn.MboCoordinator, brin: "25PG", emailVerified: false);

        await RefusedAsync("Entree", ExternalSignInRefusal.EmailNotVerified, Entree);

        Assert.DoesNotContain(await LoginsAsync((await app.UserAsync(SignIn.MboCoordinator)).UserId), l => l.Key == "entree-onbevestigd");
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.ExternalSignInRefused && e.Subject == SignIn.MboCoordinator
                                                 && e.Detail == $"{Entree}: e-mailadres niet bevestigd");
    }

    [Fact]
    public async Task Without_just_in_time_accounts_a_person_without_an_account_is_refused()
    {
        app.Provider.NextIdentity = TestIdentity.Entree("school-nieuw", "nog.geen.account@horizon.example", brin: "05KO");

        await RefusedAsync("School", ExternalSignInRefusal.NoAccount, "Schoolaccount");

        Assert.DoesNotContain("nog.geen.account@horizon.example", await UserEmailsAsync());
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.ExternalSignInRefused && e.Detail == "Schoolaccount: geen account");
    }

    [Fact]
    public async Task Disabled_account_is_refused_by_e_mail_and_by_subject()
    {
        const string email = "uit.te.schakelen@horizon.example";
        app.Provider.NextIdentity = TestIdentity.Entree("entree-uit", email, brin: "05KO");
        using (var browser = new FederationBrowser(app))
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("Entree")).Status); // just in time, linked
        }

        var user = await app.UserAsync(email);
        var disable = await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator);
        Assert.True((await disable.ExecuteAsync(user.UserId, disabled: true, Ct)).IsSuccess);

        await RefusedAsync("Entree", ExternalSignInRefusal.AccountDisabled, Entree);
        app.Provider.NextIdentity = TestIdentity.Entree("school-uit", email, brin: "05KO");
        await RefusedAsync("School", ExternalSignInRefusal.AccountDisabled, "Schoolaccount");

        var log = await AuditAsync();
        Assert.Contains(log, e => e.Kind == AuditKind.ExternalSignInRefused && e.Subject == email && e.Detail == $"{Entree}: account uitgeschakeld");
        Assert.Contains(log, e => e.Kind == AuditKind.ExternalSignInRefused && e.Subject == email
                                  && e.Detail == "Schoolaccount: account uitgeschakeld (niet gekoppeld)");
        Assert.DoesNotContain(await LoginsAsync(user.UserId), l => l.Key == "school-uit");
    }

    [Fact]
    public async Task An_answer_with_a_forged_state_or_for_another_browser_is_refused()
    {
        // A forged answer: no state this app issued.
        using var forger = new FederationBrowser(app);
        var forged = await forger.FollowAsync(new HttpRequestMessage(HttpMethod.Post, "/signin-oidc-entree")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "gestolen", ["state"] = "verzonnen" }),
        });

        // A real answer, delivered to another browser (login CSRF): its correlation cookie is missing.
        app.Provider.NextIdentity = TestIdentity.Entree("entree-csrf", SignIn.MboViewer, brin: "25PG");
        using var victim = new FederationBrowser(app);
        using var attacker = new FederationBrowser(app);
        var started = await attacker.App.GetAsync("/account/extern/entree", Ct);
        var authorize = started.Headers.Location!;
        using var idp = new HttpClient();
        var formPage = await idp.GetStringAsync(authorize, Ct);
        var action = System.Text.RegularExpressions.Regex.Match(formPage, "action=\"([^\"]+)\"").Groups[1].Value;
        var fields = System.Text.RegularExpressions.Regex.Matches(formPage, "name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var delivered = await victim.FollowAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(WebUtility.HtmlDecode(action)).PathAndQuery)
        {
            Content = new FormUrlEncodedContent(fields),
        });

        var expected = ExternalSignInPolicy.Message(ExternalSignInRefusal.RemoteFailure, Entree);
        Assert.Equal(expected, forged.ExternalError);
        Assert.Equal(expected, delivered.ExternalError);
        Assert.StartsWith("/account/login", delivered.Address, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.ExternalSignInRefused
                                                 && e.Detail!.StartsWith($"{Entree}: aanmelding mislukt", StringComparison.Ordinal));
        Assert.DoesNotContain(await LoginsAsync((await app.UserAsync(SignIn.MboViewer)).UserId), l => l.Key == "entree-csrf");
    }

    [Fact]
    public async Task Provider_that_is_down_gets_its_message_not_an_exception_page()
    {
        // Down before the sign-in starts: its metadata cannot be fetched.
        var down = await RefusedAsync("Kapot", ExternalSignInRefusal.ProviderUnreachable, "Kapotte federatie");

        // Down halfway: the answer came, the token endpoint does not.
        app.FragileProvider.NextIdentity = TestIdentity.Entree("tijdelijk", SignIn.MboViewer, brin: "25PG");
        using var browser = new FederationBrowser(app);
        var halfway = await browser.SignInAsync("Tijdelijk", beforeAnswer: () => app.FragileProvider.DisposeAsync().AsTask());

        Assert.Equal(HttpStatusCode.OK, down.Status);
        Assert.Equal(HttpStatusCode.OK, halfway.Status);
        Assert.Equal(ExternalSignInPolicy.Message(ExternalSignInRefusal.ProviderUnreachable, "Tijdelijke federatie"), halfway.ExternalError);
        var log = await AuditAsync();
        Assert.Contains(log, e => e.Kind == AuditKind.ExternalSignInRefused && e.Detail!.StartsWith("Kapotte federatie: aanbieder onbereikbaar", StringComparison.Ordinal));
        Assert.Contains(log, e => e.Kind == AuditKind.ExternalSignInRefused && e.Detail!.StartsWith("Tijdelijke federatie: aanbieder onbereikbaar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R_AUTH_1_a_session_through_a_federation_ends_like_any_other_after_30_idle_minutes_or_when_disabled()
    {
        const string email = "sessie@horizon.example";
        app.Provider.NextIdentity = TestIdentity.Entree("entree-sessie", email, brin: "05KO");
        using var idle = new FederationBrowser(app);
        Assert.Equal(HttpStatusCode.OK, (await idle.SignInAsync("Entree")).Status);
        using var disabled = new FederationBrowser(app);
        Assert.Equal(HttpStatusCode.OK, (await disabled.SignInAsync("Entree")).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await disabled.App.GetAsync("/", Ct)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        using var afterIdle = await idle.App.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, (await disabled.App.GetAsync("/", Ct)).StatusCode); // in use: still signed in
        var user = await app.UserAsync(email);
        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(user.UserId, disabled: true, Ct)).IsSuccess);
        using var afterDisabling = await disabled.App.GetAsync("/", Ct);

        Assert.StartsWith("/account/login", afterIdle.RedirectTarget(), StringComparison.Ordinal);
        Assert.StartsWith("/account/login", afterDisabling.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_also_ends_the_session_at_the_provider()
    {
        app.Provider.NextIdentity = TestIdentity.Entree("entree-uitloggen", SignIn.UnrelatedCoordinator, brin: null);
        using var browser = new FederationBrowser(app);
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("Entree")).Status);
        var endSessionsBefore = app.Provider.EndSessions.Count;
        var token = SignIn.AntiforgeryTokenIn(await browser.App.GetStringAsync("/", Ct));

        var landing = await browser.FollowAsync(new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        });

        Assert.Equal(endSessionsBefore + 1, app.Provider.EndSessions.Count);
        Assert.Equal("http://localhost/signout-callback-oidc-entree", app.Provider.EndSessions.Last());
        Assert.Contains(browser.Visited, v => v.StartsWith(app.Provider.Authority + "connect/endsession", StringComparison.Ordinal));
        Assert.Equal("/account/login?uitgelogd=1", landing.Address);
        Assert.Contains("data-testid=\"signed-out\"", landing.Body, StringComparison.Ordinal);
        using var after = await browser.App.GetAsync("/", Ct);
        Assert.StartsWith("/account/login", after.RedirectTarget(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.SignedOut && e.Subject == SignIn.UnrelatedCoordinator);
    }

    [Fact]
    public async Task Beheer_lists_a_linked_identity_and_removing_it_ends_the_link_and_its_sessions()
    {
        app.Provider.NextIdentity = TestIdentity.Entree("entree-lotte", SignIn.MboViewer, brin: "25PG");
        using var browser = new FederationBrowser(app);
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("Entree")).Status);
        var user = await app.UserAsync(SignIn.MboViewer);
        var list = await app.ServiceAsAsync<LinkedIdentitiesQuery>(SignIn.Administrator);
        var remove = await app.ServiceAsAsync<RemoveLinkedIdentity>(SignIn.Administrator);

        var linked = Assert.Single(await list.ExecuteAsync(user.UserId, Ct), l => l.Key == "entree-lotte");
        var removed = await remove.ExecuteAsync(user.UserId, linked, Ct);
        var again = await remove.ExecuteAsync(user.UserId, linked, Ct);
        using var session = await browser.App.GetAsync("/", Ct);

        Assert.Equal(Entree, linked.ProviderDisplayName);
        Assert.NotNull(linked.LinkedUtc);
        Assert.True(Math.Abs((linked.LinkedUtc!.Value - app.Clock.GetUtcNow().UtcDateTime).TotalMinutes) < 5);
        Assert.True(removed.IsSuccess);
        Assert.Equal([ExternalLoginErrors.NotFound], again.Errors);
        Assert.DoesNotContain(await list.ExecuteAsync(user.UserId, Ct), l => l.Key == "entree-lotte");
        Assert.StartsWith("/account/login", session.RedirectTarget(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.ExternalLoginRemoved && e.Subject == SignIn.MboViewer && e.Detail == Entree);
        await Assert.ThrowsAsync<AccessDeniedException>(async () =>
            await (await app.ServiceAsAsync<LinkedIdentitiesQuery>(SignIn.MboCoordinator)).ExecuteAsync(user.UserId, Ct));
    }

    [Fact]
    public async Task Login_page_shows_a_button_per_provider_above_the_password_form()
    {
        using var client = app.AnonymousClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/account/login?ReturnUrl=%2Fleerroutes", Ct));

        var button = html.IndexOf("Inloggen met Entree Federatie", StringComparison.Ordinal);
        Assert.True(button > 0);
        Assert.True(button < html.IndexOf("data-testid=\"login-form\"", StringComparison.Ordinal));
        Assert.Contains("Inloggen met SURFconext", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/extern/entree?ReturnUrl=%2Fleerroutes\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"external-login-error\"", html, StringComparison.Ordinal);
    }

    private async Task<FederationBrowser.Landing> RefusedAsync(string provider, ExternalSignInRefusal refusal, string displayName)
    {
        using var browser = new FederationBrowser(app);
        var landing = await browser.SignInAsync(provider);
        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.StartsWith("/account/login?schoolfout=", landing.Address, StringComparison.Ordinal);
        Assert.Equal(ExternalSignInPolicy.Message(refusal, displayName), landing.ExternalError);
        using var home = await browser.App.GetAsync("/", Ct);
        Assert.StartsWith("/account/login", home.RedirectTarget(), StringComparison.Ordinal); // not signed in
        return landing;
    }

    private async Task<IReadOnlyList<AuditEntryView>> AuditAsync() =>
        (await (await app.ServiceAsAsync<AuditLogQuery>(SignIn.Administrator))
            .ListAsync(AuditFilter.None, new PageRequest(0, 500), Ct)).Items;

    private async Task<List<(string Provider, string Key)>> LoginsAsync(Guid userId)
    {
        await using var db = await app.OpenDbContextAsync();
        return (await db.UserLogins.Where(l => l.UserId == userId).ToListAsync(Ct)).Select(l => (l.LoginProvider, l.ProviderKey)).ToList();
    }

    private async Task<List<string?>> UserEmailsAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.Users.Select(u => u.Email).ToListAsync(Ct);
    }

    private async Task<Guid> InstitutionIdAsync(string brin)
    {
        await using var db = await app.OpenDbContextAsync();
        return (await db.Institutions.ToListAsync(Ct)).Single(i => i.Brin.Value == brin).Id;
    }

    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/geen-toegang", response.RedirectTarget(), StringComparison.Ordinal);
    }
}
