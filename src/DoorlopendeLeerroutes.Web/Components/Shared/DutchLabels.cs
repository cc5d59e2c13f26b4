using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Web.Components.Shared;

/// <summary>The words the screens use for the domain's codes, in the plain Dutch of a school administrator.</summary>
public static class DutchLabels
{
    public static string Label(this RouteStatus status) => status switch
    {
        RouteStatus.Draft => "Concept",
        RouteStatus.Submitted => "Ingediend",
        RouteStatus.Registered => "Geregistreerd",
        RouteStatus.Rejected => "Afgewezen",
        RouteStatus.Ended => "Beëindigd",
        RouteStatus.Superseded => "Vervangen",
        RouteStatus.Withdrawn => "Ingetrokken",
        _ => status.ToString(),
    };

    public static MudBlazor.Color Colour(this RouteStatus status) => status switch
    {
        RouteStatus.Registered => MudBlazor.Color.Success,
        RouteStatus.Submitted => MudBlazor.Color.Info,
        RouteStatus.Rejected => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string Label(this RouteType type) => type switch
    {
        RouteType.Continuous => "Doorlopende leerroute",
        RouteType.Integrated => "Geïntegreerde leerroute",
        _ => type.ToString(),
    };

    public static string Label(this MboLevel level) => level switch
    {
        MboLevel.Entree => "Entree (niveau 1)",
        _ => "niveau " + (int)level,
    };

    public static string Label(this Sector sector) => sector switch
    {
        Sector.Vo => "vo (vmbo)",
        Sector.Mbo => "mbo",
        _ => sector.ToString(),
    };
}
