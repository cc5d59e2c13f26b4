using System.Text.Json;
using System.Text.Json.Serialization;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Application.Routes;

namespace DoorlopendeLeerroutes.Web.Api;

/// <summary>
/// An error answer of the API (RFC 9457, <c>application/problem+json</c>), in Dutch. <see cref="Errors"/> lists, for a
/// refused form or file, every reason: with <see cref="ApiProblemError.Regel"/>/<see cref="ApiProblemError.Kolom"/> for
/// a row of a CSV file, with <see cref="ApiProblemError.Veld"/> for a field of a form.
/// </summary>
public sealed record ApiProblemDetails(
    string Type,
    string Title,
    int Status,
    string? Detail = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ApiProblemError>? Errors = null);

/// <summary>Enum values as the API writes them (kebab-case of the name, e.g. <c>phase-change</c>), read back from a query.</summary>
public static class ApiEnumValues
{
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>True with null for an empty value; false for a value that is none of <typeparamref name="T"/>'s.</summary>
    public static bool TryParse<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    public static string Choices<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Name));
}

/// <summary>One reason a form or file was refused.</summary>
public sealed record ApiProblemError(
    string Code,
    string Melding,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Regel = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kolom = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Veld = null);

/// <summary>
/// Problem details (RFC 9457, <c>application/problem+json</c>) with a Dutch title and detail: the one way the API answers
/// a refusal, whether it comes from authentication, the rate limit, an idempotency key or an endpoint.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    // ---- Endpoint problems (issue 14, endpoints part). The authentication part keeps its members below, separately. ----

    /// <summary>404 for what does not exist and for what belongs to another institution alike (R-ACCESS-1/2).</summary>
    public static IResult NotFound(HttpContext context, string detail = "Dit bestaat niet, of je koppeling heeft er geen toegang toe.") =>
        Problem(context, StatusCodes.Status404NotFound, "Niet gevonden", detail);

    public static IResult BadRequest(HttpContext context, string detail, IReadOnlyList<ApiProblemError>? errors = null) =>
        Problem(context, StatusCodes.Status400BadRequest, "Ongeldig verzoek", detail, errors);

    public static IResult Problem(
        HttpContext context, int status, string title, string? detail, IReadOnlyList<ApiProblemError>? errors = null) =>
        Results.Json(
            new ApiProblemDetails("about:blank", title, status, detail, context.Request.Path.Value, errors is { Count: > 0 } ? errors : null),
            statusCode: status,
            contentType: ContentType);

    /// <summary>
    /// A use case's refusal as a problem: "not found" (also another institution's) 404, read-only 403, a stale version 409,
    /// every other rule 400 with the errors per field.
    /// </summary>
    public static IResult FromErrors(HttpContext context, IReadOnlyList<DomainError> errors)
    {
        if (errors.Any(e => NotFoundCodes.Contains(e.Code)))
        {
            return NotFound(context, errors.First(e => NotFoundCodes.Contains(e.Code)).Message);
        }

        if (errors.Any(e => e.Code == DomainErrors.Access.ReadOnly.Code))
        {
            return Problem(context, StatusCodes.Status403Forbidden, "Geen toestemming", DomainErrors.Access.ReadOnly.Message);
        }

        if (errors.Any(e => e.Code is "concurrency.conflict" or "route.code.taken"))
        {
            return Problem(context, StatusCodes.Status409Conflict, "Intussen gewijzigd", errors[0].Message, Listed(errors));
        }

        return BadRequest(context, errors.Count == 1 ? errors[0].Message : "Het verzoek is niet uitgevoerd; zie de lijst met fouten.", Listed(errors));
    }

    /// <summary>400 for a page number below 1 or a page size outside 1…<see cref="PageRequest.MaxPageSize"/>; null when both fit.</summary>
    public static IResult? InvalidPage(HttpContext context, int pagina, int paginagrootte) =>
        pagina < 1 || paginagrootte is < 1 or > PageRequest.MaxPageSize
            ? BadRequest(context, $"Kies een pagina vanaf 1 en een paginagrootte van 1 tot en met {PageRequest.MaxPageSize}.")
            : null;

    /// <summary>An import refusal: every error with its line and column, as the page shows them.</summary>
    public static IResult FromImportErrors(HttpContext context, IReadOnlyList<PupilImportError> errors)
    {
        if (errors.Any(e => e.Code == RouteErrors.NotFound.Code))
        {
            return NotFound(context, RouteErrors.NotFound.Message);
        }

        var listed = errors.Select(e => new ApiProblemError(e.Code, e.Message, e.Line, e.Column)).ToList();
        var detail = errors.Count == 1 ? errors[0].Text : $"Het bestand is niet geïmporteerd: {errors.Count} fouten. Er is niets opgeslagen.";
        return Problem(context, StatusCodes.Status400BadRequest, "Bestand geweigerd", detail, listed);
    }

    private static readonly HashSet<string> NotFoundCodes =
    [
        RouteErrors.NotFound.Code, PupilErrors.EnrolmentNotFound.Code, FundingPhaseLookup.NotFound.Code,
    ];

    private static List<ApiProblemError> Listed(IEnumerable<DomainError> errors) =>
        errors.Select(e => new ApiProblemError(e.Code, e.Message, Veld: e.Field is { } field ? JsonNamingPolicy.CamelCase.ConvertName(field) : null))
            .ToList();

    /// <summary>Documents the problems an endpoint can answer, in the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ApiProblemDetails>(status, ContentType);
        }

        return builder;
    }

    // ---- Authentication part (i14-auth): problems written outside an endpoint (middleware, authorization). ----

    /// <summary>A problem response; <paramref name="extensions"/> adds members such as a list of errors.</summary>
    public static IResult Problem(int status, string detail, string? title = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title ?? Title(status), extensions: extensions);

    /// <summary>Writes a problem response outside an endpoint (middleware, authorization).</summary>
    public static Task WriteAsync(HttpContext context, int status, string detail, string? title = null, IDictionary<string, object?>? extensions = null) =>
        Problem(status, detail, title, extensions).ExecuteAsync(context);

    /// <summary>The Dutch title of a status code.</summary>
    public static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Ongeldig verzoek",
        StatusCodes.Status401Unauthorized => "Niet aangemeld",
        StatusCodes.Status403Forbidden => "Geen toegang",
        StatusCodes.Status404NotFound => "Niet gevonden",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status415UnsupportedMediaType => "Niet-ondersteund formaat",
        StatusCodes.Status422UnprocessableEntity => "Niet te verwerken",
        StatusCodes.Status429TooManyRequests => "Te veel verzoeken",
        _ => status >= 500 ? "Er ging iets mis" : "Verzoek niet uitgevoerd",
    };
}
