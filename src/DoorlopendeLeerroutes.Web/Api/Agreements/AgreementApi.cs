using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Web.Api.Routes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DoorlopendeLeerroutes.Web.Api.Agreements;

/// <summary>
/// The upload form of the route page as multipart fields: the PDF and its checklist (R-AGR-2), each item with the page where
/// it is arranged.
/// </summary>
public sealed class OvereenkomstInvoer
{
    public IFormFile? Bestand { get; set; }

    public AgreementKind Soort { get; set; } = AgreementKind.CooperationAgreement;

    public DateOnly? OndertekendOp { get; set; }

    public bool OndertekendDoorAllePartners { get; set; }

    public bool BekostigingOvergedragen { get; set; }

    public bool GebruiktWettelijkeRuimte { get; set; }

    public Guid Versie { get; set; }

    public int? PaginaOverstapoptie { get; set; }

    public int? PaginaToetredingEnWijziging { get; set; }

    public int? PaginaProgrammaEnVerantwoordelijkheden { get; set; }

    public int? PaginaFinancieleAfspraken { get; set; }

    public int? PaginaWettelijkeRuimte { get; set; }

    public Dictionary<AgreementItem, int> Pages()
    {
        var pages = new Dictionary<AgreementItem, int>();
        void Add(AgreementItem item, int? page)
        {
            if (page is { } number)
            {
                pages[item] = number;
            }
        }

        Add(AgreementItem.TransferOption, PaginaOverstapoptie);
        Add(AgreementItem.JoiningAndChanges, PaginaToetredingEnWijziging);
        Add(AgreementItem.ProgrammeAndResponsibilities, PaginaProgrammaEnVerantwoordelijkheden);
        Add(AgreementItem.FinancialArrangements, PaginaFinancieleAfspraken);
        Add(AgreementItem.LegalRoom, PaginaWettelijkeRuimte);
        return pages;
    }
}

/// <summary>Agreements of a route through the API: list, upload and download, through the page's use cases (R-AGR-1…4).</summary>
public static class AgreementApi
{
    public const string Tag = "Overeenkomsten";

    public static RouteGroupBuilder MapAgreementApi(this RouteGroupBuilder api)
    {
        api.MapGet("/leerroutes/{code}/overeenkomsten", ListAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.ReadRoutes))
            .WithName("overeenkomstenVanLeerroute")
            .WithSummary("Overeenkomsten van een leerroute")
            .WithDescription("De versies van de samenwerkingsovereenkomst van de nieuwste versie van de leerroute, nieuwste eerst.")
            .Produces<IReadOnlyList<OvereenkomstSamenvatting>>()
            .ProducesProblems(400, 401, 403, 404);

        api.MapPost("/leerroutes/{code}/overeenkomsten", UploadAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.WriteRoutes))
            .WithName("overeenkomstToevoegen")
            .WithSummary("Overeenkomst toevoegen")
            .WithDescription("Een nieuwe versie van de overeenkomst: de PDF (`bestand`) met de checklist als formuliervelden, met dezelfde controles als op de pagina (R-AGR-1…3). Geef de versie van de leerroute mee die je het laatst las.")
            .Produces<LeerrouteDetails>(StatusCodes.Status201Created)
            .ProducesProblems(400, 401, 403, 404, 409)
            .DisableAntiforgery();

        api.MapGet("/leerroutes/{code}/overeenkomsten/{versie:int}", DownloadAsync)
            .WithTags(Tag)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.ReadRoutes))
            .WithName("overeenkomstDownloaden")
            .WithSummary("Overeenkomst downloaden")
            .WithDescription("De PDF van één versie; alleen voor de instellingen waarvoor ze ondertekend is en het register (R-AGR-4). Elke download wordt vastgelegd (R-PRIV-2).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblems(400, 401, 403, 404);
        return api;
    }

    private static async Task<IResult> ListAsync(string code, RouteByCodeQuery byCode, RouteDetailsQuery details, HttpContext context)
    {
        var route = await byCode.ExecuteAsync(code, RouteVersionChoice.Latest, cancellationToken: context.RequestAborted) is { } id
            ? await details.ExecuteAsync(id, context.RequestAborted)
            : null;
        return route is null
            ? ApiProblems.NotFound(context, RouteErrors.NotFound.Message)
            : Results.Ok(LeerrouteDetails.From(route).Overeenkomsten);
    }

    private static async Task<IResult> UploadAsync(
        string code, [FromForm] OvereenkomstInvoer invoer, RouteByCodeQuery byCode, AddAgreement add, RouteDetailsQuery details, HttpContext context)
    {
        if (await byCode.ExecuteAsync(code, RouteVersionChoice.Latest, cancellationToken: context.RequestAborted) is not { } routeId)
        {
            return ApiProblems.NotFound(context, RouteErrors.NotFound.Message);
        }

        if (invoer.Bestand is not { } file)
        {
            return ApiProblems.BadRequest(context, "Kies het PDF-bestand van de overeenkomst.",
                [new ApiProblemError("agreement.file.required", "Kies het PDF-bestand van de overeenkomst.", Veld: "bestand")]);
        }

        await using var content = file.OpenReadStream();
        var added = await add.ExecuteAsync(routeId, new AgreementUpload(
            content, file.FileName, invoer.Soort, invoer.OndertekendOp, invoer.Pages(), invoer.BekostigingOvergedragen,
            invoer.GebruiktWettelijkeRuimte, invoer.OndertekendDoorAllePartners, invoer.Versie), context.RequestAborted);
        if (added.IsFailure)
        {
            return ApiProblems.FromErrors(context, added.Errors);
        }

        var route = await details.ExecuteAsync(routeId, context.RequestAborted);
        return route is null
            ? ApiProblems.NotFound(context, RouteErrors.NotFound.Message)
            : Results.Json(LeerrouteDetails.From(route), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> DownloadAsync(
        string code, int versie, RouteByCodeQuery byCode, RouteDetailsQuery details, AgreementDownloadQuery download, HttpContext context)
    {
        var routeId = await byCode.ExecuteAsync(code, RouteVersionChoice.Latest, cancellationToken: context.RequestAborted);
        var route = routeId is { } id ? await details.ExecuteAsync(id, context.RequestAborted) : null;
        var agreement = route?.Agreements.SingleOrDefault(a => a.Number == versie);
        var file = route is not null && agreement is not null
            ? await download.ExecuteAsync(route.Id, agreement.Id, context.RequestAborted)
            : null;
        if (file is null)
        {
            return ApiProblems.NotFound(context, "Deze overeenkomst bestaat niet, of je koppeling mag haar niet downloaden.");
        }

        context.Response.Headers[HeaderNames.CacheControl] = "no-store"; // personal and contractual data
        return Results.File(file.Content, "application/pdf", file.FileName, enableRangeProcessing: false);
    }
}
