using System.Globalization;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Monitoring;

/// <summary>
/// One table of the monitor as it is shown and exported: the page renders exactly these cells, and the xlsx export writes
/// each table to its own sheet, so the two never differ. The first column names the row; <see cref="ChartColumn"/> is the
/// column a chart of this table draws (null: no chart, the table reads faster).
/// </summary>
public sealed record MonitorTable(
    string Id, string Title, string SheetName, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, string[]? Total,
    int? ChartColumn, string? Note);

/// <summary>
/// The Dutch tables of the monitor (R-MON-3), laid out as the national monitor reports'. Column names are unique per table:
/// a sheet's header row names its columns.
/// </summary>
public static class MonitorTables
{
    public const string Unknown = DutchNames.Unknown;

    public const string RoundingNote =
        "Aandelen in hele procenten, afgerond (een half naar boven); opgeteld kunnen ze daardoor net boven of onder 100 uitkomen.";

    /// <summary>The file name: the school year only, never anything about a pupil.</summary>
    public static string FileName(SchoolYear year) => $"monitor-{year}.xlsx";

    public static IReadOnlyList<MonitorTable> Build(MonitorReport report)
    {
        var pupils = report.Pupils;
        return
        [
            new MonitorTable(
                "routes", "Leerroutes per type", "Leerroutes",
                ["Routetype", "Geregistreerd op teldatum", "Aandeel geregistreerd (%)", "Met leerlingen", "Aandeel met leerlingen (%)", "Vo-scholen met leerlingen"],
                [.. report.Routes.Select(r => new[]
                {
                    DutchNames.Of(r.Type), Number(r.Registered), Number(r.RegisteredPercent), Number(r.WithPupils), Number(r.WithPupilsPercent),
                    Number(r.VoSchoolsWithPupils),
                })],
                ["Totaal", Number(report.RoutesRegistered), Number(MonitorCalculation.Percent(report.RoutesRegistered, report.RoutesRegistered)),
                    Number(report.RoutesWithPupils), Number(MonitorCalculation.Percent(report.RoutesWithPupils, report.RoutesWithPupils)),
                    Number(report.VoSchoolsWithPupils)],
                1,
                "Geregistreerd: een versie was vóór het einde van de teldatum geregistreerd en de leerroute was niet eerder beëindigd. "
                + "Een vo-school met leerlingen in beide routetypen telt in beide rijen en één keer in het totaal. " + RoundingNote),
            Counts("pupils-type", "Leerlingen per routetype", "Routetype", "Routetype", report.PupilsPerType, DutchNames.Of, pupils),
            Counts("pupils-sector", "Leerlingen per sector", "Sector", "Sector", report.PupilsPerSector, DutchNames.Of, pupils,
                "Sector van het vmbo-profiel van de leerroute: Techniek ← BWI, PIE, M&T, MaT, MVI; D&P en HBR → Overig / breed. "),
            Counts("pupils-track", "Leerlingen per leerweg", "Leerweg", "Leerweg", report.PupilsPerTrack, DutchNames.Of, pupils,
                "Onbekend: bij de leerling is geen leerweg vastgelegd. "),
            Counts("pupils-level", "Leerlingen per mbo-niveau", "Niveau", "Mbo-niveau", report.PupilsPerLevel, LevelName, pupils),
            new MonitorTable(
                "pupils-school", "Leerlingen per vo-school", "Vo-scholen",
                ["BRIN", "Vo-school", "Gemeente", "RMC-regio", "Provincie", "Leerlingen", "Aandeel (%)"],
                [.. report.PupilsPerSchool.Select(r => new[]
                {
                    r.School.Brin, r.School.Name, r.School.Municipality ?? Unknown, r.School.RmcRegion ?? Unknown,
                    ProvinceName(r.School.Province), Number(r.Pupils), Number(r.Percent),
                })],
                ["Totaal", string.Empty, string.Empty, string.Empty, string.Empty, Number(pupils), Number(MonitorCalculation.Percent(pupils, pupils))],
                null,
                "De vo-school waar de leerling voor de leerroute staat ingeschreven. " + RoundingNote),
            new MonitorTable(
                "pupils-province", "Leerlingen per provincie", "Provincie",
                ["Provincie", "Vo-scholen met leerlingen", "Leerlingen", "Aandeel (%)"],
                [.. report.PupilsPerProvince.Select(r => new[] { ProvinceName(r.Province), Number(r.VoSchools), Number(r.Pupils), Number(r.Percent) })],
                ["Totaal", Number(report.VoSchoolsWithPupils), Number(pupils), Number(MonitorCalculation.Percent(pupils, pupils))],
                2,
                "De provincie van de vo-school. " + RoundingNote),
        ];
    }

    /// <summary>The sheet before the tables: what the figures are, for whoever opens the file later.</summary>
    public static MonitorTable About(MonitorReport report) => new(
        "about", "Toelichting", "Toelichting", ["Onderdeel", "Waarde"],
        [
            ["Schooljaar", report.SchoolYear.ToString()],
            ["Teldatum", report.CountDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)],
            ["Stand", report.IsPreview ? "voorlopig (de teldatum is nog niet voorbij)" : "definitief"],
            ["Leerlingen geteld", Number(report.Pupils)],
            ["Niet geteld: ingeschreven zonder fase op de teldatum", Number(report.PupilsWithoutPhase)],
            ["Afronding", RoundingNote],
        ],
        null, null, null);

    private static MonitorTable Counts<TKey>(
        string id, string title, string sheet, string keyHeader, IReadOnlyList<MonitorCount<TKey>> counts, Func<TKey, string> name,
        int total, string? note = null) =>
        new(
            id, title, sheet, [keyHeader, "Leerlingen", "Aandeel (%)"],
            [.. counts.Select(c => new[] { name(c.Key), Number(c.Count), Number(c.Percent) })],
            ["Totaal", Number(total), Number(MonitorCalculation.Percent(total, total))],
            1,
            note + RoundingNote);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string LevelName(MboLevel level) => "niveau " + (int)level;

    public static string ProvinceName(Province? province) => province is { } p ? Provinces.Name(p) : Unknown;
}
