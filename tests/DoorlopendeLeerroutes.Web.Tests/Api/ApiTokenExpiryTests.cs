using System.Net;
using DoorlopendeLeerroutes.Web.Api;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Api;

/// <summary>
/// Issue 14: access tokens are short-lived. A token works until its ten minutes are over and is refused after (401
/// problem details); a new token from the same client works again. App time is moved, not waited for.
/// </summary>
public sealed class ApiTokenExpiryTests(ApiTokenExpiryTests.ClockApp app) : IClassFixture<ApiTokenExpiryTests.ClockApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_ACCESS_2_a_token_is_refused_once_its_ten_minutes_are_over_and_a_new_one_works()
    {
        var path = ApiTestAppFactory.TestPath + "/" + ApiScopes.ReadRoutes;
        using var client = await app.ApiClientAsync(ApiClients.Horizon);
        var expires = ApiClients.PayloadOf(client.DefaultRequestHeaders.Authorization!.Parameter!).GetProperty("exp").GetInt64();
        var issued = ApiClients.PayloadOf(client.DefaultRequestHeaders.Authorization!.Parameter!).GetProperty("iat").GetInt64();
        Assert.Equal(600, expires - issued);

        app.Clock.Advance(TimeSpan.FromMinutes(9));
        using (var stillValid = await client.GetAsync(path, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using (var expired = await client.GetAsync(path, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
            Assert.Equal("application/problem+json", expired.Content.Headers.ContentType?.MediaType);
        }

        using var renewed = await app.ApiClientAsync(ApiClients.Horizon);
        using var again = await renewed.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    /// <summary>The API test app on a <see cref="MovableClock"/>.</summary>
    public sealed class ClockApp : ApiTestAppFactory
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
