using DoorlopendeLeerroutes.Application.Agreements;
using Microsoft.Net.Http.Headers;

namespace DoorlopendeLeerroutes.Web.Agreements;

/// <summary>
/// Downloading an agreement (R-AGR-4): checked by the same access rules as the route page; anyone outside the route gets
/// 404, exactly as for an id that does not exist. Sent as an attachment under a generated, safe name.
/// </summary>
public static class AgreementEndpoints
{
    public static IEndpointRouteBuilder MapAgreementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/leerroutes/{routeId:guid}/overeenkomsten/{agreementId:guid}", async (
                Guid routeId, Guid agreementId, AgreementDownloadQuery query, HttpContext context) =>
            {
                var download = await query.ExecuteAsync(routeId, agreementId, context.RequestAborted);
                if (download is null)
                {
                    return Results.NotFound();
                }

                context.Response.Headers[HeaderNames.CacheControl] = "no-store"; // personal and contractual data
                context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                return Results.File(download.Content, "application/pdf", download.FileName, enableRangeProcessing: false);
            })
            .RequireAuthorization();
        return endpoints;
    }
}
