using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Institutions;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Application.Pupils.Reconciliation;

/// <summary>
/// "Fasen vergelijken" (R-RECON-1/2, FORMATS.md §3): a coordinator of a partner uploads its own phases for a date; the
/// checked rows are kept per partner, route and date until they expire (<see cref="PhaseUpload.ExpiryFor"/>) so the other
/// partner's upload for the same date can be compared with them. Nothing changes in the register until the user adopts
/// chosen differences (<see cref="AdoptAsync"/>), all in one transaction, as new phase registrations (R-PUPIL-4).
/// Only pupils the user may see are ever shown (R-PRIV-1); any other number in the file is "niet in deze leerroute".
/// </summary>
public sealed class ReconcilePhases(
    IApplicationDbContextFactory contexts,
    AccessScope scope,
    IPupilCsvReader reader,
    IAuditTrail audit,
    TimeProvider time,
    ILogger<ReconcilePhases> logger)
{
    private const string Where = "fasen vergelijken";

    /// <summary>R-RECON-1: the date the page opens on (the coming count date, after it the last one).</summary>
    public DateOnly DefaultDate() => PhaseComparison.DefaultDate(DutchTime.Today(time.GetUtcNow().UtcDateTime));

    /// <summary>Checks and keeps the user's file for the route and date (replacing its earlier one), then compares.</summary>
    public async Task<PhaseReconciliationView> UploadAsync(Guid routeId, DateOnly date, Stream file, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var target = await TargetAsync(db, routeId, cancellationToken);
        if (target.IsFailure)
        {
            return PhaseReconciliationView.Refused(routeId, date, target.Errors.Select(PupilImportError.ForFile).ToList());
        }

        var content = await ImportPupils.ReadAtMostAsync(file, PhaseFileFormat.MaxBytes, cancellationToken);
        if (content is null)
        {
            return PhaseReconciliationView.Refused(routeId, date, [PupilImportError.ForFile(PupilImportErrors.FileTooLarge)]);
        }

        var (route, own) = target.Value;
        var partnerIds = route.Partners.Select(p => p.InstitutionId).ToList();
        var brins = await db.Institutions.AsNoTracking().Where(i => partnerIds.Contains(i.Id)).Select(i => i.Brin).ToListAsync(cancellationToken);
        var parsed = PhaseFileParser.Parse(reader.Read(content.Value, PhaseFileFormat.MaxRows), brins.Select(b => b.Value).ToList());
        if (parsed.Errors.Count > 0)
        {
            logger.LogInformation("Phase file for route {RouteId} refused: {ErrorCount} error(s)", routeId, parsed.Errors.Count);
            return PhaseReconciliationView.Refused(routeId, date, parsed.Errors);
        }

        // R-PRIV-1: only the enrolments the user may see are matched; any other number is kept masked, like an unknown one.
        var register = await RegisterAsync(db, routeId, cancellationToken);
        var byNumber = register
            .GroupBy(r => r.Enrolment.Number)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Enrolment.IsActiveOn(date)).First().Enrolment.EnrolmentId);
        // Kept: per pupil only the row in force on the date (the upload is for that date), so a kept row is one pupil.
        var rows = parsed.Rows
            .Where(r => r.ValidFrom <= date)
            .GroupBy(r => r.Number)
            .Select(g => g.MaxBy(r => r.ValidFrom)!)
            .OrderBy(r => r.Line)
            .Select(r => new StoredPhaseRow(
                r.Line, byNumber.TryGetValue(r.Number, out var id) ? id : null, r.Number.Masked, r.Phase, r.ValidFrom))
            .ToList();

        var now = time.GetUtcNow().UtcDateTime;
        // The new file replaces the own earlier one for this date, in one transaction: a failed save keeps the earlier one.
        // Expired files of anyone are removed by the retention job.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.PhaseUploads.Where(u => u.RouteId == routeId && u.InstitutionId == own.InstitutionId && u.Date == date)
                .ExecuteDeleteAsync(cancellationToken);
            db.PhaseUploads.Add(PhaseUpload.Create(routeId, own.InstitutionId, own.Sector, date, scope.User.UserId, now, rows));
            audit.RecordWith(db, scope.User, [AuditEvent.PhaseFileUploaded(routeId, date, rows.Count)]); // R-PRIV-2, in the same save
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Phase file for route {RouteId} kept: {RowCount} rows", routeId, rows.Count);

        return await CompareAsync(db, route, own, date, register, cancellationToken);
    }

    /// <summary>The comparison from the kept files for the date (the user's own, and the other partner's when there).</summary>
    public async Task<PhaseReconciliationView> CompareAsync(Guid routeId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var target = await TargetAsync(db, routeId, cancellationToken);
        if (target.IsFailure)
        {
            return PhaseReconciliationView.Refused(routeId, date, target.Errors.Select(PupilImportError.ForFile).ToList());
        }

        var register = await RegisterAsync(db, routeId, cancellationToken);
        return await CompareAsync(db, target.Value.Route, target.Value.Own, date, register, cancellationToken);
    }

    /// <summary>The comparison for the CSV of differences: as <see cref="CompareAsync(Guid, DateOnly, CancellationToken)"/>, and recorded (R-PRIV-2).</summary>
    public async Task<PhaseReconciliationView> ExportAsync(Guid routeId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var view = await CompareAsync(routeId, date, cancellationToken);
        if (view.Errors.Count == 0)
        {
            await audit.RecordAsync(scope.User, AuditEvent.PhaseDifferencesExported(routeId, date, view.Differences.Count()), cancellationToken);
        }

        return view;
    }

    /// <summary>
    /// Adopts the chosen differences of the user's own file as phase registrations, in one transaction, recorded by the
    /// user at the server's time (R-PUPIL-4) and audited (R-PRIV-2). When the comparison is no longer what the page
    /// showed, nothing is adopted.
    /// </summary>
    public async Task<Result<PhaseAdoptionOutcome>> AdoptAsync(
        Guid routeId, DateOnly date, IReadOnlyCollection<PhaseAdoption> choices, CancellationToken cancellationToken = default)
    {
        if (choices.Count == 0)
        {
            return Result<PhaseAdoptionOutcome>.Failure(PhaseReconciliationErrors.NothingSelected);
        }

        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var target = await TargetAsync(db, routeId, cancellationToken);
        if (target.IsFailure)
        {
            return Result<PhaseAdoptionOutcome>.Failure(target.Errors);
        }

        var register = await RegisterAsync(db, routeId, cancellationToken);
        var view = await CompareAsync(db, target.Value.Route, target.Value.Own, date, register, cancellationToken);
        var shown = view.Items.Where(i => i.EnrolmentId is not null).ToDictionary(i => i.EnrolmentId!.Value);
        foreach (var choice in choices)
        {
            if (!shown.TryGetValue(choice.EnrolmentId, out var item))
            {
                // Not a pupil of this route the user may see (or one that left the comparison): refused and recorded.
                await scope.RecordRefusalAsync(db, AuditObject.Enrolment, choice.EnrolmentId, Where, cancellationToken);
                return Result<PhaseAdoptionOutcome>.Failure(PhaseReconciliationErrors.Stale);
            }

            if (item.Register != choice.Register || item.Own != choice.File)
            {
                return Result<PhaseAdoptionOutcome>.Failure(PhaseReconciliationErrors.Stale);
            }
        }

        var notAdoptable = choices.Count(c => !shown[c.EnrolmentId].CanAdopt);
        if (notAdoptable > 0)
        {
            return Result<PhaseAdoptionOutcome>.Failure(PhaseReconciliationErrors.NotAdoptable(notAdoptable));
        }

        var ids = choices.Select(c => c.EnrolmentId).Distinct().ToList();
        var enrolments = await scope.Enrolments(db).Where(e => e.RouteId == routeId && ids.Contains(e.Id)).ToListAsync(cancellationToken);
        var actor = scope.User.ToActor();
        var now = time.GetUtcNow().UtcDateTime;
        var errors = new List<DomainError>();
        var dates = new SortedSet<DateOnly>();
        foreach (var enrolment in enrolments)
        {
            var choice = choices.First(c => c.EnrolmentId == enrolment.Id);
            foreach (var (phase, from) in choice.Registrations())
            {
                var recorded = enrolment.RecordPhase(phase, from, actor, now);
                errors.AddRange(recorded.Errors);
                dates.Add(from);
            }
        }

        if (errors.Count > 0)
        {
            return Result<PhaseAdoptionOutcome>.Failure(errors.Distinct().ToList());
        }

        audit.RecordWith(db, scope.User, enrolments.Select(e => AuditEvent.PhaseRecorded(e.Id, e.PupilId, Where)).ToList());
        var saved = await db.TrySaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
        {
            return Result<PhaseAdoptionOutcome>.Failure(PhaseReconciliationErrors.Stale);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Phase differences adopted for route {RouteId}: {PupilCount} pupils", routeId, enrolments.Count);
        return Result<PhaseAdoptionOutcome>.Success(new PhaseAdoptionOutcome(enrolments.Count, dates.ToList()));
    }

    private async Task<PhaseReconciliationView> CompareAsync(
        IApplicationDbContext db, Route route, RoutePartner own, DateOnly date,
        IReadOnlyList<(RegisterEnrolment Enrolment, string Name)> register, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var uploads = await db.PhaseUploads.AsNoTracking()
            .Where(u => u.RouteId == route.Id && u.Date == date && u.ExpiresAt >= now)
            .ToListAsync(cancellationToken);
        var mine = uploads.SingleOrDefault(u => u.InstitutionId == own.InstitutionId);
        var other = uploads.Where(u => u.Sector != own.Sector).OrderByDescending(u => u.UploadedAt).FirstOrDefault();
        if (mine is null && other is null)
        {
            return new PhaseReconciliationView(route.Id, date, own.Sector, false, false, null, [], []);
        }

        var byId = register.ToDictionary(r => r.Enrolment.EnrolmentId);
        var ownRows = mine?.ReadRows() ?? [];
        List<PhaseFileRow>? Known(PhaseUpload? upload, IReadOnlyList<StoredPhaseRow> rows) => upload is null ? null : rows
            .Where(r => r.EnrolmentId is { } id && byId.ContainsKey(id))
            .Select(r => new PhaseFileRow(r.Line, byId[r.EnrolmentId!.Value].Enrolment.Number, r.Phase, r.ValidFrom))
            .ToList();

        var ownKnown = Known(mine, ownRows);
        var otherKnown = Known(other, other?.ReadRows() ?? []);
        var lines = PhaseComparison.Compare(
            register.Select(r => r.Enrolment), date,
            own.Sector == Sector.Vo ? ownKnown : otherKnown,
            own.Sector == Sector.Vo ? otherKnown : ownKnown,
            own.Sector);

        var items = lines
            .Where(l => l.EnrolmentId is not null)
            .Select(l =>
            {
                var (ownSide, otherSide) = own.Sector == Sector.Vo ? (l.Vo, l.Mbo) : (l.Mbo, l.Vo);
                return new PhaseReconciliationItem(
                    l.EnrolmentId, l.Number.Masked, byId[l.EnrolmentId!.Value].Name, l.KindFor(own.Sector), l.Register,
                    ownSide, otherSide, l.Disagreement);
            })
            .ToList();

        // R-PRIV-1: a number of the own file that is no pupil of this route the user may see (unknown, another
        // institution's, or no longer enrolled on the date) is only in the file, shown masked as the file held it.
        var activeIds = register.Where(r => r.Enrolment.IsActiveOn(date)).Select(r => r.Enrolment.EnrolmentId).ToHashSet();
        var onlyInFile = ownRows
            .Where(r => r.EnrolmentId is not { } id || !activeIds.Contains(id))
            .Select(r => new PhaseReconciliationItem(
                null, r.MaskedNumber, null, PhaseComparisonKind.OnlyInFile, null, new PhaseOnDate(r.Phase, r.ValidFrom), null, otherKnown is not null))
            .ToList();

        var all = items.Where(i => i.Kind != PhaseComparisonKind.OnlyInFile).Concat(onlyInFile)
            .OrderByDescending(i => i.Disagreement)
            .ThenBy(i => i.Kind == PhaseComparisonKind.Same)
            .ThenBy(i => i.Kind)
            .ThenBy(i => i.MaskedNumber, StringComparer.Ordinal)
            .ToList();
        return new PhaseReconciliationView(route.Id, date, own.Sector, mine is not null, other is not null, mine?.ExpiresAt, all, []);
    }

    private async Task<List<(RegisterEnrolment Enrolment, string Name)>> RegisterAsync(
        IApplicationDbContext db, Guid routeId, CancellationToken cancellationToken)
    {
        var rows = await (from e in scope.Enrolments(db).Where(e => e.RouteId == routeId)
                          join p in db.Pupils on e.PupilId equals p.Id
                          select new { Enrolment = e, Pupil = p })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(x => (new RegisterEnrolment(
                x.Enrolment.Id, x.Pupil.Number, x.Enrolment.StartDate, x.Enrolment.EndDate,
                x.Enrolment.Phases.Select(p => p.ToRecord()).ToList()), x.Pupil.FullName))
            .ToList();
    }

    /// <summary>The route and the user's own partnership; refused (and recorded) for anyone but a partner's coordinator.</summary>
    private async Task<Result<(Route Route, RoutePartner Own)>> TargetAsync(IApplicationDbContext db, Guid routeId, CancellationToken cancellationToken)
    {
        var route = await scope.Routes(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken);
        if (route is null)
        {
            await scope.RecordRefusalAsync(db, AuditObject.Route, routeId, Where, cancellationToken);
            return Result<(Route, RoutePartner)>.Failure(RouteErrors.NotFound);
        }

        var actor = scope.User.ToActor();
        var own = route.Partners.FirstOrDefault(p => p.InstitutionId == actor.InstitutionId);
        if (actor.Role != UserRole.Coordinator || own is null)
        {
            await scope.RecordForbiddenAsync(AuditObject.Route, routeId, Where, cancellationToken);
            return Result<(Route, RoutePartner)>.Failure(
                actor.Role == UserRole.Viewer ? DomainErrors.Access.ReadOnly : PhaseReconciliationErrors.NotPartnerCoordinator);
        }

        return route.Status != RouteStatus.Registered
            ? Result<(Route, RoutePartner)>.Failure(PhaseReconciliationErrors.RouteNotRegistered)
            : Result<(Route, RoutePartner)>.Success((route, own));
    }
}
