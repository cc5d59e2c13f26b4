namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>What a bulk phase change did: new registrations, and pupils who already had that phase on that date.</summary>
public sealed record BulkPhaseOutcome(int Recorded, int Unchanged);

/// <summary>
/// Sets the phase of several pupils of one route from one date, e.g. a whole cohort to the mbo-fase on 1 August
/// (R-PUPIL-4: each gets a new registration, nothing is overwritten). All or nothing: when one selected pupil cannot
/// get the phase, none does, and the message names who and why.
/// </summary>
public sealed class BulkPhaseChange(IApplicationDbContextFactory contexts, AccessScope scope, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Enough for any real cohort; keeps one save (and one transaction) reasonable.</summary>
    public const int MaxSelection = 2_000;

    // SQL Server allows about 2,100 parameters per query; look-ups go in slices well below that.
    private const int LookupSlice = 500;

    public async Task<Result<BulkPhaseOutcome>> ExecuteAsync(
        Guid routeId, IReadOnlyCollection<Guid> enrolmentIds, Phase phase, DateOnly validFrom, CancellationToken cancellationToken = default)
    {
        var ids = enrolmentIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return Result<BulkPhaseOutcome>.Failure(PupilErrors.NothingSelected);
        }

        if (ids.Count > MaxSelection)
        {
            return Result<BulkPhaseOutcome>.Failure(PupilErrors.TooManySelected);
        }

        var actor = scope.User.ToActor();
        if (actor.Role != UserRole.Coordinator)
        {
            // One message for the whole selection instead of the same refusal per pupil.
            await scope.RecordForbiddenAsync(AuditObject.Route, routeId, "fase van leerlingen wijzigen met alleen leesrechten", cancellationToken);
            return Result<BulkPhaseOutcome>.Failure(DomainErrors.Access.ReadOnly);
        }

        await using var db = await contexts.CreateAsync(cancellationToken);
        var enrolments = new List<Enrolment>(ids.Count);
        foreach (var slice in ids.Chunk(LookupSlice))
        {
            enrolments.AddRange(await scope.Enrolments(db)
                .Where(e => e.RouteId == routeId && slice.Contains(e.Id))
                .ToListAsync(cancellationToken));
        }

        if (enrolments.Count != ids.Count)
        {
            // Usually a stale list; an id of another institution's pupil is recorded as a refused attempt (R-PRIV-2).
            foreach (var missing in ids.Except(enrolments.Select(e => e.Id)).Take(LookupSlice))
            {
                await scope.RecordRefusalAsync(db, AuditObject.Enrolment, missing, "fase van leerlingen wijzigen", cancellationToken);
            }

            return Result<BulkPhaseOutcome>.Failure(PupilErrors.SelectionChanged);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var refusals = new List<(Guid PupilId, DomainError Error)>();
        var changed = new List<Enrolment>();
        foreach (var enrolment in enrolments)
        {
            if (enrolment.PhaseOn(validFrom) == phase && enrolment.StartDate <= validFrom
                && (enrolment.EndDate is null || validFrom <= enrolment.EndDate))
            {
                continue; // already in that phase on that date: nothing to register
            }

            var result = enrolment.RecordPhase(phase, validFrom, actor, now);
            if (result.IsFailure)
            {
                refusals.AddRange(result.Errors.Select(e => (enrolment.PupilId, e)));
            }
            else
            {
                changed.Add(enrolment);
            }
        }

        if (refusals.Count > 0)
        {
            return Result<BulkPhaseOutcome>.Failure(await NamedAsync(db, refusals, cancellationToken));
        }

        if (changed.Count > 0)
        {
            audit.RecordWith(db, scope.User, changed.Select(e => AuditEvent.PhaseRecorded(e.Id, e.PupilId, "groepswijziging")).ToList());
            // Someone changed one of these pupils meanwhile (its version token moved on): nothing is saved.
            var saved = await db.TrySaveChangesAsync(cancellationToken);
            if (saved.IsFailure)
            {
                return Result<BulkPhaseOutcome>.Failure(saved.Errors);
            }
        }

        return Result<BulkPhaseOutcome>.Success(new BulkPhaseOutcome(changed.Count, enrolments.Count - changed.Count));
    }

    /// <summary>"Jan de Vries: De fase kan niet ingaan vóór de startdatum." — one line per refused pupil, by name.</summary>
    private static async Task<List<DomainError>> NamedAsync(
        IApplicationDbContext db, List<(Guid PupilId, DomainError Error)> refusals, CancellationToken cancellationToken)
    {
        var pupilIds = refusals.Select(r => r.PupilId).Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var slice in pupilIds.Chunk(LookupSlice))
        {
            foreach (var pupil in await db.Pupils.AsNoTracking().Where(p => slice.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                names[pupil.Id] = pupil.FullName;
            }
        }

        return refusals
            .OrderBy(r => names.GetValueOrDefault(r.PupilId), StringComparer.CurrentCulture)
            .Select(r => r.Error with { Message = $"{names.GetValueOrDefault(r.PupilId, "Onbekende leerling")}: {r.Error.Message}" })
            .ToList();
    }
}
