using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace DoorlopendeLeerroutes.Web.Monitoring;

/// <summary>The monitor of a school year as an xlsx workbook (R-MON-3), for administrators only; every export is recorded.</summary>
public static class MonitorEndpoints
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string ExportPath(SchoolYear year) => $"beheer/monitor/{year}/export.xlsx";

    public static IEndpointRouteBuilder MapMonitorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/beheer/monitor/{schoolYear}/export.xlsx", async (string schoolYear, MonitorExport export, HttpContext context) =>
            {
                if (!SchoolYear.TryCreate(schoolYear, out var year))
                {
                    return Results.NotFound();
                }

                using var workbook = new MemoryStream();
                await export.WriteAsync(year, workbook, context.RequestAborted);
                context.Response.Headers[HeaderNames.CacheControl] = "no-store";
                return Results.File(workbook.ToArray(), ContentType, MonitorTables.FileName(year));
            })
            .RequireAuthorization()
            .RequireAuthorization(new AuthorizeAttribute { Roles = UserRoles.Administrator }); // as the page's [Authorize]
        return endpoints;
    }
}
