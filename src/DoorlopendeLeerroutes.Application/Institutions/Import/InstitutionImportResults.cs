using System.Globalization;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Institutions.Import;

/// <summary>What a row of the file does (FORMATS.md §4).</summary>
public enum InstitutionImportStatus
{
    /// <summary><c>nieuw</c>: an institution with a BRIN not known yet.</summary>
    New = 1,

    /// <summary><c>gewijzigd</c>: a known BRIN whose details change.</summary>
    Changed = 2,

    /// <summary><c>ongewijzigd</c>: the row is what is stored already.</summary>
    Unchanged = 3,
}

/// <summary>One row of the preview; <see cref="Changes"/> names what changes for a known BRIN ("naam, gemeente").</summary>
public sealed record InstitutionImportLine(
    int Line, string Brin, string Name, Sector Sector, string Municipality, Province Province, InstitutionImportStatus Status,
    string? Changes = null);

public sealed record InstitutionImportTotals(int New, int Changed, int Unchanged)
{
    public static readonly InstitutionImportTotals None = new(0, 0, 0);

    public int Changes => New + Changed;

    public static InstitutionImportTotals Of(IEnumerable<InstitutionImportLine> lines)
    {
        var list = lines.ToList();
        return new InstitutionImportTotals(
            list.Count(l => l.Status == InstitutionImportStatus.New),
            list.Count(l => l.Status == InstitutionImportStatus.Changed),
            list.Count(l => l.Status == InstitutionImportStatus.Unchanged));
    }

    /// <summary>"3 instellingen toegevoegd, 1 gewijzigd, 12 ongewijzigd".</summary>
    public string Summary() => string.Create(
        DutchFormat.Culture, $"{New:N0} {(New == 1 ? "instelling" : "instellingen")} toegevoegd, {Changed:N0} gewijzigd, {Unchanged:N0} ongewijzigd");
}

/// <summary>
/// The checked file, before anything is stored: a line per row with what it will do, or every error. Confirming it
/// (<see cref="ImportInstitutions.ConfirmAsync"/>) checks the rows against the database again and stores them.
/// </summary>
public sealed class InstitutionImportPreview
{
    internal InstitutionImportPreview(
        IReadOnlyList<InstitutionImportLine> lines, IReadOnlyList<PupilImportError> errors, IReadOnlyList<InstitutionImportRow> rows)
    {
        Lines = lines;
        Errors = errors;
        Rows = rows;
        Totals = InstitutionImportTotals.Of(lines);
    }

    /// <summary>The rows without errors, in file order.</summary>
    public IReadOnlyList<InstitutionImportLine> Lines { get; }

    /// <summary>Every error, in file order; none means the file can be imported.</summary>
    public IReadOnlyList<PupilImportError> Errors { get; }

    public InstitutionImportTotals Totals { get; }

    public bool HasErrors => Errors.Count > 0;

    /// <summary>No errors, and at least one row changes something.</summary>
    public bool CanConfirm => !HasErrors && Totals.Changes > 0;

    internal IReadOnlyList<InstitutionImportRow> Rows { get; }

    internal static InstitutionImportPreview Refused(IReadOnlyList<PupilImportError> errors) => new([], errors, []);
}

/// <summary>The result of a confirmation: what was stored, or (nothing stored) why not.</summary>
public sealed record InstitutionImportOutcome(InstitutionImportTotals Totals, IReadOnlyList<PupilImportError> Errors)
{
    public bool IsSuccess => Errors.Count == 0;

    internal static InstitutionImportOutcome Failed(IReadOnlyList<PupilImportError> errors) => new(InstitutionImportTotals.None, errors);
}

/// <summary>The checked values of one row; the domain checks the rest when the row is planned.</summary>
internal sealed record InstitutionImportRow(
    int Line, Brin Brin, string Name, Sector Sector, string BoardNumber, string? BoardName, string Municipality, Province Province,
    string? RmcRegion)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"regel {Line}");
}
