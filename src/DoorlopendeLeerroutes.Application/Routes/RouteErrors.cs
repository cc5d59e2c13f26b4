namespace DoorlopendeLeerroutes.Application.Routes;

/// <summary>Errors of the route use cases that are not rules of the domain.</summary>
public static class RouteErrors
{
    /// <summary>Also for a route the user may not see (R-ACCESS-1): the answer never reveals that it exists.</summary>
    public static readonly DomainError NotFound = new("route.not_found", "Deze leerroute bestaat niet, of je hebt er geen toegang toe.");

    /// <summary>Two new routes got the same code at the same moment; creating one tries again with the next number.</summary>
    public static readonly DomainError CodeTaken = new("route.code.taken", "Deze routecode is intussen aan een andere leerroute gegeven. Probeer het opnieuw.");

    public static readonly DomainError EndDateRequired = new("route.end.date_required", "Vul de datum in vanaf wanneer de leerroute stopt.");

    public static readonly DomainError PartnerUnknown = new("route.partner.unknown", "Een gekozen partner bestaat niet (meer).");
}
