namespace DoorlopendeLeerroutes.Web.Api;

/// <summary>
/// The scopes an API client ("koppeling") can be given (issue 14). A client acts for one institution, as a coordinator of
/// it would (R-ACCESS-2), or for the registry; the scopes narrow what it may call.
/// </summary>
public static class ApiScopes
{
    public const string ReadRoutes = "leerroutes.lezen";
    public const string WriteRoutes = "leerroutes.schrijven";
    public const string ReadPupils = "leerlingen.lezen";
    public const string WritePupils = "leerlingen.schrijven";
    public const string ReadCount = "telling.lezen";

    /// <summary>Registry clients only: register, reject and end routes.</summary>
    public const string Registry = "register";

    public static IReadOnlyList<string> ForInstitutions { get; } = [ReadRoutes, WriteRoutes, ReadPupils, WritePupils, ReadCount];

    public static IReadOnlyList<string> ForRegistry { get; } = [ReadRoutes, ReadPupils, ReadCount, Registry];
}

/// <summary>Where the API lives and how its endpoints name their authorization.</summary>
public static class ApiContract
{
    public const string Version = "1.0.0";

    /// <summary>The base path of version 1; every endpoint of the API is below it.</summary>
    public const string BasePath = "/api/v1";

    /// <summary>The OAuth 2.0 token endpoint (client credentials) of the app's own authorization server.</summary>
    public const string TokenPath = "/oauth/token";

    public const string OpenApiPath = BasePath + "/openapi.json";

    /// <summary>The authorization policy an endpoint requires for <paramref name="scope"/> (a bearer token with that scope).</summary>
    public static string Policy(string scope) => "api:" + scope;
}
