using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Institutions.Import;

/// <summary>
/// FORMATS.md §4: the checks of an <c>instellingen</c> file that need no database, with the pupil import's reader, header
/// layout, limits and <c>regel N, kolom X</c> errors (as <see cref="Pupils.Reconciliation.PhaseFileParser"/>). Every error is
/// collected; nothing stops at the first. The rules of the institution itself (names, bestuursnummer, gemeente) are the
/// domain's, applied by <see cref="InstitutionImportPlanner"/>.
/// </summary>
internal static class InstitutionFileParser
{
    public sealed record Parsed(IReadOnlyList<InstitutionImportRow> Rows, List<PupilImportError> Errors, bool Stop);

    public static Parsed Parse(CsvTable table)
    {
        var errors = new List<PupilImportError>();
        if (PupilFileParser.FileError(table, InstitutionImportErrors.Empty) is { } fileError)
        {
            return new Parsed([], [fileError], Stop: true);
        }

        var layout = PupilFileParser.Layout.Read(
            table, errors, InstitutionImportFormat.Columns, InstitutionImportFormat.RequiredColumns, InstitutionImportErrors.UnknownColumn);
        if (layout is null)
        {
            return new Parsed([], errors, Stop: true);
        }

        if (table.Rows.Count == 0)
        {
            return new Parsed([], [PupilImportError.ForFile(InstitutionImportErrors.NoRows)], Stop: true);
        }

        var rows = new List<InstitutionImportRow>(table.Rows.Count);
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            // R-INST-3: one institution per BRIN, in the file too (also when the earlier row has other errors).
            var duplicate = false;
            if (row.Fault == CsvRowFault.None && Brin.TryCreate(layout.Value(row, InstitutionImportFormat.Brin), out var brin))
            {
                if (firstLineOf.TryGetValue(brin.Value, out var first))
                {
                    errors.Add(PupilImportError.At(row.Line, InstitutionImportFormat.Brin, InstitutionImportErrors.DuplicateBrin(first)));
                    duplicate = true;
                }
                else
                {
                    firstLineOf[brin.Value] = row.Line;
                }
            }

            if (ParseRow(row, layout, errors) is { } parsed && !duplicate)
            {
                rows.Add(parsed);
            }
        }

        return new Parsed(rows, errors, Stop: false);
    }

    private static InstitutionImportRow? ParseRow(CsvTableRow row, PupilFileParser.Layout layout, List<PupilImportError> errors)
    {
        var before = errors.Count;
        void Fail(string column, DomainError error) => errors.Add(PupilImportError.At(row.Line, column, error));

        if (!PupilFileParser.CheckRowShape(row, layout, Fail))
        {
            return null;
        }

        // R-INST-1: lower case is upper-cased by the value object; anything else is an error at the cell.
        var brinText = layout.Value(row, InstitutionImportFormat.Brin);
        if (!Brin.TryCreate(brinText, out var brin))
        {
            Fail(InstitutionImportFormat.Brin,
                brinText.Length == 0 ? InstitutionImportErrors.BrinRequired : InstitutionImportErrors.BrinInvalid(brinText));
        }

        var sectorText = layout.Value(row, InstitutionImportFormat.Sector);
        var sector = ParseSector(sectorText);
        if (sector is null)
        {
            Fail(InstitutionImportFormat.Sector,
                sectorText.Length == 0 ? InstitutionImportErrors.SectorRequired : InstitutionImportErrors.SectorInvalid(sectorText));
        }

        // R-MON-1: a province by its name, ignoring case, accents, spaces and hyphens.
        var provinceText = layout.Value(row, InstitutionImportFormat.Province);
        Province? province = Provinces.TryParse(provinceText, out var parsedProvince) ? parsedProvince : null;
        if (province is null)
        {
            Fail(InstitutionImportFormat.Province,
                provinceText.Length == 0 ? DomainErrors.Institution.ProvinceInvalid : InstitutionImportErrors.ProvinceInvalid(provinceText));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var boardName = layout.Value(row, InstitutionImportFormat.BoardName);
        var region = layout.Value(row, InstitutionImportFormat.RmcRegion);
        return new InstitutionImportRow(
            row.Line, brin!, layout.Value(row, InstitutionImportFormat.Name), sector!.Value, layout.Value(row, InstitutionImportFormat.BoardNumber),
            boardName.Length == 0 ? null : boardName, layout.Value(row, InstitutionImportFormat.Municipality), province!.Value,
            region.Length == 0 ? null : region);
    }

    /// <summary>FORMATS.md §4: <c>vo</c> or <c>mbo</c>, case-insensitive.</summary>
    public static Sector? ParseSector(string text) => text.ToUpperInvariant() switch
    {
        "VO" => Domain.Institutions.Sector.Vo,
        "MBO" => Domain.Institutions.Sector.Mbo,
        _ => null,
    };
}
