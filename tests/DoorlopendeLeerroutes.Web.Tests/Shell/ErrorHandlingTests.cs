using System.Net;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Shell;

/// <summary>An unexpected exception gives the Dutch error page with a correlation id that is also in the log.</summary>
public sealed class ErrorHandlingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string SecretDetail = "Geheime-details-die-niemand-mag-zien";

    [Fact]
    public async Task Unhandled_exception_shows_dutch_page_with_correlation_id_that_is_in_the_log()
    {
        using var factory = app.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter, ThrowingEndpoint>()));
        using var client = await factory.SignedInClientAsync(SignIn.VoCoordinator);

        using var response = await client.GetAsync("/test/gooi-fout", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Contains("Er ging iets mis", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(id), html, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretDetail, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);

        var log = await app.ReadLogAsync();
        Assert.Contains(SecretDetail, log, StringComparison.Ordinal);
        Assert.Contains(
            log.Split('\n'),
            line => line.Contains("UnhandledException", StringComparison.Ordinal)
                    && line.Contains($"\"CorrelationId\":\"{id}\"", StringComparison.Ordinal));
    }


    /// <summary>Adds an endpoint behind the app's own pipeline that fails, as a bug in a page would.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/gooi-fout", branch => branch.Run(_ => throw new InvalidOperationException(SecretDetail)));
        };
    }
}
