namespace DoorlopendeLeerroutes.Domain.Routes;

/// <summary>doorlopende leerroute (DLR) or geïntegreerde leerroute (GLR).</summary>
public enum RouteType
{
    /// <summary>Doorlopende leerroute: a vmbo diploma and an mbo diploma (niveau 2, 3 or 4).</summary>
    Continuous = 1,

    /// <summary>Geïntegreerde leerroute: vmbo-BB straight to mbo niveau 2; the vmbo exam may be dropped (R-ROUTE-3).</summary>
    Integrated = 2,
}

/// <summary>Leerweg of the vmbo.</summary>
public enum Track
{
    /// <summary>Basisberoepsgerichte leerweg.</summary>
    BB = 1,

    /// <summary>Kaderberoepsgerichte leerweg.</summary>
    KB = 2,

    /// <summary>Gemengde leerweg.</summary>
    GL = 3,

    /// <summary>Theoretische leerweg.</summary>
    TL = 4,
}

/// <summary>mbo niveau. Entree is listed so that input naming it can be refused with a clear message (R-ROUTE-2).</summary>
public enum MboLevel
{
    Entree = 1,
    Level2 = 2,
    Level3 = 3,
    Level4 = 4,
}

/// <summary>Where the teaching takes place. It does not influence funding (R-COUNT-4).</summary>
public enum TeachingLocation
{
    VoSchool = 1,
    MboInstitution = 2,
    Both = 3,
}

/// <summary>Life cycle of a route version (docs/domain.md §4.3).</summary>
public enum RouteStatus
{
    Draft = 1,
    Submitted = 2,
    Registered = 3,
    Rejected = 4,
    Ended = 5,

    /// <summary>A registered version replaced by a newer registered version (R-ROUTE-10).</summary>
    Superseded = 6,

    /// <summary>A draft or rejected version the partners decided not to submit.</summary>
    Withdrawn = 7,
}
