using System.Net;
using System.Security.Claims;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>R-AUTH-2: administrators use a second factor at every sign-in; without one they can only set one up.</summary>
public sealed class AdministratorSecondFactorTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string NewPassword = "Nieuw-Beheer-Wachtwoord-77";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_AUTH_2_administrator_with_password_only_never_gets_a_session_with_mfa()
    {
        using var client = app.AnonymousClient();

        using var password = await SignIn.PostLoginAsync(client, SignIn.Administrator, AccountSeeder.DemoPassword, "/beheer");

        Assert.Equal(SecondFactor.StepPath, password.RedirectTarget());
        Assert.Null(app.SessionIn(password));
        using var beheer = await client.GetAsync("/beheer", Ct);
        Assert.StartsWith("/account/login", beheer.RedirectTarget(), StringComparison.Ordinal);

        using var code = await SignIn.PostSecondFactorAsync(client, Totp.Code(AccountSeeder.DemoAdministratorAuthenticatorKey));
        Assert.Equal("/beheer", code.RedirectTarget());
        Assert.True(AppClaims.HasMultiFactor(app.SessionIn(code)));

        // The session keeps its second factor from request to request (the principal is rebuilt at every request).
        for (var i = 0; i < 3; i++)
        {
            using var page = await client.GetAsync("/beheer", Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task R_AUTH_2_administrator_cannot_remove_the_last_second_factor()
    {
        using var client = await app.SignedInClientAsync(SignIn.Administrator);

        using var removed = await SecondFactorKit.PostSecurityFormAsync(client, "remove-app");

        var html = WebUtility.HtmlDecode(await removed.Content.ReadAsStringAsync(Ct));
        Assert.Contains(SecondFactorErrors.LastFactorOfAdministrator.Message, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"app-on\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_AUTH_2_ChangePassword_keeps_the_second_factor_and_the_moment_of_signing_in()
    {
        using var client = await app.SignedInClientAsync(SignIn.Administrator);
        var form = await client.GetStringAsync("/account/wachtwoord", Ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryTokenIn(form),
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = AccountSeeder.DemoPassword,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        using var changed = await client.PostAsync("/account/wachtwoord", content, Ct);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var session = app.SessionIn(changed);
        Assert.True(AppClaims.HasMultiFactor(session));
        Assert.NotNull(session!.FindFirst(AppClaims.SignedIn));
        using var beheer = await client.GetAsync("/beheer", Ct);
        Assert.Equal(HttpStatusCode.OK, beheer.StatusCode);
        await SetPasswordBackAsync();
    }

    [Fact]
    public async Task R_AUTH_2_administrator_without_second_factor_is_sent_to_set_one_up_and_reaches_nothing_else()
    {
        await SwitchOffAuthenticatorAsync();
        using var client = app.AnonymousClient();
        using var password = await SignIn.PostLoginAsync(client, SignIn.Administrator, AccountSeeder.DemoPassword);
        var session = app.SessionIn(password);
        Assert.NotNull(session);
        Assert.False(AppClaims.HasMultiFactor(session));

        var year = SchoolYears.LastCounted;
        foreach (var path in new[]
                 {
                     "/", "/beheer", "/beheer/gebruikers", "/beheer/auditlog", "/leerroutes", "/teldatum", "/leerlingen",
                     $"/teldatum/{year}/export.csv", $"/teldatum/{year}/export.xlsx", "/beheer/auditlog/export.csv", "/geen-toegang",
                 })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
            Assert.Equal(SecondFactor.SecurityPath, response.RedirectTarget());
        }

        var setup = await client.GetStringAsync(SecondFactor.SecurityPath, Ct);
        Assert.Contains("data-testid=\"second-factor-required\"", setup, StringComparison.Ordinal);

        // Navigation inside an open page (the circuit) is judged by the same default policy: refused without amr=mfa.
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var policy = await app.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetDefaultPolicyAsync();
        Assert.False((await authorization.AuthorizeAsync(session!, policy)).Succeeded);

        // Setting one up continues the same session, now with the second factor.
        var (_, codes, confirmed) = await SecondFactorKit.SetUpAuthenticatorAsync(client);
        var after = app.SessionIn(confirmed);
        Assert.Equal(SecondFactor.RecoveryCodeCount, codes.Count);
        Assert.True(AppClaims.HasMultiFactor(after));
        Assert.Equal(session!.FindFirstValue(AppClaims.SignedIn), after!.FindFirstValue(AppClaims.SignedIn));
        Assert.True((await authorization.AuthorizeAsync(after!, policy)).Succeeded);
        Assert.Contains("data-testid=\"security-continue\"", await confirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var beheer = await client.GetAsync("/beheer", Ct);
        Assert.Equal(HttpStatusCode.OK, beheer.StatusCode);
        await ResetDemoKeyAsync();
    }

    [Fact]
    public async Task Other_roles_may_work_without_a_second_factor_and_see_the_page_Beveiliging()
    {
        using var client = await app.SignedInClientAsync(SignIn.MboCoordinator);

        var page = await client.GetStringAsync(SecondFactor.SecurityPath, Ct);
        using var home = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("data-testid=\"app-off\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"second-factor-required\"", page, StringComparison.Ordinal);
        Assert.Contains("data-passkey=\"create\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_AUTH_2_the_demo_administrator_has_the_key_and_otpauth_uri_the_README_prints()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "README.md")))
        {
            folder = folder.Parent;
        }

        var readme = await File.ReadAllTextAsync(Path.Combine(folder!.FullName, "README.md"), Ct);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(SignIn.Administrator))!;

        Assert.True(await AccountSecurity.HasAuthenticatorAsync(users, admin));
        Assert.Equal(AccountSeeder.DemoAdministratorAuthenticatorKey, await users.GetAuthenticatorKeyAsync(admin));
        Assert.Contains(AccountSeeder.DemoAdministratorAuthenticatorKey, readme, StringComparison.Ordinal);
        Assert.Contains(AccountSecurity.OtpAuthUri(SignIn.Administrator, AccountSeeder.DemoAdministratorAuthenticatorKey), readme, StringComparison.Ordinal);
    }

    private async Task SwitchOffAuthenticatorAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(SignIn.Administrator))!;
        Assert.True((await users.SetTwoFactorEnabledAsync(admin, false)).Succeeded);
    }

    /// <summary>Puts the demo key back, so the other tests of this class sign in as before whatever the order.</summary>
    private async Task ResetDemoKeyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var store = (IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(SignIn.Administrator))!;
        await store.SetAuthenticatorKeyAsync(admin, AccountSeeder.DemoAdministratorAuthenticatorKey, Ct);
        Assert.True((await users.SetTwoFactorEnabledAsync(admin, true)).Succeeded);
    }

    private async Task SetPasswordBackAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(SignIn.Administrator))!;
        Assert.True((await users.ChangePasswordAsync(admin, NewPassword, AccountSeeder.DemoPassword)).Succeeded);
    }
}
