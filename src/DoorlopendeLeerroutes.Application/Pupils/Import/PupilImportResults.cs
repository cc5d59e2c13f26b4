using System.Globalization;

namespace DoorlopendeLeerroutes.Application.Pupils.Import;

/// <summary>What a row of the file does (docs/formats.md §1).</summary>
public enum PupilImportStatus
{
    /// <summary><c>nieuw</c>: the pupil is enrolled in the route, with a first phase registration.</summary>
    New = 1,

    /// <summary><c>fasewijziging</c>: a new phase registration for a pupil already enrolled in this route.</summary>
    PhaseChange = 2,

    /// <summary><c>ongewijzigd</c>: the row is what is stored already.</summary>
    Unchanged = 3,

    /// <summary><c>leerwegwijziging</c>: only the leerweg of a pupil already enrolled in this route changes (R-MON-3).</summary>
    TrackChange = 4,
}

/// <summary>One row of the preview. The number is masked (R-PUPIL-8); the full number never leaves the import.</summary>
public sealed record PupilImportLine(
    int Line, string MaskedNumber, string Name, DateOnly StartDate, Phase Phase, DateOnly PhaseFrom, PupilImportStatus Status,
    Track? Track = null);

/// <summary>
/// A reason the file cannot be imported: for a row <c>regel N, kolom X: melding</c> (docs/formats.md), for the file as a
/// whole (too large, not UTF-8, no access) the message alone.
/// </summary>
public sealed record PupilImportError(int? Line, string? Column, string Code, string Message)
{
    public static PupilImportError ForFile(DomainError error) => new(null, null, error.Code, error.Message);

    public static PupilImportError At(int line, string column, DomainError error) => new(line, column, error.Code, error.Message);

    /// <summary>The text the user reads.</summary>
    public string Text => Line is { } line
        ? string.Create(CultureInfo.InvariantCulture, $"regel {line}, kolom {Column}: {Message}")
        : Message;

    public override string ToString() => Text;
}

/// <param name="TrackChanges">Rows that change only the leerweg of a pupil already enrolled (R-MON-3).</param>
public sealed record PupilImportTotals(int New, int PhaseChanges, int Unchanged, int TrackChanges = 0)
{
    public static readonly PupilImportTotals None = new(0, 0, 0);

    public int Changes => New + PhaseChanges + TrackChanges;

    public static PupilImportTotals Of(IEnumerable<PupilImportLine> lines)
    {
        int created = 0, changed = 0, unchanged = 0, tracks = 0;
        foreach (var line in lines)
        {
            switch (line.Status)
            {
                case PupilImportStatus.New:
                    created++;
                    break;
                case PupilImportStatus.PhaseChange:
                    changed++;
                    break;
                case PupilImportStatus.TrackChange:
                    tracks++;
                    break;
                default:
                    unchanged++;
                    break;
            }
        }

        return new PupilImportTotals(created, changed, unchanged, tracks);
    }

    /// <summary>"12 leerlingen ingeschreven, 3 fasewijzigingen, 5 ongewijzigd" (and the leerwegwijzigingen, when there are any).</summary>
    public string Summary()
    {
        var dutch = DutchFormat.Culture;
        var tracks = TrackChanges == 0
            ? string.Empty
            : string.Create(dutch, $"{TrackChanges:N0} {(TrackChanges == 1 ? "leerwegwijziging" : "leerwegwijzigingen")}, ");
        return string.Create(dutch, $"{New:N0} {(New == 1 ? "leerling" : "leerlingen")} ingeschreven, ")
               + string.Create(dutch, $"{PhaseChanges:N0} {(PhaseChanges == 1 ? "fasewijziging" : "fasewijzigingen")}, ")
               + tracks + string.Create(dutch, $"{Unchanged:N0} ongewijzigd");
    }
}

/// <summary>Which vo school and mbo institution new enrolments get; null: the route's only partner, or the user's own.</summary>
public sealed record PupilImportChoice(Guid? VoInstitutionId = null, Guid? MboInstitutionId = null);

/// <summary>
/// The checked file, before anything is stored: a line per row with what it will do, or every error. Confirming it
/// (<see cref="ImportPupils.ConfirmAsync"/>) checks the rows against the database again and stores them.
/// </summary>
public sealed class PupilImportPreview
{
    /// <summary>
    /// A preview holds the file's full pupil numbers in the server's memory (the circuit); after this it is released and
    /// can no longer be confirmed (issue 11): the user uploads the file again.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    internal PupilImportPreview(
        Guid routeId, PupilImportChoice choice, IReadOnlyList<PupilImportLine> lines, IReadOnlyList<PupilImportError> errors,
        IReadOnlyList<PupilImportRow> rows, DateTime createdAtUtc)
    {
        RouteId = routeId;
        ExpiresAt = createdAtUtc + Lifetime;
        Choice = choice;
        Lines = lines;
        Errors = errors;
        Rows = rows;
        Totals = PupilImportTotals.Of(lines);
    }

    public Guid RouteId { get; }

    /// <summary>The UTC moment after which the preview cannot be confirmed any more.</summary>
    public DateTime ExpiresAt { get; }

    /// <summary>The vo school and mbo institution that new enrolments get.</summary>
    public PupilImportChoice Choice { get; }

    /// <summary>The rows without errors, in file order.</summary>
    public IReadOnlyList<PupilImportLine> Lines { get; }

    /// <summary>Every error, in file order; none means the file can be imported.</summary>
    public IReadOnlyList<PupilImportError> Errors { get; }

    public PupilImportTotals Totals { get; }

    public bool HasErrors => Errors.Count > 0;

    /// <summary>No errors, and at least one row changes something.</summary>
    public bool CanConfirm => !HasErrors && Totals.Changes > 0;

    /// <summary>The checked values of the rows, for the confirmation; full numbers, so never exposed.</summary>
    internal IReadOnlyList<PupilImportRow> Rows { get; }

    internal static PupilImportPreview Refused(Guid routeId, IReadOnlyList<PupilImportError> errors) =>
        new(routeId, new PupilImportChoice(), [], errors, [], DateTime.MinValue);
}

/// <summary>The result of a confirmation: what was stored, or (nothing stored) why not.</summary>
public sealed record PupilImportOutcome(PupilImportTotals Totals, IReadOnlyList<PupilImportError> Errors)
{
    public bool IsSuccess => Errors.Count == 0;

    internal static PupilImportOutcome Failed(IReadOnlyList<PupilImportError> errors) => new(PupilImportTotals.None, errors);
}

public enum PupilImportStage
{
    /// <summary>Reading the file.</summary>
    Reading = 1,

    /// <summary>Checking rows against the rules and the database.</summary>
    Checking = 2,

    /// <summary>Storing everything in one transaction.</summary>
    Storing = 3,
}

/// <summary>Progress of a preview or confirmation, in rows.</summary>
public sealed record PupilImportProgress(PupilImportStage Stage, int Done, int Total);

/// <summary>The checked values of one row (internal: holds the full pupil number).</summary>
internal sealed record PupilImportRow(
    int Line, PupilNumber Number, string LastName, string? Prefix, string FirstName, DateOnly BirthDate, DateOnly StartDate,
    Phase Phase, DateOnly PhaseFrom, Track? Track = null)
{
    public string FullName => Pupil.FullNameOf(FirstName, Prefix, LastName);

    public PupilImportLine ToLine(PupilImportStatus status) =>
        new(Line, Number.Masked, FullName, StartDate, Phase, PhaseFrom, status, Track);

    // A record prints all its members; this one must not print the number (R-PUPIL-8), even masked.
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"regel {Line}");
}
