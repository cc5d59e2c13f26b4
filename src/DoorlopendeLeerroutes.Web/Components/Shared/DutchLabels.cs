using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Web.Components.Shared;

/// <summary>The words the screens use for the domain's codes, in the plain Dutch of a school administrator.</summary>
public static class DutchLabels
{
    /// <summary>A date as Dutch schools write it: <c>01-10-2026</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A stored UTC moment in Dutch time: <c>01-10-2026 23:59</c> (with seconds for the audit log).</summary>
    public static string Moment(DateTime utc, bool withSeconds = false) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, DoorlopendeLeerroutes.Domain.Common.DutchTime.Zone)
            .ToString(withSeconds ? "dd-MM-yyyy HH:mm:ss" : "dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The phases a person can choose, in the order every phase select shows them (vo-fase first).</summary>
    public static IReadOnlyList<DoorlopendeLeerroutes.Domain.Pupils.Phase> Phases { get; } =
        [DoorlopendeLeerroutes.Domain.Pupils.Phase.Vo, DoorlopendeLeerroutes.Domain.Pupils.Phase.Mbo];

    /// <summary>A page count in Dutch: <c>1 pagina</c>, <c>3 pagina's</c>.</summary>
    public static string Pages(int count) => DoorlopendeLeerroutes.Domain.Common.DutchFormat.Count(count, "pagina", "pagina's");

    /// <summary>A date written out: <c>1 oktober 2026</c>.</summary>
    public static string LongDate(DateOnly date) => DoorlopendeLeerroutes.Domain.Common.DutchFormat.LongDate(date);

    /// <summary>A whole number with a dot between thousands: <c>50.000</c>.</summary>
    public static string Number(long value) => DoorlopendeLeerroutes.Domain.Common.DutchFormat.Number(value);

    public static string PhaseText(DoorlopendeLeerroutes.Domain.Pupils.Phase? phase) => phase switch
    {
        DoorlopendeLeerroutes.Domain.Pupils.Phase.Vo => "vo-fase",
        DoorlopendeLeerroutes.Domain.Pupils.Phase.Mbo => "mbo-fase",
        _ => "geen fase",
    };

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

    public static string Label(this RouteType type) => DutchNames.Of(type);

    public static string Label(this MboLevel level) => level switch
    {
        MboLevel.Entree => "Entree (niveau 1)",
        _ => "niveau " + (int)level,
    };

    public static string Label(this RouteSector sector) => DutchNames.Of(sector);

    public static string Label(this TeachingLocation location) => location switch
    {
        TeachingLocation.VoSchool => "Op de vo-school",
        TeachingLocation.MboInstitution => "Op de mbo-instelling",
        TeachingLocation.Both => "Op beide",
        _ => location.ToString(),
    };

    public static string Label(this RouteEvent routeEvent) => routeEvent switch
    {
        RouteEvent.Created => "Aangemaakt",
        RouteEvent.Edited => "Gewijzigd",
        RouteEvent.ParticipationConfirmed => "Deelname bevestigd",
        RouteEvent.AgreementAdded => "Overeenkomst toegevoegd",
        RouteEvent.Submitted => "Ingediend",
        RouteEvent.Registered => "Geregistreerd",
        RouteEvent.Rejected => "Afgewezen",
        RouteEvent.Ended => "Beëindigd",
        RouteEvent.NewVersionStarted => "Nieuwe versie gestart",
        RouteEvent.Superseded => "Vervangen door nieuwe versie",
        RouteEvent.Withdrawn => "Ingetrokken",
        RouteEvent.ReportedInRio => "Gemeld in RIO",
        _ => routeEvent.ToString(),
    };

    public static string Label(this DoorlopendeLeerroutes.Domain.Agreements.AgreementKind kind) => kind switch
    {
        DoorlopendeLeerroutes.Domain.Agreements.AgreementKind.CooperationAgreement => "Samenwerkingsovereenkomst",
        DoorlopendeLeerroutes.Domain.Agreements.AgreementKind.InternalArrangement => "Interne regeling",
        _ => kind.ToString(),
    };

    public static string Label(this Sector sector) => sector switch
    {
        Sector.Vo => "vo (vmbo)",
        Sector.Mbo => "mbo",
        _ => sector.ToString(),
    };

    /// <summary>R-MON-3: a pupil's leerweg, "onbekend" when none was given.</summary>
    public static string TrackText(Track? track) => DutchNames.Of(track);
}
