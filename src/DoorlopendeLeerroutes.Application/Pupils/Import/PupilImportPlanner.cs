namespace DoorlopendeLeerroutes.Application.Pupils.Import;

/// <summary>
/// Decides per row what it does against the database (docs/formats.md §1), through the domain's own methods
/// (<see cref="Pupil.Create"/>, <see cref="Enrolment.Start"/>, <see cref="Enrolment.RecordPhase"/>) so no rule can be
/// bypassed by importing. The preview runs it on untracked data and throws the result away; the confirmation runs it
/// again on tracked data inside its transaction and saves it.
/// </summary>
internal sealed class PupilImportPlanner(IPupilNumberIndex numbers)
{
    // Look-ups of many numbers or ids go in chunks, so no query gets thousands of parameters.
    private const int ChunkSize = 500;
    private const int ProgressEvery = 500;

    /// <param name="PhaseChanges">The stored enrolments that get a new phase registration.</param>
    /// <param name="TrackChanges">The stored enrolments whose leerweg changes (R-MON-3).</param>
    public sealed record Plan(
        List<PupilImportLine> Lines, List<PupilImportError> Errors, List<Pupil> NewPupils, List<Enrolment> NewEnrolments,
        List<Enrolment> PhaseChanges, List<Enrolment> TrackChanges);

    public sealed record Target(Route Route, Actor Actor, Guid VoInstitutionId, Guid MboInstitutionId, DateTime NowUtc);

    public async Task<Plan> PlanAsync(
        IApplicationDbContext db, Target target, IReadOnlyList<PupilImportRow> rows, bool track,
        IProgress<PupilImportProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new PupilImportProgress(PupilImportStage.Checking, 0, rows.Count));
        var known = await KnownPupilsAsync(db, rows, track, cancellationToken);
        var enrolments = await EnrolmentsOfAsync(db, known.Values, track, cancellationToken);
        return await DecideAsync(target, rows, known, enrolments, progress);
    }

    /// <summary>
    /// Decides every row against the stored pupils and their enrolments handed in: no database, so the tests give it
    /// domain objects they built themselves.
    /// </summary>
    internal static async Task<Plan> DecideAsync(
        Target target, IReadOnlyList<PupilImportRow> rows, IReadOnlyDictionary<PupilNumber, Pupil> known,
        IReadOnlyDictionary<Guid, List<Enrolment>> enrolments, IProgress<PupilImportProgress>? progress)
    {
        var plan = new Plan([], [], [], [], [], []);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0 && i % ProgressEvery == 0)
            {
                progress?.Report(new PupilImportProgress(PupilImportStage.Checking, i, rows.Count));
                await Task.Yield(); // lets a waiting screen show the progress
            }

            var row = rows[i];
            var errors = new List<(string Column, DomainError Error)>();
            var status = known.TryGetValue(row.Number, out var pupil)
                ? KnownPupil(row, pupil, enrolments.GetValueOrDefault(pupil.Id) ?? [], target, plan, errors)
                : NewPupil(row, target, plan, errors);
            if (errors.Count > 0)
            {
                plan.Errors.AddRange(errors.Distinct().Select(e => PupilImportError.At(row.Line, e.Column, e.Error)));
            }
            else
            {
                plan.Lines.Add(row.ToLine(status!.Value));
            }
        }

        progress?.Report(new PupilImportProgress(PupilImportStage.Checking, rows.Count, rows.Count));
        return plan;
    }

    /// <summary>An unknown number: a new pupil, enrolled with a first phase registration.</summary>
    private static PupilImportStatus? NewPupil(
        PupilImportRow row, Target target, Plan plan, List<(string, DomainError)> errors)
    {
        var created = Pupil.Create(row.Number.Value, row.LastName, row.Prefix, row.FirstName, row.BirthDate);
        if (Failed(created, errors))
        {
            return null;
        }

        return Enrol(row, created.Value, [], target, plan, errors, newPupil: true);
    }

    /// <summary>
    /// A known number. A pupil the user may not see (no enrolment, current or ended, of the user's institution) is
    /// refused with <see cref="PupilErrors.CannotEnrolHere"/> before anything else is compared, so the answer never
    /// depends on the name or birth date in the row (R-PRIV-1). Otherwise the row must describe the same person (last
    /// name and birth date, as <see cref="EnrolPupil"/>), so a typo in a number never attaches the wrong pupil. Its enrolment in this route with the same start date is the
    /// one the row describes: a phase change or unchanged. Without one, the pupil is enrolled (R-PUPIL-2 decides whether
    /// that is allowed); an open enrolment in this route with another start date is an error, not a second enrolment.
    /// </summary>
    private static PupilImportStatus? KnownPupil(
        PupilImportRow row, Pupil pupil, List<Enrolment> enrolments, Target target, Plan plan, List<(string, DomainError)> errors)
    {
        if (!MaySee(enrolments, target.Actor))
        {
            errors.Add((PupilImportFormat.Number, PupilErrors.CannotEnrolHere));
            return null;
        }

        if (!EnrolPupil.SamePerson(pupil, row.LastName, row.BirthDate))
        {
            errors.Add((PupilImportFormat.Number, PupilErrors.DetailsDoNotMatch));
            return null;
        }

        var inRoute = enrolments.Where(e => e.RouteId == target.Route.Id).ToList();
        var same = inRoute.FirstOrDefault(e => e.StartDate == row.StartDate);
        if (same is null)
        {
            if (inRoute.FirstOrDefault(e => e.EndDate is null) is { } open)
            {
                errors.Add(Visible(open, target.Actor)
                    ? (PupilImportFormat.StartDate, PupilImportErrors.StartDateDiffers(open.StartDate))
                    : (PupilImportFormat.Number, DomainErrors.Enrolment.AlreadyActiveElsewhere));
                return null;
            }

            return Enrol(row, pupil, enrolments, target, plan, errors, newPupil: false);
        }

        if (!Visible(same, target.Actor))
        {
            // Another partner's pupil in this route: as for a pupil in another route, nothing about it is shown.
            errors.Add((PupilImportFormat.Number, DomainErrors.Enrolment.AlreadyActiveElsewhere));
            return null;
        }

        // "ongewijzigd" must be true: a first name or prefix the import cannot change is an error, not silently ignored.
        if (!SameText(pupil.FirstName, row.FirstName))
        {
            errors.Add((PupilImportFormat.FirstName, PupilImportErrors.NameDiffers));
        }

        if (!SameText(pupil.Prefix, row.Prefix))
        {
            errors.Add((PupilImportFormat.Prefix, PupilImportErrors.NameDiffers));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var recorded = same.RecordPhase(row.Phase, row.PhaseFrom, target.Actor, target.NowUtc);
        var phaseUnchanged = recorded.HasError(DomainErrors.Enrolment.PhaseUnchanged.Code);
        if (!phaseUnchanged && Failed(recorded, errors))
        {
            return null;
        }

        // R-MON-3: another leerweg in the file changes the stored one; an empty cell keeps it (the column is optional).
        var trackChanged = row.Track is { } track && track != same.Track;
        if (trackChanged && FailedAt(PupilImportFormat.Track, same.SetTrack(row.Track, target.Route, target.Actor), errors))
        {
            return null;
        }

        if (trackChanged)
        {
            plan.TrackChanges.Add(same);
        }

        if (!phaseUnchanged)
        {
            plan.PhaseChanges.Add(same);
            return PupilImportStatus.PhaseChange;
        }

        return trackChanged ? PupilImportStatus.TrackChange : PupilImportStatus.Unchanged;
    }

    private static PupilImportStatus? Enrol(
        PupilImportRow row, Pupil pupil, List<Enrolment> others, Target target, Plan plan, List<(string, DomainError)> errors,
        bool newPupil)
    {
        var started = Enrolment.Start(
            pupil, target.Route, target.VoInstitutionId, target.MboInstitutionId, row.StartDate, others, target.Actor,
            DutchTime.Today(target.NowUtc));
        if (Failed(started, errors))
        {
            return null;
        }

        var enrolment = started.Value;
        if (Failed(enrolment.RecordPhase(row.Phase, row.PhaseFrom, target.Actor, target.NowUtc), errors))
        {
            return null;
        }

        if (row.Track is not null && FailedAt(PupilImportFormat.Track, enrolment.SetTrack(row.Track, target.Route, target.Actor), errors))
        {
            return null; // R-MON-3: a leerweg the route does not have
        }

        if (newPupil)
        {
            plan.NewPupils.Add(pupil);
        }

        plan.NewEnrolments.Add(enrolment);
        return PupilImportStatus.New;
    }

    private static bool Failed(Result result, List<(string, DomainError)> errors)
    {
        errors.AddRange(result.Errors.Select(e => (ColumnOf(e), e)));
        return result.IsFailure;
    }

    /// <summary>As <see cref="Failed"/>, with every error at <paramref name="column"/>.</summary>
    private static bool FailedAt(string column, Result result, List<(string, DomainError)> errors)
    {
        errors.AddRange(result.Errors.Select(e => (column, e)));
        return result.IsFailure;
    }

    /// <summary>The column a rule of the domain is about, so its message lands on the right cell.</summary>
    private static string ColumnOf(DomainError error) => error.Field switch
    {
        ErrorField.LastName => PupilImportFormat.LastName,
        ErrorField.FirstName => PupilImportFormat.FirstName,
        ErrorField.Prefix => PupilImportFormat.Prefix,
        ErrorField.BirthDate => PupilImportFormat.BirthDate,
        ErrorField.StartDate => PupilImportFormat.StartDate,
        ErrorField.ValidFrom => PupilImportFormat.PhaseFrom,
        ErrorField.Phase => PupilImportFormat.Phase,
        _ => PupilImportFormat.Number,
    };

    /// <summary>As <see cref="Accounts.AccessScope.MaySeePupilAsync"/>, on the enrolments already loaded.</summary>
    private static bool MaySee(List<Enrolment> enrolments, Actor actor) =>
        actor.IsAdministrator
        || enrolments.Any(e => e.VoInstitutionId == actor.InstitutionId || e.MboInstitutionId == actor.InstitutionId);

    private static bool Visible(Enrolment enrolment, Actor actor) =>
        actor.IsCoordinatorOf(enrolment.VoInstitutionId) || actor.IsCoordinatorOf(enrolment.MboInstitutionId);

    private static bool SameText(string? stored, string? file) =>
        string.Equals((stored ?? string.Empty).Trim(), (file ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The pupils of the file that exist already, looked up through the number index, 500 at a time.</summary>
    private async Task<Dictionary<PupilNumber, Pupil>> KnownPupilsAsync(
        IApplicationDbContext db, IReadOnlyList<PupilImportRow> rows, bool track, CancellationToken cancellationToken)
    {
        var known = new Dictionary<PupilNumber, Pupil>();
        foreach (var chunk in rows.Select(r => r.Number).Distinct().Chunk(ChunkSize))
        {
            var query = db.Pupils.Where(numbers.HasAnyNumber(chunk));
            foreach (var pupil in await (track ? query : query.AsNoTracking()).ToListAsync(cancellationToken))
            {
                known[pupil.Number] = pupil;
            }
        }

        return known;
    }

    /// <summary>Every enrolment (in any route, with its phases) of the known pupils: R-PUPIL-2 needs them all.</summary>
    private static async Task<Dictionary<Guid, List<Enrolment>>> EnrolmentsOfAsync(
        IApplicationDbContext db, IEnumerable<Pupil> pupils, bool track, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, List<Enrolment>>();
        foreach (var chunk in pupils.Select(p => p.Id).Chunk(ChunkSize))
        {
            var ids = chunk.ToList();
            var query = db.Enrolments.Where(e => ids.Contains(e.PupilId));
            foreach (var enrolment in await (track ? query : query.AsNoTracking()).ToListAsync(cancellationToken))
            {
                if (!result.TryGetValue(enrolment.PupilId, out var list))
                {
                    result[enrolment.PupilId] = list = [];
                }

                list.Add(enrolment);
            }
        }

        return result;
    }
}
