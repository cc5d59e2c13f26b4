namespace DoorlopendeLeerroutes.Web.Api;

/// <summary>
/// Problem details (RFC 9457, <c>application/problem+json</c>) with a Dutch title and detail: the one way the API answers
/// a refusal, whether it comes from authentication, the rate limit, an idempotency key or an endpoint.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

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
