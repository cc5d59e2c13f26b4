using System.Globalization;

namespace DoorlopendeLeerroutes.Application.Pupils.Import;

/// <summary>The import's own messages (docs/formats.md common rules and §1); the rules of the domain bring their own.</summary>
public static class PupilImportErrors
{
    private static CultureInfo Dutch => DutchFormat.Culture;

    private static readonly string SaveAsCsvUtf8 =
        "Sla het bestand in Excel op via Opslaan als → \"CSV UTF-8\" en kies het opnieuw.";

    public static readonly DomainError FileTooLarge = new(
        "import.file.too_large",
        string.Create(Dutch, $"Het bestand is groter dan {DutchFormat.Megabytes(PupilImportFormat.MaxBytes)}. Splits het in kleinere bestanden (hoogstens {PupilImportFormat.MaxRows:N0} leerlingen per bestand)."));

    public static readonly DomainError TooManyRows = new(
        "import.file.too_many_rows",
        string.Create(Dutch, $"Het bestand heeft meer dan {PupilImportFormat.MaxRows:N0} regels met leerlingen. Splits het in bestanden van hoogstens {PupilImportFormat.MaxRows:N0} regels."));

    public static readonly DomainError Empty = new(
        "import.file.empty",
        "Het bestand is leeg. De eerste regel is de kopregel: " + string.Join(';', PupilImportFormat.Columns) + ".");

    public static readonly DomainError NoRows = new(
        "import.file.no_rows", "Het bestand heeft alleen een kopregel en geen leerlingen.");

    public static readonly DomainError FileRequired = new("import.file.required", "Kies een CSV-bestand met leerlingen.");

    public static DomainError NotUtf8(int line) => new(
        "import.file.not_utf8",
        string.Create(Dutch, $"Het bestand is geen UTF-8-tekst (een onleesbaar teken op regel {line}), daardoor zouden letters als ë en é verkeerd overkomen. ") + SaveAsCsvUtf8);

    public static DomainError WrongSeparator(char separator) => new(
        "import.header.separator",
        $"Verkeerd scheidingsteken: de kolommen zijn gescheiden door {SeparatorName(separator)} in plaats van een puntkomma (;). " + SaveAsCsvUtf8);

    public static readonly DomainError UnknownColumn = new(
        "import.header.unknown_column",
        "Onbekende kolom. Controleer de spelling; de kolommen zijn " + string.Join(", ", PupilImportFormat.Columns) + ".");

    public static readonly DomainError MissingColumn = new(
        "import.header.missing_column", "Deze verplichte kolom ontbreekt in de kopregel.");

    public static readonly DomainError DuplicateColumn = new(
        "import.header.duplicate_column", "Deze kolom staat meer dan één keer in de kopregel.");

    public static readonly DomainError UnnamedColumn = new(
        "import.row.unnamed_column",
        "Hier staat een waarde in een kolom zonder naam in de kopregel. Geef de kolom een naam of maak hem leeg.");

    public static readonly DomainError TooManyFields = new(
        "import.row.too_many_fields",
        "Deze regel heeft meer velden dan de kopregel. Staat er een ; in een naam? Zet die waarde dan tussen aanhalingstekens (\"…\").");

    public static readonly DomainError UnterminatedQuote = new(
        "import.row.unterminated_quote",
        "Een aanhalingsteken (\") wordt niet afgesloten, daardoor is de rest van het bestand als één waarde gelezen. Sluit het aanhalingsteken af.");

    public static readonly DomainError TextAfterClosingQuote = new(
        "import.row.text_after_quote",
        "Na het afsluitende aanhalingsteken (\") staat nog tekst. Zet de hele waarde tussen aanhalingstekens en schrijf een aanhalingsteken in de tekst dubbel (\"\").");

    public static DomainError DateRequired(string what) => new(
        "import.row.date_required", $"Vul de {what} in, als dd-mm-jjjj (bijvoorbeeld 01-10-2025).");

    public static DomainError DateInvalid(string value) => new(
        "import.row.date_invalid",
        $"'{Echo(value)}' is geen geldige datum. Schrijf de datum als dd-mm-jjjj (bijvoorbeeld 01-10-2025) of als jjjj-mm-dd.");

    public static DomainError DateDoesNotExist(string value) => new(
        "import.row.date_invalid", $"De datum '{Echo(value)}' bestaat niet. Controleer de dag en de maand.");

    public static readonly DomainError PhaseRequired = new("import.row.phase_required", "Vul de fase in: vo of mbo.");

    public static DomainError PhaseInvalid(string value) => new(
        "import.row.phase_invalid", $"'{Echo(value)}' is geen fase. Vul vo of mbo in.");

    /// <summary>R-MON-3: the optional Leerweg column holds one of the four leerwegen, or nothing.</summary>
    public static DomainError TrackInvalid(string value) => new(
        "import.row.track_invalid", $"'{Echo(value)}' is geen leerweg. Vul BB, KB, GL of TL in, of laat het vak leeg.");

    public static DomainError DuplicatePupil(int firstLine) => new(
        "import.row.duplicate_pupil",
        string.Create(Dutch, $"Deze leerling staat ook op regel {firstLine}. Elke leerling mag maar één keer in het bestand staan."));

    public static readonly DomainError NameDiffers = new(
        "import.row.name_differs",
        "Wijkt af van de naam die bij deze inschrijving is opgeslagen. Een naam verbeteren kan niet met een import; neem de schrijfwijze van de leerlingpagina over.");

    public static DomainError StartDateDiffers(DateOnly stored) => new(
        "import.row.start_differs",
        $"Deze leerling staat al in deze leerroute ingeschreven met startdatum {stored.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}. Een startdatum wijzigen kan niet met een import.");

    public static readonly DomainError ChangedMeanwhile = new(
        "import.concurrency",
        "Iemand anders heeft intussen leerlingen van deze leerroute gewijzigd; er is niets opgeslagen. Kies het bestand opnieuw om het opnieuw te controleren.");

    public static readonly DomainError PreviewExpired = new(
        "import.preview_expired",
        string.Create(Dutch, $"Dit voorbeeld is ouder dan {PupilImportPreview.Lifetime.TotalMinutes:0} minuten en is daarom gewist; er is niets opgeslagen. Kies het bestand opnieuw."));

    private static string SeparatorName(char separator) => separator switch
    {
        ',' => "komma's",
        '\t' => "tabs",
        '|' => "verticale strepen (|)",
        _ => $"'{separator}'",
    };

    /// <summary>The longest column name an error repeats; a longer one is cut off with "…".</summary>
    public const int MaxColumnNameLength = 40;

    /// <summary>
    /// R-PRIV-4: a column name from the file as an error shows it: shortened, with invisible characters made visible
    /// (<c>[U+202E]</c>), so a hostile header can neither flood nor disguise the message.
    /// </summary>
    public static string ColumnName(string name) => VisibleText.Of(name, MaxColumnNameLength);

    // A value is repeated so the user finds it, but never at length (a wrongly parsed row could be a whole file) and never
    // with characters that cannot be seen (R-PRIV-4).
    internal static string Echo(string value) => VisibleText.Of(value, 20);
}
