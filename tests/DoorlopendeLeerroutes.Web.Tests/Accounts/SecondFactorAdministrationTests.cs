using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>
/// R-AUTH-2 and a lost phone: an administrator switches someone else's second factor off in Beheer; the person signs in
/// with their password again. Nobody else may, and an administrator's own factor stays on the page Beveiliging.
/// </summary>
public sealed class SecondFactorAdministrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_AUTH_2_an_administrator_turns_off_a_coordinators_second_factor_and_the_password_alone_signs_in_again()
    {
        var coordinator = await app.UserAsync(SignIn.MboCoordinator);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(coordinator.UserId.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        }

        using (var before = app.AnonymousClient())
        using (var asked = await SignIn.PostLoginAsync(before, SignIn.MboCoordinator, AccountSeeder.DemoPassword))
        {
            Assert.Equal(SecondFactor.StepPath, asked.RedirectTarget());
        }

        var status = await app.ServiceAsAsync<SecondFactorStatusQuery>(SignIn.Administrator);
        Assert.Equal(new SecondFactorStatus(AuthenticatorOn: true, Passkeys: 0), await status.ExecuteAsync(coordinator.UserId, Ct));

        var result = await (await app.ServiceAsAsync<TurnOffSecondFactor>(SignIn.Administrator)).ExecuteAsync(coordinator.UserId, Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.False((await status.ExecuteAsync(coordinator.UserId, Ct))!.Any);
        using var after = app.AnonymousClient();
        using var signedIn = await SignIn.PostLoginAsync(after, SignIn.MboCoordinator, AccountSeeder.DemoPassword);
        Assert.Equal("/", signedIn.RedirectTarget());
        var log = (await (await app.ServiceAsAsync<AuditLogQuery>(SignIn.Administrator))
            .ListAsync(AuditFilter.None, new PageRequest(0, 200), Ct)).Items;
        Assert.Contains(log, e => e.Kind == AuditKind.SecondFactorRemoved && e.ActorEmail == SignIn.Administrator
                                  && e.Subject == SignIn.MboCoordinator && e.Detail == "alle tweede factoren, door een beheerder");
    }

    [Fact]
    public async Task R_AUTH_2_an_administrator_cannot_turn_off_their_own_second_factor_in_Beheer()
    {
        var self = await app.UserAsync(SignIn.Administrator);

        var result = await (await app.ServiceAsAsync<TurnOffSecondFactor>(SignIn.Administrator)).ExecuteAsync(self.UserId, Ct);

        Assert.Equal([SecondFactorErrors.OwnViaSecurityPage], result.Errors);
        var status = await (await app.ServiceAsAsync<SecondFactorStatusQuery>(SignIn.Administrator)).ExecuteAsync(self.UserId, Ct);
        Assert.True(status!.AuthenticatorOn);
    }

    [Theory]
    [InlineData(SignIn.VoCoordinator)]
    [InlineData(SignIn.VoViewer)]
    public async Task R_AUTH_2_only_an_administrator_may_turn_off_someone_elses_second_factor(string email)
    {
        var administrator = await app.UserAsync(SignIn.Administrator);
        var turnOff = await app.ServiceAsAsync<TurnOffSecondFactor>(email);
        var query = await app.ServiceAsAsync<SecondFactorStatusQuery>(email);

        await Assert.ThrowsAsync<AccessDeniedException>(() => turnOff.ExecuteAsync(administrator.UserId, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => query.ExecuteAsync(administrator.UserId, Ct));
        var status = await (await app.ServiceAsAsync<SecondFactorStatusQuery>(SignIn.Administrator)).ExecuteAsync(administrator.UserId, Ct);
        Assert.True(status!.AuthenticatorOn);
    }
}
