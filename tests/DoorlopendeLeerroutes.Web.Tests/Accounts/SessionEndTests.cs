using System.Net;
using System.Security.Claims;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Web.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>Ways a session ends: signing out (also for a copied cookie), and the checks of an open page (circuit).</summary>
public sealed class SessionEndTests(SessionTests.ClockApp app) : IClassFixture<SessionTests.ClockApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_out_makes_a_copied_session_cookie_worthless()
    {
        var victim = app.AnonymousClient();
        using var signIn = await SignIn.PostLoginAsync(victim, SignIn.VoViewer, AccountSeeder.DemoPassword);
        var copied = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dlr.sessie=", StringComparison.Ordinal)).Split(';')[0];
        var page = await victim.GetStringAsync("/", Ct);
        var token = SignIn.AntiforgeryTokenIn(page);
        Assert.Equal(HttpStatusCode.OK, (await SendWithCookieAsync(copied)).StatusCode); // the copy works before sign-out

        using var logout = await victim.PostAsync(
            "/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
            Ct);
        using var replay = await SendWithCookieAsync(copied);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith("/account/login", replay.RedirectTarget(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendWithCookieAsync(string cookie)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Open_page_is_signed_out_after_30_minutes_without_activity_or_when_the_account_is_disabled()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var activity = new CircuitActivity(app.Clock);
        var provider = ActivatorUtilities.CreateInstance<RevalidatingAuthenticationStateProvider>(scope.ServiceProvider, activity);
        var state = new AuthenticationState(await PrincipalAsync(scope.ServiceProvider, SignIn.MboCoordinator));

        Assert.True(await provider.IsStillValidAsync(state));

        app.Clock.Advance(TimeSpan.FromMinutes(25));
        activity.Touch();
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.True(await provider.IsStillValidAsync(state)); // 25 minutes since the last click

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(await provider.IsStillValidAsync(state)); // 31 minutes idle

        activity.Touch();
        Assert.True(await provider.IsStillValidAsync(state));
        var user = await app.UserAsync(SignIn.MboCoordinator);
        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(user.UserId, disabled: true, Ct)).IsSuccess);
        Assert.False(await provider.IsStillValidAsync(state));
        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(user.UserId, disabled: false, Ct)).IsSuccess);
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var principal = await factory.CreateAsync((await users.FindByEmailAsync(email))!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(SessionPolicy.SignedInNow(app.Clock.GetUtcNow().UtcDateTime));
        return principal;
    }
}
