namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>
/// The Dutch names of domain values that pages, exports and the monitor all show, in one place so a page and its
/// spreadsheet never word the same thing differently (the Web layer's DutchLabels reads them from here).
/// </summary>
public static class DutchNames
{
    /// <summary>What the monitor, the finder and exports show when a value was never given.</summary>
    public const string Unknown = "onbekend";

    public static string Of(RouteType type) => type switch
    {
        RouteType.Continuous => "Doorlopende leerroute",
        RouteType.Integrated => "Geïntegreerde leerroute",
        _ => type.ToString(),
    };

    public static string Of(RouteSector sector) => sector switch
    {
        RouteSector.Economie => "Economie",
        RouteSector.Groen => "Groen",
        RouteSector.Techniek => "Techniek",
        RouteSector.ZorgWelzijn => "Zorg en welzijn",
        RouteSector.OverigBreed => "Overig / breed",
        _ => sector.ToString(),
    };

    /// <summary>R-MON-3: a pupil's leerweg, <see cref="Unknown"/> when none was given.</summary>
    public static string Of(Track? track) => track switch
    {
        Track.BB => "BB (basisberoepsgericht)",
        Track.KB => "KB (kaderberoepsgericht)",
        Track.GL => "GL (gemengd)",
        Track.TL => "TL (theoretisch)",
        _ => Unknown,
    };
}
