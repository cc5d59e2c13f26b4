using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Domain.Routes;

/// <summary>
/// R-RIO-1: what one partner registers in RIO for one registered route version: its own offer with the characteristic of the
/// route type, each other partner as samenwerkende onderwijsaanbieder, the start date and, for the mbo side, the crebo (or
/// the opleidingsdomein while no crebo is fixed) and the niveau; with the partner's confirmation, if given.
/// </summary>
public sealed record RioChecklist(
    Guid RouteId,
    string RouteCode,
    int RouteVersion,
    string RouteName,
    RioInstitution Own,
    string Characteristic,
    IReadOnlyList<RioInstitution> CooperatingProviders,
    DateOnly StartDate,
    string? Crebo,
    string? TrainingDomain,
    MboLevel? Level,
    RioReport? Report)
{
    /// <summary>The RIO characteristic of a doorlopende leerroute.</summary>
    public const string ContinuousCharacteristic = "doorlopende leerroute vmbo-mbo";

    /// <summary>The RIO characteristic of a geïntegreerde leerroute.</summary>
    public const string IntegratedCharacteristic = "geïntegreerde leerroute vmbo-mbo";

    public bool IsMboSide => Own.Sector == Sector.Mbo;

    public static string CharacteristicOf(RouteType type) => type switch
    {
        RouteType.Continuous => ContinuousCharacteristic,
        RouteType.Integrated => IntegratedCharacteristic,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Onbekend routetype."),
    };

    /// <summary>
    /// The checklist of <paramref name="institutionId"/> on <paramref name="route"/>; <paramref name="institutions"/> holds (at least)
    /// the route's partners. Null when the institution is no partner or the version is not registered: there is nothing to report.
    /// </summary>
    public static RioChecklist? For(Route route, Guid institutionId, IReadOnlyCollection<Institution> institutions)
    {
        var partner = route.Partners.FirstOrDefault(p => p.InstitutionId == institutionId);
        if (partner is null || route.Status != RouteStatus.Registered)
        {
            return null;
        }

        RioInstitution Describe(Guid id) =>
            institutions.FirstOrDefault(i => i.Id == id) is { } institution
                ? new RioInstitution(institution.Id, institution.Name, institution.Brin.Value, institution.Sector)
                : throw new DomainException("The checklist needs every partner institution of the route.");

        var definition = route.Definition;
        var mbo = partner.Sector == Sector.Mbo;
        return new RioChecklist(
            route.Id,
            route.Code,
            route.VersionNumber,
            definition.Name,
            Describe(institutionId),
            CharacteristicOf(definition.Type),
            route.Partners.Where(p => p.InstitutionId != institutionId)
                .Select(p => Describe(p.InstitutionId))
                .OrderBy(i => i.Sector).ThenBy(i => i.Name, StringComparer.CurrentCulture)
                .ToList(),
            definition.FirstSchoolYear.FirstDay,
            mbo ? definition.Crebo?.Value : null,
            mbo ? definition.TrainingDomain : null,
            mbo ? definition.Level : null,
            partner.RioReportedOn is { } on ? new RioReport(on, partner.RioConfirmedAt!.Value, partner.RioConfirmedBy!.Value) : null);
    }
}

/// <summary>An institution as RIO names it: name and BRIN.</summary>
public sealed record RioInstitution(Guid Id, string Name, string Brin, Sector Sector);

/// <summary>A partner's confirmation "gemeld in RIO op <see cref="ReportedOn"/>", given at <see cref="ConfirmedAt"/> by a user.</summary>
public sealed record RioReport(DateOnly ReportedOn, DateTime ConfirmedAt, Guid ConfirmedBy);
