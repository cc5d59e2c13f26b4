using System.Net;
using DoorlopendeLeerroutes.Web.RouteFinder;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace DoorlopendeLeerroutes.Web.Tests.RouteFinder;

/// <summary>The public finder is limited per client address; other pages are not counted against it.</summary>
public sealed class RouteFinderRateLimitTests(RouteFinderRateLimitTests.LowLimitApp app) : IClassFixture<RouteFinderRateLimitTests.LowLimitApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_MON_2_anonymous_traffic_on_the_finder_is_limited_with_a_dutch_page_and_retry_after()
    {
        using var client = app.AnonymousClient();

        for (var i = 0; i < LowLimitApp.Limit; i++)
        {
            using var allowed = await client.GetAsync("/routes-zoeken?niveau=" + (2 + (i % 3)), Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync("/ROUTES-ZOEKEN", Ct); // another spelling is the same page
        using var other = await client.GetAsync("/account/login", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Wacht een minuut", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    public sealed class LowLimitApp : AppFactory
    {
        public const int Limit = 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [RouteFinderRateLimit.RequestsPerMinuteKey] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
        }
    }
}
