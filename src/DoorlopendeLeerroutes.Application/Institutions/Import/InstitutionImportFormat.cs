using System.Globalization;
using DoorlopendeLeerroutes.Application.Pupils.Import;

namespace DoorlopendeLeerroutes.Application.Institutions.Import;

/// <summary>The file format <c>instellingen</c> of FORMATS.md §4 (R-MON-1): its columns; the limits are the pupil import's.</summary>
public static class InstitutionImportFormat
{
    public const string Brin = "BRIN";
    public const string Name = "Naam";
    public const string Sector = "Soort";
    public const string BoardNumber = "Bestuursnummer";
    public const string BoardName = "Bestuursnaam";
    public const string Municipality = "Gemeente";
    public const string Province = "Provincie";
    public const string RmcRegion = "RMC-regio";

    public const long MaxBytes = PupilImportFormat.MaxBytes;

    public const int MaxRows = PupilImportFormat.MaxRows;

    /// <summary>Every column, in the order of FORMATS.md §4 (errors are listed in this order too).</summary>
    public static readonly IReadOnlyList<string> Columns = [Brin, Name, Sector, BoardNumber, BoardName, Municipality, Province, RmcRegion];

    public static readonly IReadOnlyList<string> RequiredColumns = [Brin, Name, Sector, BoardNumber, Municipality, Province];

    /// <summary>The columns as the page names them: <c>BRIN, Naam, Soort (vo of mbo), …</c>.</summary>
    public static string ColumnsInWords { get; } = string.Join(", ", Columns.SkipLast(1).Select(Explained)) + " en " + Columns[^1];

    private static string Explained(string column) => column switch
    {
        Sector => Sector + " (vo of mbo)",
        BoardNumber => BoardNumber + " (5 cijfers)",
        _ => column,
    };
}

/// <summary>The messages of the <c>instellingen</c> file that the pupil import does not have.</summary>
public static class InstitutionImportErrors
{
    public static readonly DomainError Empty = new(
        "institutions.file.empty",
        "Het bestand is leeg. De eerste regel is de kopregel: " + string.Join(';', InstitutionImportFormat.Columns) + ".");

    public static readonly DomainError NoRows = new("institutions.file.no_rows", "Het bestand heeft alleen een kopregel en geen instellingen.");

    public static readonly DomainError FileRequired = new("institutions.file.required", "Kies een CSV-bestand met instellingen.");

    public static readonly DomainError UnknownColumn = new(
        "institutions.header.unknown_column",
        "Onbekende kolom. Controleer de spelling; de kolommen zijn " + string.Join(", ", InstitutionImportFormat.Columns) + ".");

    public static DomainError BrinInvalid(string value) => new(
        "institutions.row.brin_invalid",
        $"'{PupilImportErrors.Echo(value)}' is geen BRIN-code. " + DomainErrors.Institution.BrinInvalid.Message);

    public static readonly DomainError BrinRequired = new("institutions.row.brin_required", "Vul de BRIN-code in, bijvoorbeeld 05KO.");

    public static DomainError SectorInvalid(string value) => new(
        "institutions.row.sector_invalid", $"'{PupilImportErrors.Echo(value)}' is geen soort. Vul vo of mbo in.");

    public static readonly DomainError SectorRequired = new("institutions.row.sector_required", "Vul de soort in: vo of mbo.");

    public static DomainError ProvinceInvalid(string value) => new(
        "institutions.row.province_invalid",
        $"'{PupilImportErrors.Echo(value)}' is geen provincie. " + DomainErrors.Institution.ProvinceInvalid.Message);

    public static DomainError DuplicateBrin(int firstLine) => new(
        "institutions.row.duplicate_brin",
        string.Create(CultureInfo.InvariantCulture, $"Deze BRIN-code staat ook op regel {firstLine}. Elke instelling mag maar één keer in het bestand staan."));

    public static readonly DomainError BoardNameUnknown = new(
        "institutions.row.board_name_required",
        "Vul de bestuursnaam in: dit bevoegd gezag is nog niet bekend, en een nieuwe instelling heeft er een naam van nodig.");

    /// <summary>
    /// Decision (docs/decisions.md): an institution that is a partner in a route keeps its soort, since every rule of its
    /// routes (one vo and one mbo side, R-ROUTE-*) and of its pupils' funding (R-COUNT-4) depends on it.
    /// </summary>
    public static readonly DomainError SectorOfPartner = new(
        "institutions.row.sector_of_partner",
        "De soort van deze instelling kan niet veranderen: ze is partner in een of meer leerroutes, en die leerroutes en de bekostiging van hun leerlingen hangen ervan af. Laat de soort in het bestand staan zoals die nu is.");

    public static readonly DomainError ChangedMeanwhile = new(
        "institutions.concurrency",
        "Iemand anders heeft intussen instellingen gewijzigd; er is niets opgeslagen. Kies het bestand opnieuw om het opnieuw te controleren.");
}
