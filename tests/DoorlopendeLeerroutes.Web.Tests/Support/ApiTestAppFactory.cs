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
/// endpoints. GET <c>{TestPath}/{scope}</c> (one per scope, with that scope's policy) answers with the <see cref="UserContext"/> the token became.
/// </summary>
public class ApiTestAppFactory : AppFactory
{
    public const string TestPath = ApiContract.BasePath + "/test-only";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
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
                branch.UseEndpoints(map);
            });
            next(app);
        };
    }
}
