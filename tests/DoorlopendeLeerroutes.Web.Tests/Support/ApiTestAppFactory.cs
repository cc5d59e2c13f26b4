using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>
/// The real app plus test-only API endpoints under <see cref="TestPath"/>, in a branch before the app's own pipeline, with
/// the API's authentication and policies: they show what a bearer token reaches without depending on the resource
/// endpoints, and they pass the same steps after authorization as the app's own API endpoints. GET
/// <c>{TestPath}/{scope}</c> (one per scope, with that scope's policy) answers with the <see cref="UserContext"/> the
/// token became; POST <see cref="WritePath"/> (scope leerlingen.schrijven) counts its runs in <see cref="Writes"/> and
/// answers 201 with the run's number and the body it got.
/// </summary>
public class ApiTestAppFactory : AppFactory
{
    public const string TestPath = ApiContract.BasePath + "/test-only";

    public const string WritePath = TestPath + "/schrijf";

    private int _writes;

    /// <summary>How often the write endpoint really ran.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary><c>Api:RequestsPerMinute</c> for this app; null keeps the default.</summary>
    protected virtual int? RequestsPerMinute => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (RequestsPerMinute is { } limit)
        {
            builder.UseSetting(ApiRequestPipeline.RequestsPerMinuteKey, limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        builder.ConfigureServices(services => services.AddTransient<IStartupFilter>(_ => new TestEndpoints(MapTestEndpoints)));
    }

    /// <summary>The branch's endpoints; a subclass adds its own.</summary>
    protected virtual void MapTestEndpoints(IEndpointRouteBuilder endpoints)
    {
        foreach (var scope in ApiAuthentication.AllScopes)
        {
            endpoints.MapGet(TestPath + "/" + scope, (ICurrentUser current) => Results.Json(new
            {
                current.User?.UserId, current.User?.Email, Role = current.User?.Role.ToString(), current.User?.InstitutionId,
            })).RequireAuthorization(ApiContract.Policy(scope));
        }

        endpoints.MapPost(WritePath, async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var run = Interlocked.Increment(ref _writes);
            return Results.Created(WritePath + "/" + run, new { run, body });
        }).RequireAuthorization(ApiContract.Policy(ApiScopes.WritePupils));
    }

    private sealed class TestEndpoints(Action<IEndpointRouteBuilder> map) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(TestPath, branch =>
            {
                branch.Use((context, nextMiddleware) =>
                {
                    context.Request.PathBase = PathString.Empty; // the endpoints are mapped with their full paths
                    context.Request.Path = TestPath + context.Request.Path;
                    return nextMiddleware(context);
                });
                branch.UseRouting();
                branch.UseAuthentication();
                branch.UseAuthorization();
                branch.UseApiRequestPipeline(); // as in Program.cs: audit, rate limit, Idempotency-Key
                branch.UseEndpoints(map);
            });
            next(app);
        };
    }
}
