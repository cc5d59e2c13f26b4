using System.Globalization;
using DoorlopendeLeerroutes.Application.Pupils.Import;

namespace DoorlopendeLeerroutes.Application.Pupils.Reconciliation;

/// <summary>The file format <c>fasen</c> of FORMATS.md §3: a partner's own phases; the limits are the import's.</summary>
public static class PhaseFileFormat
{
    public const string Number = "Leerlingnummer";
    public const string Phase = "Leerroutefase";
    public const string ValidFrom = "Ingangsdatum";
    public const string Brin = "BRIN";

    public static readonly IReadOnlyList<string> Columns = [Number, Phase, ValidFrom, Brin];

    public static readonly IReadOnlyList<string> RequiredColumns = [Number, Phase, ValidFrom];

    public const long MaxBytes = PupilImportFormat.MaxBytes;

    public const int MaxRows = PupilImportFormat.MaxRows;
}

/// <summary>The messages of the <c>fasen</c> file that the pupil import does not have.</summary>
public static class PhaseFileErrors
{
    public static readonly DomainError Empty = new(
        "phases.file.empty", "Het bestand is leeg. De eerste regel is de kopregel: " + string.Join(';', PhaseFileFormat.Columns) + ".");

    public static readonly DomainError NoRows = new("phases.file.no_rows", "Het bestand heeft alleen een kopregel en geen leerlingen.");

    public static readonly DomainError FileRequired = new("phases.file.required", "Kies een CSV-bestand met fasen.");

    public static readonly DomainError UnknownColumn = new(
        "phases.header.unknown_column",
        "Onbekende kolom. Controleer de spelling; de kolommen zijn " + string.Join(", ", PhaseFileFormat.Columns) + ".");

    public static readonly DomainError PhaseRequired = new("phases.row.phase_required", "Vul de leerroutefase in: VO of MBO.");

    public static DomainError PhaseInvalid(string value) => new(
        "phases.row.phase_invalid", $"'{PupilImportErrors.Echo(value)}' is geen leerroutefase. Vul VO of MBO in.");

    public static DomainError BrinNotPartner(string value) => new(
        "phases.row.brin_not_partner",
        $"'{PupilImportErrors.Echo(value)}' is geen BRIN van een partner in deze leerroute.");

    public static DomainError Duplicate(int firstLine) => new(
        "phases.row.duplicate",
        string.Create(CultureInfo.InvariantCulture, $"Deze leerling staat met dezelfde ingangsdatum ook op regel {firstLine}."));
}
