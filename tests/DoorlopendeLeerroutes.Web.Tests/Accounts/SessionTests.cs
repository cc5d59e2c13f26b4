using System.Net;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>Sessions: 30 minutes idle, 12 hours at most, and ended at once when the account is disabled or changed.</summary>
public sealed class SessionTests(SessionTests.ClockApp app) : IClassFixture<SessionTests.ClockApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Session_ends_after_30_minutes_without_use()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoViewer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await client.GetAsync("/", Ct);

        Assert.StartsWith("/account/login", response.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_in_use_slides_but_ends_12_hours_after_signing_in()
    {
        using var client = await app.SignedInClientAsync(SignIn.MboViewer);

        // Busy all day: a request every 20 minutes keeps the session alive for almost 12 hours.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.6); elapsed += TimeSpan.FromMinutes(20))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            using var busy = await client.GetAsync("/", Ct);
            Assert.True(busy.StatusCode == HttpStatusCode.OK, $"Signed out after {elapsed + TimeSpan.FromMinutes(20)}");
        }

        app.Clock.Advance(TimeSpan.FromMinutes(25));
        using var response = await client.GetAsync("/", Ct);

        Assert.StartsWith("/account/login", response.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_and_refuses_sign_in()
    {
        using var client = await app.SignedInClientAsync(SignIn.UnrelatedCoordinator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        var user = await app.UserAsync(SignIn.UnrelatedCoordinator);

        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(user.UserId, disabled: true, Ct)).IsSuccess);
        using var after = await client.GetAsync("/", Ct);
        using var again = await SignIn.PostLoginAsync(app.AnonymousClient(), SignIn.UnrelatedCoordinator, Infrastructure.Accounts.AccountSeeder.DemoPassword);

        Assert.StartsWith("/account/login", after.RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(Application.Accounts.SignInPolicy.RefusedMessage, SignIn.ErrorText(await again.Content.ReadAsStringAsync(Ct)));

        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(user.UserId, disabled: false, Ct)).IsSuccess);
        using var client2 = await app.SignedInClientAsync(SignIn.UnrelatedCoordinator);
    }

    [Fact]
    public async Task Changing_a_users_role_ends_the_session_so_the_new_role_applies()
    {
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);
        var user = await app.UserAsync(SignIn.VoCoordinator);

        var changed = await (await app.ServiceAsAsync<ChangeUser>(SignIn.Administrator)).ExecuteAsync(
            user.UserId,
            new UserForm { Email = user.Email, DisplayName = "Carla", Role = Domain.Common.UserRole.Viewer, InstitutionId = user.InstitutionId },
            Ct);
        using var after = await client.GetAsync("/", Ct);

        Assert.True(changed.IsSuccess, changed.ToString());
        Assert.StartsWith("/account/login", after.RedirectTarget(), StringComparison.Ordinal);
    }

    /// <summary>The app with a clock the tests move forward.</summary>
    public sealed class ClockApp : AppFactory
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
