namespace DoorlopendeLeerroutes.Application.Pupils.Import;

/// <summary>The file format <c>leerlingen</c> of docs/formats.md §1: its columns and limits.</summary>
public static class PupilImportFormat
{
    public const string Number = "Leerlingnummer";
    public const string LastName = "Achternaam";
    public const string Prefix = "Tussenvoegsel";
    public const string FirstName = "Voornaam";
    public const string BirthDate = "Geboortedatum";
    public const string StartDate = "Startdatum";
    public const string Phase = "Fase";
    public const string PhaseFrom = "Fase vanaf";

    /// <summary>Optional (R-MON-3): the pupil's leerweg, one of the route's.</summary>
    public const string Track = "Leerweg";

    /// <summary>docs/formats.md: at most 10 MB per file.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>docs/formats.md: at most 50,000 rows (pupils) per file.</summary>
    public const int MaxRows = 50_000;

    /// <summary>Every column, in the order of docs/formats.md (errors are listed in this order too).</summary>
    public static readonly IReadOnlyList<string> Columns = [Number, LastName, Prefix, FirstName, BirthDate, StartDate, Phase, PhaseFrom, Track];

    public static readonly IReadOnlyList<string> RequiredColumns = [Number, LastName, FirstName, BirthDate, StartDate, Phase];

    /// <summary>
    /// The columns as the import panel names them, in order: <c>Leerlingnummer, …, Fase vanaf en Leerweg (BB, KB, GL of TL)</c>.
    /// </summary>
    public static string ColumnsInWords { get; } =
        string.Join(", ", Columns.SkipLast(1).Select(Explained)) + " en " + Explained(Columns[^1]);

    /// <summary>The size limit as a person reads it: <c>10 MB</c>.</summary>
    public static string MaxSizeInWords { get; } = DutchFormat.Megabytes(MaxBytes);

    /// <summary>The row limit as a person reads it: <c>50.000</c>.</summary>
    public static string MaxRowsInWords { get; } = DutchFormat.Number(MaxRows);

    private static string Explained(string column) => column switch
    {
        Phase => Phase + " (vo of mbo)",
        Track => Track + " (BB, KB, GL of TL)",
        _ => column,
    };
}
