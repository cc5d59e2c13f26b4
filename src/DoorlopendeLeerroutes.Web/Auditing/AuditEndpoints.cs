using System.Globalization;
using System.Text;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using Microsoft.Net.Http.Headers;

namespace DoorlopendeLeerroutes.Web.Auditing;

/// <summary>
/// The audit log as CSV for administrators (R-PRIV-2), with the filter of the audit log page. Streamed line by line, so
/// two years of lines never sit in memory at once.
/// </summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/beheer/auditlog/export.csv", async (
                string? soort, string? persoon, Guid? instelling, string? vanaf, string? tot, AuditLogQuery query, TimeProvider time,
                HttpContext context) =>
            {
                var filter = new AuditFilter(
                    Enum.TryParse<AuditKind>(soort, out var kind) && Enum.IsDefined(kind) ? [kind] : null,
                    persoon, instelling, Date(vanaf), Date(tot));
                var today = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, Domain.Common.DutchTime.Zone);
                context.Response.Headers[HeaderNames.CacheControl] = "no-store";
                context.Response.ContentType = "text/csv; charset=utf-8";
                context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
                {
                    FileName = string.Create(CultureInfo.InvariantCulture, $"auditlog-{today:yyyy-MM-dd}.csv"),
                }.ToString();

                await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                var line = new StringBuilder();
                await foreach (var row in query.ExportAsync(filter, context.RequestAborted))
                {
                    line.Clear();
                    Csv.AppendLine(line, row);
                    await writer.WriteAsync(line, context.RequestAborted);
                }
            })
            .RequireAuthorization()
            .RequireAuthorization(policy => policy.RequireRole(UserRoles.Administrator));
        return endpoints;
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
