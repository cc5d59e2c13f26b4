using DoorlopendeLeerroutes.Application.Auditing;
using System.Net;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Web.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>Signing in and out through the Dutch login page, with lockout and the audit log.</summary>
public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_page_is_dutch_with_labelled_fields_and_one_h1()
    {
        using var client = app.AnonymousClient();

        var html = await client.GetStringAsync("/account/login", Ct);

        Assert.Contains("<label for=\"email\">E-mailadres</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Wachtwoord</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Inloggen</button>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1[ >]"));
    }

    [Fact]
    public async Task Correct_password_signs_in_and_returns_to_the_page_asked_for()
    {
        using var client = app.AnonymousClient();

        using var response = await SignIn.PostLoginAsync(client, SignIn.VoCoordinator, Infrastructure.Accounts.AccountSeeder.DemoPassword, "/teldatum");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/teldatum", response.RedirectTarget());
        using var page = await client.GetAsync("/teldatum", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("https://phishing.example/login")]
    [InlineData("//phishing.example")]
    [InlineData("/\\phishing.example")]
    public async Task Return_address_outside_the_site_is_ignored(string returnUrl)
    {
        using var client = app.AnonymousClient();

        using var response = await SignIn.PostLoginAsync(client, SignIn.MboCoordinator, Infrastructure.Accounts.AccountSeeder.DemoPassword, returnUrl);

        Assert.Equal("/", response.RedirectTarget());
    }

    [Fact]
    public async Task Wrong_password_shows_a_dutch_message_and_is_audited()
    {
        using var client = app.AnonymousClient();

        using var response = await SignIn.PostLoginAsync(client, SignIn.VoViewer, "Helemaal-Fout-123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SignInPolicy.RefusedMessage, SignIn.ErrorText(await response.Content.ReadAsStringAsync(Ct)));
        var log = await AuditAsync();
        Assert.Contains(log, e => e.Kind == AuditKind.SignInFailed && e.Subject == SignIn.VoViewer);
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_message_as_a_wrong_password()
    {
        using var client = app.AnonymousClient();

        using var response = await SignIn.PostLoginAsync(client, "niemand@nergens.example", "Helemaal-Fout-123");

        Assert.Equal(SignInPolicy.RefusedMessage, SignIn.ErrorText(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_for_15_minutes_even_for_the_right_password()
    {
        using var client = app.AnonymousClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await SignIn.PostLoginAsync(client, SignIn.MboViewer, "Fout-wachtwoord-" + attempt);
        }

        using var response = await SignIn.PostLoginAsync(client, SignIn.MboViewer, Infrastructure.Accounts.AccountSeeder.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // no redirect: not signed in
        // The same words as a wrong password (issue 11): the lockout itself is in the audit log, not on the page.
        Assert.Equal(SignInPolicy.RefusedMessage, SignIn.ErrorText(await response.Content.ReadAsStringAsync(Ct)));
        await using var db = await app.OpenDbContextAsync();
        var user = db.Users.Single(u => u.Email == SignIn.MboViewer);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.True(user.LockoutEnd <= DateTimeOffset.UtcNow.AddMinutes(15));
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.LockedOut && e.Subject == SignIn.MboViewer);
    }

    [Fact]
    public async Task Guessing_the_password_of_a_disabled_account_counts_towards_the_lockout()
    {
        var user = await app.UserAsync(SignIn.MboCoordinator);
        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(user.UserId, disabled: true, Ct)).IsSuccess);
        using var client = app.AnonymousClient();

        using var wrong = await SignIn.PostLoginAsync(client, SignIn.MboCoordinator, "Fout-wachtwoord-1");
        await using (var db = await app.OpenDbContextAsync())
        {
            Assert.Equal(1, db.Users.Single(u => u.Email == SignIn.MboCoordinator).AccessFailedCount);
        }

        using var right = await SignIn.PostLoginAsync(client, SignIn.MboCoordinator, Infrastructure.Accounts.AccountSeeder.DemoPassword);

        Assert.Equal(SignInPolicy.RefusedMessage, SignIn.ErrorText(await wrong.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // not signed in
        // The same words as a wrong password (issue 11); the refusal of the disabled account is in the audit log.
        Assert.Equal(SignInPolicy.RefusedMessage, SignIn.ErrorText(await right.Content.ReadAsStringAsync(Ct)));
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.SignInRefusedDisabled && e.Subject == SignIn.MboCoordinator);
        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(user.UserId, disabled: false, Ct)).IsSuccess);
    }

    [Fact]
    public async Task Something_typed_in_the_address_field_that_is_no_address_is_not_kept_in_the_audit_log()
    {
        using var client = app.AnonymousClient();

        using var response = await SignIn.PostLoginAsync(client, "MijnGeheimeWachtwoord123", "x");

        var log = await AuditAsync();
        Assert.DoesNotContain(log, e => e.Subject == "MijnGeheimeWachtwoord123");
        Assert.Contains(log, e => e.Kind == AuditKind.SignInFailed && e.Subject == "(geen e-mailadres)");
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var client = await app.SignedInClientAsync(SignIn.UnrelatedCoordinator);
        var page = await client.GetStringAsync("/", Ct);
        var token = SignIn.AntiforgeryTokenIn(page);

        using var logout = await client.PostAsync(
            "/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
            Ct);
        using var after = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith("/account/login", after.RedirectTarget(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.SignedOut && e.Subject == SignIn.UnrelatedCoordinator);
    }

    private async Task<IReadOnlyList<AuditEntryView>> AuditAsync() =>
        (await (await app.ServiceAsAsync<AuditLogQuery>(SignIn.Administrator)).ListAsync(AuditFilter.None, new PageRequest(0, 200), Ct)).Items;
}
