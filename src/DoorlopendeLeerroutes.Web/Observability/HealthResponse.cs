using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DoorlopendeLeerroutes.Web.Observability;

/// <summary>Writes <c>/health</c> as a small JSON document: overall status and each check, without exception details.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
