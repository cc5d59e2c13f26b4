using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Application.Routes;
using Microsoft.AspNetCore.Mvc;

namespace DoorlopendeLeerroutes.Web.Api.Routes;

/// <summary>
/// The routes of the API: the route list and page, the route form and the actions of the route page, each a thin call into
/// the same use case the page calls (access R-ACCESS-1/2, audit R-PRIV-2 and every rule stay there).
/// </summary>
public static class RouteApi
{
    public const string Tag = "Leerroutes";

    public static RouteGroupBuilder MapRouteApi(this RouteGroupBuilder api)
    {
        var routes = api.MapGroup("/leerroutes").WithTags(Tag);

        routes.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.ReadRoutes))
            .WithName("leerroutesZoeken")
            .Produces<ApiPage<LeerrouteSamenvatting>>()
            .WithSummary("Leerroutes zoeken")
            .WithDescription("De leerroutes die de koppeling mag zien, gefilterd en per pagina, op volgorde van code. Vervangen en ingetrokken versies staan er alleen in als je op die status filtert. `status`: draft, submitted, registered, rejected, ended, superseded of withdrawn; `type`: continuous of integrated; `sector`: economie, groen, techniek, zorg-welzijn of overig-breed.")
            .ProducesProblems(400, 401, 403);

        routes.MapGet("/{code}", GetAsync)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.ReadRoutes))
            .WithName("leerrouteOpvragen")
            .Produces<LeerrouteDetails>()
            .WithSummary("Eén leerroute opvragen")
            .WithDescription("De leerroute met partners, overeenkomsten en wat je er nu mee mag. Zonder versienummer de nieuwste versie die niet vervangen of ingetrokken is. Een leerroute van een andere instelling geeft 404.")
            .ProducesProblems(400, 401, 403, 404);

        routes.MapPost(string.Empty, CreateAsync)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.WriteRoutes))
            .WithName("leerrouteAanmaken")
            .Produces<LeerrouteDetails>(StatusCodes.Status201Created)
            .WithSummary("Nieuwe leerroute (concept)")
            .WithDescription("Maakt een concept aan met partners; de leerroute krijgt de volgende code van haar eerste schooljaar.")
            .ProducesProblems(400, 401, 403, 409);

        routes.MapPut("/{code}", EditAsync)
            .RequireAuthorization(ApiContract.Policy(ApiScopes.WriteRoutes))
            .WithName("leerrouteWijzigen")
            .Produces<LeerrouteDetails>()
            .WithSummary("Leerroute wijzigen")
            .WithDescription("Wijzigt een concept of afgewezen leerroute. Geef de versie mee die je het laatst las; is de leerroute intussen gewijzigd, dan volgt 409 en wordt niets opgeslagen. De partners bevestigen daarna opnieuw.")
            .ProducesProblems(400, 401, 403, 404, 409);

        MapAction<ActieInvoer>(routes, "bevestigen", "Deelname bevestigen", "De koppeling bevestigt dat haar eigen instelling deelneemt (R-ROUTE-8).",
            ApiScopes.WriteRoutes, RouteAction.Confirm, RouteVersionChoice.Latest, i => (i.Versie, RouteActionAnswers.None));
        MapAction<ActieInvoer>(routes, "indienen", "Leerroute indienen", "Dient de leerroute in bij de beheerder (R-ROUTE-7/8).",
            ApiScopes.WriteRoutes, RouteAction.Submit, RouteVersionChoice.Latest, i => (i.Versie, RouteActionAnswers.None));
        MapAction<ActieInvoer>(routes, "intrekken", "Leerroute intrekken", "Trekt een concept of afgewezen leerroute (of nieuwe versie) in.",
            ApiScopes.WriteRoutes, RouteAction.Withdraw, RouteVersionChoice.Latest, i => (i.Versie, RouteActionAnswers.None));
        MapAction<ActieInvoer>(routes, "nieuwe-versie", "Nieuwe versie starten", "Start een nieuwe conceptversie van een geregistreerde leerroute; de geregistreerde versie blijft gelden (R-ROUTE-10).",
            ApiScopes.WriteRoutes, RouteAction.NewVersion, RouteVersionChoice.InForce, i => (i.Versie, RouteActionAnswers.None));
        MapAction<ActieInvoer>(routes, "registreren", "Leerroute registreren", "Alleen het register: registreert een ingediende leerroute (R-ROUTE-9/10).",
            ApiScopes.Registry, RouteAction.Register, RouteVersionChoice.Latest, i => (i.Versie, RouteActionAnswers.None));
        MapAction<AfwijzingInvoer>(routes, "afwijzen", "Leerroute afwijzen", "Alleen het register: wijst een ingediende leerroute af met een reden die de partners zien (R-ROUTE-9).",
            ApiScopes.Registry, RouteAction.Reject, RouteVersionChoice.Latest, i => (i.Versie, new RouteActionAnswers(i.Reden)));
        MapAction<BeeindigingInvoer>(routes, "beeindigen", "Leerroute beëindigen", "Alleen het register: beëindigt een geregistreerde leerroute per een datum, als er daarna geen leerling meer ingeschreven is (R-ROUTE-11).",
            ApiScopes.Registry, RouteAction.End, RouteVersionChoice.InForce, i => (i.Versie, new RouteActionAnswers(i.Reden, i.Einddatum)));
        return api;
    }

    private static async Task<IResult> ListAsync(
        RouteListQuery query, HttpContext context, [FromQuery] string? status = null, [FromQuery] string? type = null,
        [FromQuery] int? eersteSchooljaar = null, [FromQuery] string? sector = null, [FromQuery] string? zoek = null,
        [FromQuery] int pagina = 1, [FromQuery] int paginagrootte = 25)
    {
        var wrong = new List<ApiProblemError>();
        if (!ApiEnumValues.TryParse<RouteStatus>(status, out var statusFilter))
        {
            wrong.Add(new ApiProblemError("api.filter.invalid", "Kies een status uit: " + ApiEnumValues.Choices<RouteStatus>() + ".", Veld: "status"));
        }

        if (!ApiEnumValues.TryParse<RouteType>(type, out var typeFilter))
        {
            wrong.Add(new ApiProblemError("api.filter.invalid", "Kies een type uit: " + ApiEnumValues.Choices<RouteType>() + ".", Veld: "type"));
        }

        if (!ApiEnumValues.TryParse<RouteSector>(sector, out var sectorFilter))
        {
            wrong.Add(new ApiProblemError("api.filter.invalid", "Kies een sector uit: " + ApiEnumValues.Choices<RouteSector>() + ".", Veld: "sector"));
        }

        if (wrong.Count > 0)
        {
            return ApiProblems.BadRequest(context, "Een filter heeft een waarde die niet bestaat.", wrong);
        }

        if (ApiProblems.InvalidPage(context, pagina, paginagrootte) is { } invalidPage)
        {
            return invalidPage;
        }

        var page = await query.ExecuteAsync(
            new PageRequest(pagina - 1, paginagrootte), new RouteFilter(statusFilter, typeFilter, eersteSchooljaar, sectorFilter, zoek), context.RequestAborted);
        return Results.Ok(new ApiPage<LeerrouteSamenvatting>([.. page.Items.Select(LeerrouteSamenvatting.From)], pagina, paginagrootte, page.TotalItems));
    }

    private static async Task<IResult> GetAsync(
        string code, RouteByCodeQuery byCode, RouteDetailsQuery details, HttpContext context, [FromQuery] int? versienummer = null)
    {
        var id = await byCode.ExecuteAsync(code, RouteVersionChoice.Latest, versienummer, context.RequestAborted);
        return id is { } routeId ? await DetailsAsync(details, routeId, context) : ApiProblems.NotFound(context, RouteErrors.NotFound.Message);
    }

    private static async Task<IResult> CreateAsync(LeerrouteInvoer invoer, CreateRoute create, RouteDetailsQuery details, HttpContext context)
    {
        var created = await create.ExecuteAsync(invoer.ToForm(), context.RequestAborted);
        if (created.IsFailure)
        {
            return ApiProblems.FromErrors(context, created.Errors);
        }

        var route = await details.ExecuteAsync(created.Value, context.RequestAborted);
        return route is null
            ? ApiProblems.NotFound(context, RouteErrors.NotFound.Message)
            : Results.Created($"{ApiContract.BasePath}/leerroutes/{Uri.EscapeDataString(route.Code)}", LeerrouteDetails.From(route));
    }

    private static async Task<IResult> EditAsync(
        string code, LeerrouteInvoer invoer, RouteByCodeQuery byCode, EditRoute edit, RouteDetailsQuery details, HttpContext context)
    {
        if (invoer.Versie is null)
        {
            return ApiProblems.BadRequest(context, "Geef de versie mee die je het laatst las.", [new ApiProblemError("api.version.required", "Vul de versie in.", Veld: "versie")]);
        }

        var id = await byCode.ExecuteAsync(code, RouteVersionChoice.Latest, cancellationToken: context.RequestAborted);
        if (id is not { } routeId)
        {
            return ApiProblems.NotFound(context, RouteErrors.NotFound.Message);
        }

        var edited = await edit.ExecuteAsync(routeId, invoer.ToForm(), context.RequestAborted);
        return edited.IsFailure ? ApiProblems.FromErrors(context, edited.Errors) : await DetailsAsync(details, routeId, context);
    }

    private static void MapAction<TInput>(
        RouteGroupBuilder routes, string path, string summary, string description, string scope, RouteAction action,
        RouteVersionChoice choice, Func<TInput, (Guid Version, RouteActionAnswers Answers)> answers)
    {
        routes.MapPost($"/{{code}}/{path}", async (
                string code, TInput invoer, RouteByCodeQuery byCode, PerformRouteAction perform, RouteDetailsQuery details, HttpContext context) =>
            {
                var id = await byCode.ExecuteAsync(code, choice, cancellationToken: context.RequestAborted);
                if (id is not { } routeId)
                {
                    return ApiProblems.NotFound(context, RouteErrors.NotFound.Message);
                }

                var (version, given) = answers(invoer);
                var done = await perform.ExecuteAsync(routeId, version, action, given, context.RequestAborted);
                return done.IsFailure
                    ? ApiProblems.FromErrors(context, done.Errors)
                    : await DetailsAsync(details, done.Value.ContinueOnRoute ?? routeId, context);
            })
            .RequireAuthorization(ApiContract.Policy(scope))
            .WithName("leerroute" + string.Concat(path.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))
            .Produces<LeerrouteDetails>()
            .WithSummary(summary)
            .WithDescription(description + " Geef de versie mee die je het laatst las; anders 409.")
            .ProducesProblems(400, 401, 403, 404, 409);
    }

    private static async Task<IResult> DetailsAsync(RouteDetailsQuery details, Guid routeId, HttpContext context)
    {
        var route = await details.ExecuteAsync(routeId, context.RequestAborted);
        return route is null ? ApiProblems.NotFound(context, RouteErrors.NotFound.Message) : Results.Ok(LeerrouteDetails.From(route));
    }
}
