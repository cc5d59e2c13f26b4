using System.Net;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>
/// The authenticator app as a second factor (R-AUTH-2), for people who choose it: set up with the key the page shows, a
/// code at every sign-in, wrong codes locking the account like wrong passwords, recovery codes that work once.
/// </summary>
public sealed class SecondFactorTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_AUTH_2_authenticator_set_up_with_the_shown_key_asks_a_code_at_the_next_sign_in()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoViewer);

        var (key, codes, confirmed) = await SecondFactorKit.SetUpAuthenticatorAsync(client);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(SecondFactor.RecoveryCodeCount, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", c));
        Assert.True(AppClaims.HasMultiFactor(app.SessionIn(confirmed)), "Setting up proves the second factor for this session.");

        using var next = app.AnonymousClient();
        using var password = await SignIn.PostLoginAsync(next, SignIn.VoViewer, AccountSeeder.DemoPassword, "/leerlingen");
        Assert.Equal(SecondFactor.StepPath, password.RedirectTarget());
        Assert.Null(app.SessionIn(password)); // no session before the code
        using var before = await next.GetAsync("/", Ct);
        Assert.StartsWith("/account/login", before.RedirectTarget(), StringComparison.Ordinal);
        var step = await next.GetStringAsync(SecondFactor.StepPath, Ct);
        Assert.Contains("autocomplete=\"one-time-code\"", step, StringComparison.Ordinal);
        Assert.Contains("inputmode=\"numeric\"", step, StringComparison.Ordinal);

        using var code = await SignIn.PostSecondFactorAsync(next, Totp.Code(key));

        Assert.Equal("/leerlingen", code.RedirectTarget()); // the return address survived the second step
        Assert.True(AppClaims.HasMultiFactor(app.SessionIn(code)));
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/leerlingen", Ct)).StatusCode);
        var log = await AuditAsync();
        Assert.Contains(log, e => e.Kind == AuditKind.SecondFactorSetUp && e.Subject == SignIn.VoViewer);
        Assert.Contains(log, e => e.Kind == AuditKind.SignedIn && e.Subject == SignIn.VoViewer && e.Detail == "met code van de authenticator-app");
    }

    [Fact]
    public async Task R_AUTH_2_wrong_codes_count_with_wrong_passwords_and_lock_the_account_for_15_minutes()
    {
        var (key, _) = await SetUpAuthenticatorAsync(SignIn.MboViewer);

        using var client = app.AnonymousClient();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var wrongPassword = await SignIn.PostLoginAsync(client, SignIn.MboViewer, "Fout-wachtwoord-" + attempt);
        }

        using var password = await SignIn.PostLoginAsync(client, SignIn.MboViewer, AccountSeeder.DemoPassword);
        Assert.Equal(SecondFactor.StepPath, password.RedirectTarget());
        var wrong = Totp.WrongCode(key);
        for (var attempt = 3; attempt <= 4; attempt++)
        {
            using var wrongCode = await SignIn.PostSecondFactorAsync(client, wrong);
            Assert.Equal(HttpStatusCode.OK, wrongCode.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(SecondFactor.WrongCode), await wrongCode.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // The fifth failure, counting the two wrong passwords: locked, the step is over, refused as on the login page.
        var form = await client.GetStringAsync(SecondFactor.StepPath, Ct);
        using var fifth = await SignIn.PostSecondFactorAsync(client, wrong, form: form);
        Assert.Contains(WebUtility.HtmlEncode(SignInPolicy.RefusedMessage), await fifth.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var tooLate = await SignIn.PostSecondFactorAsync(client, Totp.Code(key), form: form);
        Assert.Contains("data-testid=\"second-factor-expired\"", await tooLate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(app.SessionIn(tooLate));
        using var again = await SignIn.PostLoginAsync(app.AnonymousClient(), SignIn.MboViewer, AccountSeeder.DemoPassword);
        Assert.Equal(SignInPolicy.RefusedMessage, SignIn.ErrorText(await again.Content.ReadAsStringAsync(Ct)));

        await using var db = await app.OpenDbContextAsync();
        var user = db.Users.Single(u => u.Email == SignIn.MboViewer);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.True(user.LockoutEnd <= DateTimeOffset.UtcNow.AddMinutes(SignInPolicy.LockoutMinutes));
        var log = await AuditAsync();
        Assert.Equal(3, log.Count(e => e.Kind == AuditKind.SecondFactorFailed && e.Subject == SignIn.MboViewer));
        Assert.Contains(log, e => e.Kind == AuditKind.LockedOut && e.Subject == SignIn.MboViewer && e.Detail == "bij de tweede stap");
    }

    [Fact]
    public async Task R_AUTH_2_a_recovery_code_signs_in_once()
    {
        var (_, codes) = await SetUpAuthenticatorAsync(SignIn.VoCoordinator);

        using var first = app.AnonymousClient();
        using var firstPassword = await SignIn.PostLoginAsync(first, SignIn.VoCoordinator, AccountSeeder.DemoPassword);
        using var used = await SignIn.PostSecondFactorAsync(first, codes[0].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), recoveryCode: true);

        using var second = app.AnonymousClient();
        using var secondPassword = await SignIn.PostLoginAsync(second, SignIn.VoCoordinator, AccountSeeder.DemoPassword);
        using var reused = await SignIn.PostSecondFactorAsync(second, codes[0], recoveryCode: true);

        Assert.Equal("/", used.RedirectTarget());
        Assert.True(AppClaims.HasMultiFactor(app.SessionIn(used)));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode); // not signed in
        Assert.Contains(WebUtility.HtmlEncode(SecondFactor.WrongCode), await reused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var log = await AuditAsync();
        Assert.Contains(log, e => e.Kind == AuditKind.RecoveryCodeUsed && e.Subject == SignIn.VoCoordinator
                                  && e.Detail == $"nog {SecondFactor.RecoveryCodeCount - 1} over");
        Assert.Contains(log, e => e.Kind == AuditKind.SecondFactorFailed && e.Subject == SignIn.VoCoordinator && e.Detail == "onjuiste herstelcode");

        // Renewing (in the session the recovery code started) gives ten new codes; the old ones stop working.
        using var renewed = await SecondFactorKit.PostSecurityFormAsync(first, "renew-codes");
        var fresh = SecondFactorKit.RecoveryCodes(await renewed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(SecondFactor.RecoveryCodeCount, fresh.Count);
        Assert.Empty(fresh.Intersect(codes));
        Assert.Contains(await AuditAsync(), e => e.Kind == AuditKind.RecoveryCodesRenewed && e.Subject == SignIn.VoCoordinator);
    }

    [Fact]
    public async Task R_AUTH_2_a_disabled_account_is_refused_at_the_code_step()
    {
        var (key, _) = await SetUpAuthenticatorAsync(SignIn.UnrelatedCoordinator);

        using var client = app.AnonymousClient();
        using var password = await SignIn.PostLoginAsync(client, SignIn.UnrelatedCoordinator, AccountSeeder.DemoPassword);
        var form = await client.GetStringAsync(SecondFactor.StepPath, Ct);
        var user = await app.UserAsync(SignIn.UnrelatedCoordinator);
        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(user.UserId, disabled: true, Ct)).IsSuccess);

        using var code = await SignIn.PostSecondFactorAsync(client, Totp.Code(key), form: form);

        Assert.Equal(HttpStatusCode.OK, code.StatusCode);
        Assert.Null(app.SessionIn(code));
        // Disabling renews the security stamp: the step no longer names the account (or refuses it as disabled).
        var html = await code.Content.ReadAsStringAsync(Ct);
        Assert.True(
            html.Contains("data-testid=\"second-factor-expired\"", StringComparison.Ordinal)
            || html.Contains(WebUtility.HtmlEncode(SignInPolicy.RefusedMessage), StringComparison.Ordinal),
            "The code step accepted a disabled account.");
        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(user.UserId, disabled: false, Ct)).IsSuccess);
    }

    /// <summary>The owner of <paramref name="email"/> sets up an authenticator app on the page Beveiliging.</summary>
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAuthenticatorAsync(string email)
    {
        using var owner = await app.SignedInClientAsync(email);
        var (key, codes, confirmed) = await SecondFactorKit.SetUpAuthenticatorAsync(owner);
        confirmed.Dispose();
        return (key, codes);
    }

    private async Task<IReadOnlyList<AuditEntryView>> AuditAsync() =>
        (await (await app.ServiceAsAsync<AuditLogQuery>(SignIn.Administrator)).ListAsync(AuditFilter.None, new PageRequest(0, 500), Ct)).Items;
}
