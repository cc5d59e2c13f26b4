using DoorlopendeLeerroutes.Application.Auditing;
using System.Net;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>Issue 11: a one-time password works for 72 hours (Accounts:OneTimePasswordLifetime), then it is refused like a wrong one.</summary>
public sealed class OneTimePasswordExpiryTests(SessionTests.ClockApp app) : IClassFixture<SessionTests.ClockApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_time_password_works_until_72_hours_after_it_was_made()
    {
        var account = await CreateAsync("nieuw-binnen-tijd@horizon.example");

        app.Clock.Advance(TimeSpan.FromHours(71.9));
        using var response = await SignIn.PostLoginAsync(app.AnonymousClient(), account.Email, account.OneTimePassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PasswordChangeRequirement.ChangePasswordPath, response.RedirectTarget());
    }

    [Fact]
    public async Task Expired_one_time_password_is_refused_like_a_wrong_one_shown_to_the_administrator_and_reset()
    {
        var account = await CreateAsync("nieuw-te-laat@horizon.example");

        app.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));
        using var expired = await SignIn.PostLoginAsync(app.AnonymousClient(), account.Email, account.OneTimePassword);
        using var wrong = await SignIn.PostLoginAsync(app.AnonymousClient(), account.Email, "Helemaal-Fout-123");

        Assert.Equal(HttpStatusCode.OK, expired.StatusCode); // not signed in
        var expiredPage = await expired.Content.ReadAsStringAsync(Ct);
        Assert.Equal(SignInPolicy.RefusedMessage, SignIn.ErrorText(expiredPage));
        Assert.Equal(SignIn.ErrorText(await wrong.Content.ReadAsStringAsync(Ct)), SignIn.ErrorText(expiredPage));
        Assert.DoesNotContain("verlopen", expiredPage, StringComparison.OrdinalIgnoreCase);

        var listed = (await (await app.ServiceAsAsync<UserListQuery>(SignIn.Administrator)).ExecuteAsync(new PageRequest(0, 100), Ct)).Items.Single(u => u.Email == account.Email);
        Assert.True(listed.OneTimePasswordExpired);
        var log = (await (await app.ServiceAsAsync<AuditLogQuery>(SignIn.Administrator)).ListAsync(AuditFilter.None, new PageRequest(0, 200), Ct)).Items;
        Assert.Contains(log, e => e.Kind == AuditKind.SignInFailed && e.Subject == account.Email && e.Detail == "eenmalig wachtwoord verlopen");

        var reset = await (await app.ServiceAsAsync<ResetPassword>(SignIn.Administrator)).ExecuteAsync(account.UserId, Ct);
        Assert.True(reset.IsSuccess);
        using var again = await SignIn.PostLoginAsync(app.AnonymousClient(), account.Email, reset.Value);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.False((await (await app.ServiceAsAsync<UserListQuery>(SignIn.Administrator)).ExecuteAsync(new PageRequest(0, 100), Ct)).Items.Single(u => u.Email == account.Email).OneTimePasswordExpired);
    }

    private async Task<NewAccount> CreateAsync(string email)
    {
        var horizon = await app.UserAsync(SignIn.VoCoordinator);
        var created = await (await app.ServiceAsAsync<CreateUser>(SignIn.Administrator)).ExecuteAsync(
            new UserForm { Email = email, DisplayName = "Nieuwe Collega", Role = UserRole.Viewer, InstitutionId = horizon.InstitutionId }, Ct);
        Assert.True(created.IsSuccess, created.ToString());
        return created.Value;
    }
}
