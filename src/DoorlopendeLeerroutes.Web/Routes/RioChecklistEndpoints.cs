using DoorlopendeLeerroutes.Application.Routes;
using Microsoft.Net.Http.Headers;

namespace DoorlopendeLeerroutes.Web.Routes;

/// <summary>R-RIO-1: the own RIO checklist of a registered route version as CSV (docs/formats.md, "RIO-checklist").</summary>
public static class RioChecklistEndpoints
{
    public static IEndpointRouteBuilder MapRioChecklistEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/leerroutes/{routeId:guid}/rio-checklist.csv", async (Guid routeId, RioChecklistQuery query, HttpContext context) =>
            {
                // Another institution's route, a version that is not registered and an administrator (no own offer) get "not found".
                var view = await query.ExecuteAsync(routeId, context.RequestAborted);
                if (view?.Own is not { } own)
                {
                    return Results.NotFound();
                }

                context.Response.Headers[HeaderNames.CacheControl] = "no-store";
                return Results.File(RioChecklistCsv.Write(own), "text/csv; charset=utf-8", RioChecklistCsv.FileName(view));
            })
            .RequireAuthorization();
        return endpoints;
    }
}
