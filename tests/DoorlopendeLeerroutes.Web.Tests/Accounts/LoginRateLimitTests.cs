using System.Net;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>Too many sign-in attempts from one address within a minute get a Dutch "te veel pogingen" page.</summary>
public sealed class LoginRateLimitTests(LoginRateLimitTests.StrictApp app) : IClassFixture<LoginRateLimitTests.StrictApp>
{
    [Fact]
    public async Task Fourth_sign_in_attempt_within_a_minute_is_refused_with_429()
    {
        using var client = app.AnonymousClient();

        // Other spellings of the same address reach the same page, so they count towards the same limit.
        string[] spellings = ["/account/login", "/account/login/", "/ACCOUNT/Login"];
        foreach (var path in spellings)
        {
            using var allowed = await SignIn.PostLoginAsync(client, "iemand@nergens.example", "Fout-wachtwoord-123", path: path);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignIn.PostLoginAsync(
            client, SignIn.VoViewer, Infrastructure.Accounts.AccountSeeder.DemoPassword, path: "/account/login/");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("Te veel inlogpogingen", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Reading the login page is not limited, only posting to it.
        using var page = await client.GetAsync("/account/login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    public sealed class StrictApp : AppFactory
    {
        protected override int LoginAttemptsPerMinute => 3;
    }
}
