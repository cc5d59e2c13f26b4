using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Web.Api.Routes;
using DoorlopendeLeerroutes.Web.Counting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DoorlopendeLeerroutes.Web.Api.Counting;

public sealed record TellingInstelling(string Brin, string Naam, int BekostigdAlsVo, int BekostigdAlsMbo, int ZonderFase);

public sealed record TellingLeerroute(string Code, string Naam, int InVoFase, int InMboFase, int ZonderFase, int LateWijzigingen);

/// <summary>One pupil of the count, with the masked number as on the count page (R-PUPIL-8).</summary>
public sealed record TellingRegel(
    Guid InschrijvingId, string Leerroute, string Naam, string Leerlingnummer, Phase? Fase, string? BekostigdDoor, CountStatus Status,
    Phase VerwachteFase, bool WaarschuwingGeenFase, bool WijktAfVanVerwacht);

/// <summary>The count of a school year: totals per institution and per route, and a page of the pupil rows.</summary>
public sealed record Telling(
    string Schooljaar, DateOnly Teldatum, DateTime Peilmoment, bool IsVoorlopig, int Leerlingen, IReadOnlyList<TellingInstelling> Instellingen,
    IReadOnlyList<TellingLeerroute> Leerroutes, ApiPage<TellingRegel> Regels);

/// <summary>The 1 October count through the API, limited to what the client may see (R-COUNT-7, R-ACCESS-1/2).</summary>
public static class CountApi
{
    public const string Tag = "Telling";

    public static RouteGroupBuilder MapCountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tellingen/{schooljaar}", GetAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.ReadCount))
            .WithName("tellingOpvragen")
            .WithSummary("Telling van een schooljaar")
            .WithDescription("De telling op 1 oktober van een schooljaar (bijvoorbeeld `2025-2026`): totalen per instelling en per leerroute, en de leerlingen per pagina met gemaskeerd nummer. Alleen wat de koppeling mag zien.")
            .Produces<Telling>()
            .ProducesProblems(400, 401, 403, 404);

        api.MapGet("/tellingen/{schooljaar}/export", ExportAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.ReadCount))
            .WithName("tellingExporteren")
            .WithSummary("Telling als CSV")
            .WithDescription("De telling per leerling als CSV in het formaat `teldatum` (docs/formats.md §2), met volledige leerlingnummers; elke export wordt vastgelegd (R-PRIV-2).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(400, 401, 403, 404);
        return api;
    }

    private static async Task<IResult> GetAsync(
        string schooljaar, CountOverviewQuery overview, CountPupilRowsQuery rows, HttpContext context,
        [FromQuery] int pagina = 1, [FromQuery] int paginagrootte = 25)
    {
        if (!SchoolYear.TryCreate(schooljaar, out var year))
        {
            return ApiProblems.NotFound(context, "Dit schooljaar bestaat niet. Schrijf het als 2025-2026.");
        }

        if (ApiProblems.InvalidPage(context, pagina, paginagrootte) is { } invalidPage)
        {
            return invalidPage;
        }

        var count = await overview.ExecuteAsync(year, context.RequestAborted);
        var page = await rows.ExecuteAsync(year, new PageRequest(pagina - 1, paginagrootte), CountRowFilter.All, context.RequestAborted);
        return Results.Ok(new Telling(
            count.SchoolYear.ToString(), count.CountDate, count.CutoffUtc, count.IsPreview, count.Pupils,
            [.. count.Institutions.Select(i => new TellingInstelling(i.Brin, i.Name, i.FundedAsVo, i.FundedAsMbo, i.WithoutPhase))],
            [.. count.Routes.Select(r => new TellingLeerroute(r.Code, r.Name, r.InVoPhase, r.InMboPhase, r.WithoutPhase, r.LateChanges))],
            new ApiPage<TellingRegel>(
                [.. page.Items.Select(r => new TellingRegel(
                    r.EnrolmentId, r.Route, r.Name, r.MaskedNumber, r.Phase, r.FundedBy, r.Status, r.ExpectedPhase, r.NoPhaseWarning, r.DiffersFromExpected))],
                pagina, paginagrootte, page.TotalItems)));
    }

    private static async Task<IResult> ExportAsync(string schooljaar, CountExportQuery query, HttpContext context)
    {
        if (!SchoolYear.TryCreate(schooljaar, out var year))
        {
            return ApiProblems.NotFound(context, "Dit schooljaar bestaat niet. Schrijf het als 2025-2026.");
        }

        var exported = await query.ExecuteAsync(year, "csv", context.RequestAborted);
        context.Response.Headers[HeaderNames.CacheControl] = "no-store"; // personal data
        return Results.File(CountCsv.Write(exported), "text/csv; charset=utf-8", CountCsv.FileName(year));
    }
}
