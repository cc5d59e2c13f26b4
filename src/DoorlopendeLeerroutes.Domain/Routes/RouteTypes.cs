namespace DoorlopendeLeerroutes.Domain.Routes;

public static class RouteTypes
{
    // R-ROUTE-13: the experimental routes of 2014–2022 are history, not a type that can be registered now.
    private static readonly string[] ExperimentalNames = ["vakmanschaproute", "technologieroute", "beroepsroute"];

    /// <summary>The word used in exports and imports: <c>doorlopend</c> or <c>geïntegreerd</c>.</summary>
    public static string ExportName(this RouteType type) => type switch
    {
        RouteType.Continuous => "doorlopend",
        RouteType.Integrated => "geïntegreerd",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Onbekend routetype."),
    };

    /// <summary>Reads a route type as people write it (DLR, doorlopende leerroute, GLR, geintegreerd …).</summary>
    public static Result<RouteType> Parse(string? input)
    {
        var s = (input ?? string.Empty).Trim().ToLowerInvariant().Replace('ï', 'i');
        if (ExperimentalNames.Any(n => s.Contains(n, StringComparison.Ordinal)))
        {
            return Result<RouteType>.Failure(DomainErrors.Route.ExperimentalTypeNotRegistrable);
        }

        return s switch
        {
            "dlr" or "doorlopend" or "doorlopende leerroute" => Result<RouteType>.Success(RouteType.Continuous),
            "glr" or "geintegreerd" or "geintegreerde leerroute" => Result<RouteType>.Success(RouteType.Integrated),
            _ => Result<RouteType>.Failure(DomainErrors.Route.TypeInvalid),
        };
    }
}
