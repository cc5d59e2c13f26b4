using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Web.Api.Routes;
using Microsoft.AspNetCore.Mvc;

namespace DoorlopendeLeerroutes.Web.Api.Pupils;

/// <summary>
/// Pupils through the API: a route's list, enrolling one, the CSV import (docs/formats.md §1) with its dry run, phases, ending
/// and the funding-phase look-up, each through the page's own use case (R-ACCESS-1/2, R-PRIV-1/2/3 hold there).
/// </summary>
public static class PupilApi
{
    public const string Tag = "Leerlingen";

    public static RouteGroupBuilder MapPupilApi(this RouteGroupBuilder api)
    {
        api.MapGet("/leerroutes/{code}/leerlingen", ListAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.ReadPupils))
            .WithName("leerlingenVanLeerroute")
            .WithSummary("Leerlingen van een leerroute")
            .WithDescription("De leerlingen van de geregistreerde leerroute die de koppeling mag zien, per pagina, met gemaskeerd leerlingnummer.")
            .Produces<ApiPage<LeerlingInRoute>>()
            .ProducesProblems(400, 401, 403, 404);

        api.MapPost("/leerroutes/{code}/leerlingen", EnrolAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.WritePupils))
            .WithName("leerlingInschrijven")
            .WithSummary("Eén leerling inschrijven")
            .WithDescription("Schrijft een leerling in de geregistreerde leerroute in, met een eerste fase (R-PUPIL-1…4). Voor een leerling die je koppeling niet mag zien volgt hetzelfde antwoord, wat je ook invult (R-PRIV-1).")
            .Produces<InschrijvingResultaat>(StatusCodes.Status201Created)
            .ProducesProblems(400, 401, 403, 404, 409);

        api.MapPost("/leerroutes/{code}/leerling-imports", ImportAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.WritePupils))
            .WithName("leerlingenImporteren")
            .WithSummary("Leerlingen importeren (CSV)")
            .WithDescription("Een CSV-bestand in het formaat `leerlingen` (docs/formats.md §1) als `text/csv`. Met `proef=true` wordt alleen gecontroleerd: het antwoord toont per regel wat de import zou doen, en er wordt niets opgeslagen. Met `proef=false` wordt alles opgeslagen, of niets: elke fout staat in `errors` met `regel` en `kolom`.")
            .Accepts<string>("text/csv")
            .Produces<ImportResultaat>()
            .ProducesProblems(400, 401, 403, 404, 409, 415)
            .DisableAntiforgery();

        api.MapPost("/inschrijvingen/{inschrijvingId:guid}/fasen", RecordPhaseAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.WritePupils))
            .WithName("faseRegistreren")
            .WithSummary("Fase registreren")
            .WithDescription("Een nieuwe faseregistratie vanaf een datum (R-PUPIL-4); een eerdere wordt nooit overschreven.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(400, 401, 403, 404, 409);

        api.MapPost("/inschrijvingen/{inschrijvingId:guid}/beeindigen", EndAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.WritePupils))
            .WithName("inschrijvingBeeindigen")
            .WithSummary("Inschrijving beëindigen")
            .WithDescription("Beëindigt een inschrijving per een datum met een uitkomst (R-PUPIL-7).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(400, 401, 403, 404, 409);

        api.MapPost("/bekostigingsfase-opzoeken", LookUpAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.ReadPupils))
            .WithName("bekostigingsfaseOpzoeken")
            .WithSummary("Bekostigingsfase opzoeken")
            .WithDescription("De fase van een leerling van je eigen instelling op een datum, en wie op elke teldatum bekostigd wordt. Het leerlingnummer staat in de body, nooit in de URL. Een onbekend nummer en een leerling van een andere instelling geven precies hetzelfde antwoord (R-PRIV-1); elk antwoord wordt vastgelegd (R-PRIV-2).")
            .Produces<OpzoekResultaat>()
            .ProducesProblems(400, 401, 403, 404);
        return api;
    }

    private static async Task<IResult> ListAsync(
        string code, RouteByCodeQuery byCode, RoutePupilListQuery query, HttpContext context,
        [FromQuery] bool ookBeeindigd = false, [FromQuery] int pagina = 1, [FromQuery] int paginagrootte = 25)
    {
        if (ApiProblems.InvalidPage(context, pagina, paginagrootte) is { } invalidPage)
        {
            return invalidPage;
        }

        if (await byCode.ExecuteAsync(code, RouteVersionChoice.InForce, cancellationToken: context.RequestAborted) is not { } routeId)
        {
            return ApiProblems.NotFound(context, RouteErrors.NotFound.Message);
        }

        var page = await query.ExecuteAsync(routeId, new PageRequest(pagina - 1, paginagrootte), ookBeeindigd, context.RequestAborted);
        return Results.Ok(new ApiPage<LeerlingInRoute>([.. page.Items.Select(LeerlingInRoute.From)], pagina, paginagrootte, page.TotalItems));
    }

    private static async Task<IResult> EnrolAsync(
        string code, InschrijvingInvoer invoer, RouteByCodeQuery byCode, RouteDetailsQuery details, EnrolPupil enrol, HttpContext context)
    {
        if (await byCode.ExecuteAsync(code, RouteVersionChoice.InForce, cancellationToken: context.RequestAborted) is not { } routeId)
        {
            return ApiProblems.NotFound(context, RouteErrors.NotFound.Message);
        }

        var vo = invoer.VoInstellingId;
        var mbo = invoer.MboInstellingId;
        if (vo is null || mbo is null)
        {
            // The page's default schools (the only one of a sector, or one's own).
            var route = await details.ExecuteAsync(routeId, context.RequestAborted);
            vo ??= route is null ? null : PartnerView.DefaultIn(route.Partners, Sector.Vo);
            mbo ??= route is null ? null : PartnerView.DefaultIn(route.Partners, Sector.Mbo);
        }

        var form = new EnrolForm
        {
            PupilNumber = invoer.Leerlingnummer ?? string.Empty, LastName = invoer.Achternaam ?? string.Empty, Prefix = invoer.Tussenvoegsel,
            FirstName = invoer.Voornaam ?? string.Empty, BirthDate = invoer.Geboortedatum, StartDate = invoer.Startdatum,
            VoInstitutionId = vo, MboInstitutionId = mbo, Phase = invoer.Fase,
        };
        var enrolled = await enrol.ExecuteAsync(routeId, form, context.RequestAborted);
        return enrolled.IsFailure
            ? ApiProblems.FromErrors(context, enrolled.Errors)
            : Results.Json(new InschrijvingResultaat(enrolled.Value), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ImportAsync(
        string code, RouteByCodeQuery byCode, ImportPupils import, HttpContext context, [FromQuery] bool proef = true)
    {
        if (!IsCsv(context.Request.ContentType))
        {
            return ApiProblems.Problem(context, StatusCodes.Status415UnsupportedMediaType, "Verkeerd bestandstype",
                "Stuur het bestand als text/csv (docs/formats.md §1).");
        }

        if (await byCode.ExecuteAsync(code, RouteVersionChoice.InForce, cancellationToken: context.RequestAborted) is not { } routeId)
        {
            return ApiProblems.NotFound(context, RouteErrors.NotFound.Message);
        }

        var preview = await import.PreviewAsync(routeId, context.Request.Body, cancellationToken: context.RequestAborted);
        if (preview.HasErrors)
        {
            return ApiProblems.FromImportErrors(context, preview.Errors);
        }

        if (proef || preview.Totals.Changes == 0)
        {
            return Results.Ok(new ImportResultaat(proef, false, ImportTotalen.From(preview.Totals), ImportResultaat.Lines(preview)));
        }

        var outcome = await import.ConfirmAsync(preview, cancellationToken: context.RequestAborted);
        if (!outcome.IsSuccess)
        {
            return outcome.Errors.Any(e => e.Code == PupilImportErrors.ChangedMeanwhile.Code)
                ? ApiProblems.Problem(context, StatusCodes.Status409Conflict, "Intussen gewijzigd", PupilImportErrors.ChangedMeanwhile.Message)
                : ApiProblems.FromImportErrors(context, outcome.Errors);
        }

        return Results.Ok(new ImportResultaat(false, true, ImportTotalen.From(outcome.Totals), ImportResultaat.Lines(preview)));
    }

    private static async Task<IResult> RecordPhaseAsync(
        Guid inschrijvingId, FaseInvoer invoer, EnrolmentVersionQuery versions, RecordPhase record, HttpContext context)
    {
        // Without a version, and for an enrolment out of scope, the use case itself answers "not found" and records the refusal.
        var version = invoer.Versie ?? await versions.ExecuteAsync(inschrijvingId, context.RequestAborted) ?? Guid.Empty;
        var recorded = await record.ExecuteAsync(inschrijvingId, version, invoer.Fase, invoer.GeldigVanaf, context.RequestAborted);
        return recorded.IsFailure ? ApiProblems.FromErrors(context, recorded.Errors) : Results.NoContent();
    }

    private static async Task<IResult> EndAsync(
        Guid inschrijvingId, BeeindigingInschrijvingInvoer invoer, EnrolmentVersionQuery versions, EndEnrolment end, HttpContext context)
    {
        var version = invoer.Versie ?? await versions.ExecuteAsync(inschrijvingId, context.RequestAborted) ?? Guid.Empty;
        var ended = await end.ExecuteAsync(inschrijvingId, version, invoer.Einddatum, invoer.Uitkomst, invoer.Toelichting, context.RequestAborted);
        return ended.IsFailure ? ApiProblems.FromErrors(context, ended.Errors) : Results.NoContent();
    }

    private static async Task<IResult> LookUpAsync(OpzoekInvoer invoer, FundingPhaseLookup lookup, TimeProvider time, HttpContext context)
    {
        var date = invoer.Datum ?? DutchTime.Today(time.GetUtcNow().UtcDateTime);
        var answer = await lookup.ExecuteAsync(invoer.Leerlingnummer, date, context.RequestAborted);
        return answer.IsFailure ? ApiProblems.FromErrors(context, answer.Errors) : Results.Ok(OpzoekResultaat.From(answer.Value));
    }

    private static bool IsCsv(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("text/csv", StringComparison.OrdinalIgnoreCase);
}
