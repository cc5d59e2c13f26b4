using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.RouteFinder;

/// <summary>
/// A partner of a published route as anyone may see it (R-MON-2): the institution's name, sector and place. Nothing
/// about pupils, people or agreements.
/// </summary>
public sealed record PublicPartner(string Name, Sector Sector, string? Municipality, Province? Province, string? RmcRegion);

/// <summary>
/// A registered route as the public route finder shows it (R-MON-2): what it offers and who offers it, where. Built only
/// from registered route versions and institutions; never from pupils or enrolments.
/// </summary>
public sealed record PublicRoute(
    string Code,
    string Name,
    RouteType Type,
    VmboProfile Profile,
    MboLevel Level,
    string? Crebo,
    string? TrainingDomain,
    SchoolYear FirstSchoolYear,
    IReadOnlyList<PublicPartner> Partners)
{
    public RouteSector Sector => Profile.Sector();

    /// <summary>The provinces its partners lie in, each once, north to south (an unknown place is left out).</summary>
    public IEnumerable<Province> Provinces =>
        Partners.Where(p => p.Province is not null).Select(p => p.Province!.Value).Distinct().Order();
}

/// <summary>The whole public data set at one moment: every route in force, ordered by code.</summary>
public sealed record PublicRouteSet(IReadOnlyList<PublicRoute> Routes, DateTime LoadedAtUtc)
{
    /// <summary>The RMC-regio's that occur among the partners, for the filter's choices.</summary>
    public IReadOnlyList<string> RmcRegions { get; } = Routes
        .SelectMany(r => r.Partners).Select(p => p.RmcRegion).OfType<string>()
        .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))
        .ToList();
}
