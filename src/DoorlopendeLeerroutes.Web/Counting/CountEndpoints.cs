using DoorlopendeLeerroutes.Application.Counting;
using Microsoft.Net.Http.Headers;

namespace DoorlopendeLeerroutes.Web.Counting;

/// <summary>The count of a school year as CSV (docs/formats.md §2), with only what the user may see (R-COUNT-7, R-ACCESS-1).</summary>
public static class CountEndpoints
{
    public static IEndpointRouteBuilder MapCountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/teldatum/{schoolYear}/export.csv", async (string schoolYear, CountExportQuery query, HttpContext context) =>
            {
                if (!SchoolYear.TryCreate(schoolYear, out var year))
                {
                    return Results.NotFound();
                }

                var rows = await query.ExecuteAsync(year, "csv", context.RequestAborted);
                context.Response.Headers[HeaderNames.CacheControl] = "no-store"; // personal data
                return Results.File(CountCsv.Write(rows), "text/csv; charset=utf-8", CountCsv.FileName(year));
            })
            .RequireAuthorization();

        endpoints.MapGet("/teldatum/{schoolYear}/export.xlsx", async (
                string schoolYear, CountExportQuery query, ISpreadsheetWriter spreadsheets, HttpContext context) =>
            {
                if (!SchoolYear.TryCreate(schoolYear, out var year))
                {
                    return Results.NotFound();
                }

                var rows = await query.ExecuteAsync(year, "xlsx", context.RequestAborted);
                using var workbook = new MemoryStream();
                await spreadsheets.WriteAsync(workbook, "Teldatum", CountCsv.Header, rows.Select(CountCsv.Values), context.RequestAborted);
                context.Response.Headers[HeaderNames.CacheControl] = "no-store"; // personal data
                return Results.File(
                    workbook.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", CountCsv.FileName(year, "xlsx"));
            })
            .RequireAuthorization();
        return endpoints;
    }
}
