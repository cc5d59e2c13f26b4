using System.Diagnostics;
using Serilog.Context;

namespace DoorlopendeLeerroutes.Web.Observability;

/// <summary>
/// Every request gets a correlation id (ASP.NET Core's trace identifier) that is written with each log line of that
/// request and shown to the user on the error page, so a support question can be matched to the log.
/// </summary>
public static class CorrelationId
{
    public const string LogProperty = "CorrelationId";
    public const string Header = "X-Correlation-Id";
    public const string TraceIdProperty = "TraceId";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Set when the response starts: the exception handler clears headers set earlier.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = context.TraceIdentifier;
                return Task.CompletedTask;
            });
            // The W3C trace id too (issue 17), so a log line leads to the request's trace when telemetry is exported.
            using (LogContext.PushProperty(LogProperty, context.TraceIdentifier))
            using (LogContext.PushProperty(TraceIdProperty, Activity.Current?.TraceId.ToHexString()))
            {
                await next(context);
            }
        });

    /// <summary>A short id for errors inside an interactive circuit, where there is no request to take it from.</summary>
    public static string NewForCircuitError() => "C-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
}
