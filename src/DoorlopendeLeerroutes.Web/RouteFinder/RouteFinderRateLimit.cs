using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Endpoints;

namespace DoorlopendeLeerroutes.Web.RouteFinder;

/// <summary>
/// The public route finder answers anyone (R-MON-2), so requests for it are limited per client address: a fixed window
/// of a minute, <c>RateLimiting:RouteFinderRequestsPerMinute</c> (default 120; a whole school may share one address).
/// Its own limiter, like the API's, so the sign-in limiter is untouched. Other pages are not counted.
/// </summary>
public static class RouteFinderRateLimit
{
    public const string RequestsPerMinuteKey = "RateLimiting:RouteFinderRequestsPerMinute";
    public const int DefaultRequestsPerMinute = 120;

    public static IServiceCollection AddRouteFinderRateLimit(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var permits = sp.GetRequiredService<IConfiguration>().GetValue(RequestsPerMinuteKey, DefaultRequestsPerMinute);
            return new Limiter(PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
                client, _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        });
        return services;
    }

    /// <summary>After routing (the page is known by its endpoint, whatever the address's spelling).</summary>
    public static IApplicationBuilder UseRouteFinderRateLimit(this IApplicationBuilder app) => app.Use(LimitAsync);

    /// <summary>The limiter, wrapped so the app's other limiters are never confused with it.</summary>
    public sealed class Limiter(PartitionedRateLimiter<string> limiter) : IDisposable
    {
        public RateLimitLease Acquire(string client) => limiter.AttemptAcquire(client);

        public void Dispose() => limiter.Dispose();
    }

    private static async Task LimitAsync(HttpContext context, RequestDelegate next)
    {
        var page = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
        if (page != typeof(Components.Pages.RouteFinder.RouteFinderPage))
        {
            await next(context);
            return;
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
        using var lease = context.RequestServices.GetRequiredService<Limiter>().Acquire(client);
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Even wachten</title></head><body>" +
            "<main><h1>Even wachten</h1><p>Vanaf dit adres is de zoekpagina voor leerroutes vaak opgevraagd. " +
            "Wacht een minuut en probeer het dan opnieuw.</p><p><a href=\"/routes-zoeken\">Opnieuw zoeken</a></p></main>" +
            "</body></html>",
            context.RequestAborted);
    }
}
