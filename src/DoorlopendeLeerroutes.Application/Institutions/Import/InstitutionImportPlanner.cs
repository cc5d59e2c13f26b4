using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Institutions.Import;

/// <summary>
/// Decides per row what it does against the stored institutions (FORMATS.md §4), through the domain's own methods
/// (<see cref="Institution.Create"/>, <see cref="Institution.Update"/>, <see cref="Institution.SetPlace"/>) so an import
/// cannot bypass a rule a form keeps. The preview runs it on untracked data and throws the result away; the confirmation
/// runs it again on tracked data inside its transaction and saves it.
/// </summary>
internal static class InstitutionImportPlanner
{
    public sealed record Plan(List<InstitutionImportLine> Lines, List<PupilImportError> Errors, List<Institution> New);

    public static async Task<Plan> PlanAsync(
        IApplicationDbContext db, IReadOnlyList<InstitutionImportRow> rows, bool track, CancellationToken cancellationToken)
    {
        // Institutions are a few thousand at most: all of them at once, with the ids of route partners (their soort is fixed).
        var query = track ? db.Institutions : db.Institutions.AsNoTracking();
        var stored = (await query.ToListAsync(cancellationToken)).ToDictionary(i => i.Brin.Value, StringComparer.Ordinal);
        var partners = (await db.Routes.SelectMany(r => r.Partners).Select(p => p.InstitutionId).Distinct().ToListAsync(cancellationToken))
            .ToHashSet();
        return Decide(rows, stored, partners);
    }

    /// <summary>Every row against the stored institutions handed in: no database, so tests can give it domain objects.</summary>
    internal static Plan Decide(
        IReadOnlyList<InstitutionImportRow> rows, IReadOnlyDictionary<string, Institution> stored, IReadOnlySet<Guid> partners)
    {
        var plan = new Plan([], [], []);

        // A new institution without a bestuursnaam takes the name its bestuursnummer is known by (stored, or earlier in the file).
        var boardNames = stored.Values
            .GroupBy(i => i.BoardNumber.Value)
            .ToDictionary(g => g.Key, g => g.First().BoardName, StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.BoardName is not null))
        {
            boardNames.TryAdd(row.BoardNumber.Trim(), row.BoardName!);
        }

        foreach (var row in rows)
        {
            var errors = new List<(string Column, DomainError Error)>();
            var line = stored.TryGetValue(row.Brin.Value, out var institution)
                ? Known(row, institution, partners, errors)
                : New(row, boardNames, plan, errors);
            if (errors.Count > 0)
            {
                plan.Errors.AddRange(errors.Distinct().Select(e => PupilImportError.At(row.Line, e.Column, e.Error)));
            }
            else
            {
                plan.Lines.Add(line!);
            }
        }

        return plan;
    }

    private static InstitutionImportLine? New(
        InstitutionImportRow row, Dictionary<string, string> boardNames, Plan plan, List<(string, DomainError)> errors)
    {
        var boardName = row.BoardName ?? boardNames.GetValueOrDefault(row.BoardNumber.Trim());
        if (boardName is null)
        {
            errors.Add((InstitutionImportFormat.BoardName, InstitutionImportErrors.BoardNameUnknown));
        }

        var created = Institution.Create(row.Brin.Value, row.Name, row.Sector, row.BoardNumber, boardName ?? "?");
        Collect(created, errors, skipBoardName: boardName is null);
        var place = Institution.CheckPlace(row.Municipality, row.Province, row.RmcRegion);
        Collect(place.Count > 0 ? Result.Failure(place) : Result.Success(), errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var institution = created.Value;
        institution.SetPlace(row.Municipality, row.Province, row.RmcRegion);

        plan.New.Add(institution);
        return LineOf(row, institution, InstitutionImportStatus.New, null);
    }

    private static InstitutionImportLine? Known(
        InstitutionImportRow row, Institution institution, IReadOnlySet<Guid> partners, List<(string, DomainError)> errors)
    {
        if (row.Sector != institution.Sector && partners.Contains(institution.Id))
        {
            errors.Add((InstitutionImportFormat.Sector, InstitutionImportErrors.SectorOfPartner));
        }

        var before = Snapshot.Of(institution);
        var updated = institution.Update(
            institution.Brin.Value, row.Name, row.Sector, row.BoardNumber, row.BoardName ?? institution.BoardName);
        var failed = Collect(updated, errors);
        failed |= Collect(institution.SetPlace(row.Municipality, row.Province, row.RmcRegion), errors);
        if (failed || errors.Count > 0)
        {
            return null;
        }

        var changes = before.Differences(Snapshot.Of(institution));
        return changes.Count == 0
            ? LineOf(row, institution, InstitutionImportStatus.Unchanged, null)
            : LineOf(row, institution, InstitutionImportStatus.Changed, string.Join(", ", changes));
    }

    private static InstitutionImportLine LineOf(InstitutionImportRow row, Institution institution, InstitutionImportStatus status, string? changes) =>
        new(row.Line, institution.Brin.Value, institution.Name, institution.Sector, institution.Municipality!, institution.Province!.Value, status, changes);

    /// <summary>Adds the result's errors, each at the column it is about; true when it failed.</summary>
    private static bool Collect(Result result, List<(string, DomainError)> errors, bool skipBoardName = false)
    {
        foreach (var error in result.Errors)
        {
            var column = ColumnOf(error);
            if (!(skipBoardName && column == InstitutionImportFormat.BoardName))
            {
                errors.Add((column, error));
            }
        }

        return result.IsFailure;
    }

    /// <summary>The column a rule of the domain is about, by its code (<c>institution.name.…</c> → Naam).</summary>
    private static string ColumnOf(DomainError error)
    {
        var code = error.Code;
        return code.StartsWith("institution.board_name", StringComparison.Ordinal) ? InstitutionImportFormat.BoardName
            : code.StartsWith("institution.board_number", StringComparison.Ordinal) ? InstitutionImportFormat.BoardNumber
            : code.StartsWith("institution.name", StringComparison.Ordinal) ? InstitutionImportFormat.Name
            : code.StartsWith("institution.sector", StringComparison.Ordinal) ? InstitutionImportFormat.Sector
            : code.StartsWith("institution.municipality", StringComparison.Ordinal) ? InstitutionImportFormat.Municipality
            : code.StartsWith("institution.province", StringComparison.Ordinal) ? InstitutionImportFormat.Province
            : code.StartsWith("institution.rmc_region", StringComparison.Ordinal) ? InstitutionImportFormat.RmcRegion
            : InstitutionImportFormat.Brin;
    }

    /// <summary>What an import can change of an institution, to tell "gewijzigd" from "ongewijzigd" and say what changed.</summary>
    private sealed record Snapshot(
        string Name, Sector Sector, string BoardNumber, string BoardName, string? Municipality, Province? Province, string? RmcRegion)
    {
        public static Snapshot Of(Institution i) =>
            new(i.Name, i.Sector, i.BoardNumber.Value, i.BoardName, i.Municipality, i.Province, i.RmcRegion);

        public List<string> Differences(Snapshot after)
        {
            var changes = new List<string>();
            Add(Name != after.Name, "naam");
            Add(Sector != after.Sector, "soort");
            Add(BoardNumber != after.BoardNumber, "bestuursnummer");
            Add(BoardName != after.BoardName, "bestuursnaam");
            Add(Municipality != after.Municipality, "gemeente");
            Add(Province != after.Province, "provincie");
            Add(RmcRegion != after.RmcRegion, "RMC-regio");
            return changes;

            void Add(bool changed, string what)
            {
                if (changed)
                {
                    changes.Add(what);
                }
            }
        }
    }
}
