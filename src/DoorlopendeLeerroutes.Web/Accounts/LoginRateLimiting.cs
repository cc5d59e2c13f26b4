using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.RateLimiting;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// Limits sign-in attempts (password and second-factor code) per client address, on top of the per-account lockout: it slows down guessing across
/// many accounts. A whole school may share one address, so the limit is generous and configurable
/// (<c>RateLimiting:LoginAttemptsPerMinute</c>, default 20).
/// </summary>
public static class LoginRateLimiting
{
    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // By the page the request reaches, not by its spelling: /account/login/, /ACCOUNT/LOGIN … are the same page.
                var page = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
                if (!HttpMethods.IsPost(context.Request.Method)
                    || (page != typeof(Components.Pages.Account.Login) && page != typeof(Components.Pages.Account.SecondFactorStep)))
                {
                    return RateLimitPartition.GetNoLimiter("other");
                }

                var permits = configuration.GetValue("RateLimiting:LoginAttemptsPerMinute", 20);
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Te veel pogingen</title></head><body>" +
                    "<main><h1>Te veel inlogpogingen</h1><p>Er is vanaf dit adres te vaak geprobeerd in te loggen. " +
                    "Wacht een minuut en probeer het dan opnieuw.</p><p><a href=\"/account/login\">Terug naar inloggen</a></p></main>" +
                    "</body></html>",
                    cancellationToken);
            };
        });
        return services;
    }
}
