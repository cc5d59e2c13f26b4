using System.Globalization;
using DoorlopendeLeerroutes.Application.Pupils.Reconciliation;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;
using Microsoft.Net.Http.Headers;

namespace DoorlopendeLeerroutes.Web.Counting;

/// <summary>
/// R-RECON-1: the differences of the phase comparison of a route on a date as CSV, masked numbers only; and the example
/// file to compare, in the demo's school year.
/// </summary>
public static class PhaseReconciliationEndpoints
{
    public static IEndpointRouteBuilder MapPhaseReconciliationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/leerroutes/{id:guid}/fasen/{date}/verschillen.csv", async (Guid id, string date, ReconcilePhases reconcile, HttpContext context) =>
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
                {
                    return Results.NotFound();
                }

                var view = await reconcile.ExportAsync(id, on, context.RequestAborted);
                if (view.Errors.Count > 0)
                {
                    return Results.NotFound(); // refused and recorded by the use case; nothing says whether the route exists
                }

                context.Response.Headers[HeaderNames.CacheControl] = "no-store"; // personal data
                return Results.File(PhaseReconciliationCsv.Write(view), "text/csv; charset=utf-8", PhaseReconciliationCsv.FileName(on));
            })
            .RequireAuthorization();

        endpoints.MapGet("/voorbeelden/" + DemoPhaseFile.FileName, (TimeProvider time) =>
                Results.File(DemoPhaseFile.For(DutchTime.Today(time.GetUtcNow().UtcDateTime)), "text/csv; charset=utf-8", DemoPhaseFile.FileName))
            .RequireAuthorization();
        return endpoints;
    }
}
