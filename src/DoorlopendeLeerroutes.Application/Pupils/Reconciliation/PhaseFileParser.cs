using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Pupils.Reconciliation;

/// <summary>
/// FORMATS.md §3: the checks of a <c>fasen</c> file, with the pupil import's reader, header layout, limits and
/// <c>regel N, kolom X</c> errors. Every error is collected; a file with any error is refused as a whole.
/// </summary>
internal static class PhaseFileParser
{
    public sealed record Parsed(IReadOnlyList<PhaseFileRow> Rows, IReadOnlyList<PupilImportError> Errors);

    /// <param name="partnerBrins">The BRIN codes of the route's partners: the only ones the optional BRIN column may hold.</param>
    public static Parsed Parse(CsvTable table, IReadOnlyCollection<string> partnerBrins)
    {
        var errors = new List<PupilImportError>();
        if (PupilFileParser.FileError(table, PhaseFileErrors.Empty) is { } fileError)
        {
            return new Parsed([], [fileError]);
        }

        var layout = PupilFileParser.Layout.Read(
            table, errors, PhaseFileFormat.Columns, PhaseFileFormat.RequiredColumns, PhaseFileErrors.UnknownColumn);
        if (layout is null)
        {
            return new Parsed([], errors);
        }

        if (table.Rows.Count == 0)
        {
            return Stopped(PhaseFileErrors.NoRows);
        }

        var rows = new List<PhaseFileRow>(table.Rows.Count);
        var firstLineOf = new Dictionary<(PupilNumber, DateOnly), int>();
        foreach (var row in table.Rows)
        {
            if (ParseRow(row, layout, partnerBrins, errors) is not { } parsed)
            {
                continue;
            }

            if (firstLineOf.TryGetValue((parsed.Number, parsed.ValidFrom), out var first))
            {
                errors.Add(PupilImportError.At(row.Line, PhaseFileFormat.Number, PhaseFileErrors.Duplicate(first)));
                continue;
            }

            firstLineOf[(parsed.Number, parsed.ValidFrom)] = row.Line;
            rows.Add(parsed);
        }

        return errors.Count > 0 ? new Parsed([], errors) : new Parsed(rows, []);

        static Parsed Stopped(DomainError error) => new([], [PupilImportError.ForFile(error)]);
    }

    private static PhaseFileRow? ParseRow(
        CsvTableRow row, PupilFileParser.Layout layout, IReadOnlyCollection<string> partnerBrins, List<PupilImportError> errors)
    {
        var before = errors.Count;
        void Fail(string column, DomainError error) => errors.Add(PupilImportError.At(row.Line, column, error));

        if (!PupilFileParser.CheckRowShape(row, layout, Fail))
        {
            return null;
        }

        var number = PupilNumber.Parse(layout.Value(row, PhaseFileFormat.Number));
        foreach (var error in number.Errors)
        {
            Fail(PhaseFileFormat.Number, error);
        }

        var phaseText = layout.Value(row, PhaseFileFormat.Phase);
        var phase = ParsePhase(phaseText);
        if (phase is null)
        {
            Fail(PhaseFileFormat.Phase, phaseText.Length == 0 ? PhaseFileErrors.PhaseRequired : PhaseFileErrors.PhaseInvalid(phaseText));
        }

        var dateText = layout.Value(row, PhaseFileFormat.ValidFrom);
        DateOnly validFrom = default;
        if (dateText.Length == 0)
        {
            Fail(PhaseFileFormat.ValidFrom, PupilImportErrors.DateRequired("ingangsdatum"));
        }
        else if (!PupilFileParser.TryParseDate(dateText, out validFrom))
        {
            Fail(PhaseFileFormat.ValidFrom, PupilImportErrors.DateInvalid(dateText));
        }

        var brinText = layout.Value(row, PhaseFileFormat.Brin);
        string? brin = null;
        if (brinText.Length > 0)
        {
            if (Brin.TryCreate(brinText, out var parsedBrin) && partnerBrins.Contains(parsedBrin.Value, StringComparer.OrdinalIgnoreCase))
            {
                brin = parsedBrin.Value;
            }
            else
            {
                Fail(PhaseFileFormat.Brin, PhaseFileErrors.BrinNotPartner(brinText));
            }
        }

        return errors.Count > before ? null : new PhaseFileRow(row.Line, number.Value, phase!.Value, validFrom, brin);
    }

    /// <summary>FORMATS.md §3: <c>VO</c> or <c>MBO</c>, case-insensitive; <c>vo-fase</c>/<c>mbo-fase</c> as well.</summary>
    public static Phase? ParsePhase(string text) => text.ToUpperInvariant() switch
    {
        "VO" or "VO-FASE" => Phase.Vo,
        "MBO" or "MBO-FASE" => Phase.Mbo,
        _ => null,
    };
}
