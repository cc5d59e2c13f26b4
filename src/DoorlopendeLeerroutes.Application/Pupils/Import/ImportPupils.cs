using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Institutions;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Application.Pupils.Import;

/// <summary>
/// "Leerlingen importeren" (docs/formats.md §1) in two steps. <see cref="PreviewAsync"/> reads and checks a file against the
/// rules and the database and stores nothing; <see cref="ConfirmAsync"/> checks the same rows again inside one
/// transaction and stores all of them in that one transaction (two saves: changes to stored enrolments, then the new
/// rows), or nothing. Confirming twice, or importing the same file again,
/// finds every row "ongewijzigd" and adds nothing.
/// </summary>
public sealed class ImportPupils(
    IApplicationDbContextFactory contexts,
    AccessScope scope,
    IPupilNumberIndex numbers,
    IPupilCsvReader reader,
    PupilNumberGuard guard,
    IAuditTrail audit,
    TimeProvider time,
    ILogger<ImportPupils> logger)
{
    private const string Where = "importeren";

    /// <summary>Reads and checks <paramref name="file"/> for the route; refused before reading when the user may not enrol.</summary>
    public async Task<PupilImportPreview> PreviewAsync(
        Guid routeId, Stream file, PupilImportChoice? choice = null, IProgress<PupilImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var measurement = AppTelemetry.MeasureImport("preview"); // issue 17: dlr.import.duration and a span
        choice ??= new PupilImportChoice();
        await using var db = await contexts.CreateAsync(cancellationToken);
        var target = await TargetAsync(db, routeId, choice, cancellationToken);
        if (target.IsFailure)
        {
            return PupilImportPreview.Refused(routeId, target.Errors.Select(PupilImportError.ForFile).ToList());
        }

        progress?.Report(new PupilImportProgress(PupilImportStage.Reading, 0, 0));
        var content = await ReadAtMostAsync(file, PupilImportFormat.MaxBytes, cancellationToken);
        if (content is null)
        {
            logger.LogInformation("Pupil import for route {RouteId} refused: file over the size limit", routeId);
            return PupilImportPreview.Refused(routeId, [PupilImportError.ForFile(PupilImportErrors.FileTooLarge)]);
        }

        var parsed = PupilFileParser.Parse(reader.Read(content.Value, PupilImportFormat.MaxRows));
        if (parsed.Stop)
        {
            logger.LogInformation(
                "Pupil import for route {RouteId} refused: {ErrorCount} file or header error(s)", routeId, parsed.Errors.Count);
            return PupilImportPreview.Refused(routeId, InFileOrder(parsed.Errors));
        }

        if (await guard.IsBlockedAsync(Where, cancellationToken))
        {
            return PupilImportPreview.Refused(routeId, [PupilImportError.ForFile(PupilErrors.NumbersBlocked)]);
        }

        var plan = await new PupilImportPlanner(numbers).PlanAsync(db, target.Value, parsed.Rows, track: false, progress, cancellationToken);

        // R-PRIV-3: numbers of pupils the user may not see count against today's limit; a file that goes past it gets no
        // answer per row at all, so one file cannot ask about many numbers at once.
        var refused = plan.Errors.Count(e => e.Code == PupilErrors.CannotEnrolHere.Code);
        if (refused > 0 && !await guard.RefuseAsync(refused, Where, routeId, cancellationToken))
        {
            logger.LogWarning("Pupil import for route {RouteId} refused: daily limit of refused pupil numbers passed", routeId);
            return PupilImportPreview.Refused(routeId, [PupilImportError.ForFile(PupilErrors.NumbersBlocked)]);
        }

        var errors = InFileOrder(parsed.Errors.Concat(plan.Errors));
        var preview = new PupilImportPreview(
            routeId, new PupilImportChoice(target.Value.VoInstitutionId, target.Value.MboInstitutionId), plan.Lines, errors,
            errors.Count == 0 ? parsed.Rows : [], target.Value.NowUtc);
        logger.LogInformation(
            "Pupil import preview for route {RouteId}: {RowCount} rows, {NewCount} new, {PhaseChangeCount} phase changes, {UnchangedCount} unchanged, {ErrorCount} errors",
            routeId, parsed.Rows.Count, preview.Totals.New, preview.Totals.PhaseChanges, preview.Totals.Unchanged, errors.Count);
        return preview;
    }

    /// <summary>
    /// Stores a preview without errors: every row is checked again against the database inside the transaction (someone
    /// may have enrolled or changed a pupil meanwhile); if any row is no longer valid, nothing is stored and the new
    /// errors are returned.
    /// </summary>
    public async Task<PupilImportOutcome> ConfirmAsync(
        PupilImportPreview preview, IProgress<PupilImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var measurement = AppTelemetry.MeasureImport("confirm"); // issue 17: dlr.import.duration and a span
        if (preview.HasErrors)
        {
            return PupilImportOutcome.Failed(preview.Errors);
        }

        if (time.GetUtcNow().UtcDateTime > preview.ExpiresAt)
        {
            return PupilImportOutcome.Failed([PupilImportError.ForFile(PupilImportErrors.PreviewExpired)]);
        }

        await using var db = await contexts.CreateAsync(cancellationToken);

        // Thousands of new entities are tracked here: every look at the change tracker (SaveChanges itself, each
        // interceptor) would walk all of them again to detect changes. They are detected once, just before the save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // On SQLite this takes the write lock at once (BEGIN IMMEDIATE), so a second confirmation of the same file waits
        // for the first and then finds every row unchanged. On SQL Server the unique indexes and the enrolments'
        // concurrency token refuse what a simultaneous import changed first.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var target = await TargetAsync(db, preview.RouteId, preview.Choice, cancellationToken);
        if (target.IsFailure)
        {
            return PupilImportOutcome.Failed(target.Errors.Select(PupilImportError.ForFile).ToList());
        }

        var plan = await new PupilImportPlanner(numbers).PlanAsync(db, target.Value, preview.Rows, track: true, progress, cancellationToken);
        if (plan.Errors.Count > 0)
        {
            logger.LogInformation(
                "Pupil import for route {RouteId} not stored: {ErrorCount} rows became invalid since the preview", preview.RouteId, plan.Errors.Count);
            return PupilImportOutcome.Failed(InFileOrder(plan.Errors));
        }

        var totals = PupilImportTotals.Of(plan.Lines);
        progress?.Report(new PupilImportProgress(PupilImportStage.Storing, 0, totals.Changes));

        // R-PRIV-2, saved with the import itself: the import as a whole, and per pupil what it did, so each pupil's
        // history shows it. Two saves in the one transaction, so a refused save stores nothing at all: first what the
        // plan changed on stored enrolments, then the new pupils and enrolments, a save of only new rows that the
        // database writes in bulk (BulkInsertDatabase on SQLite, docs/decisions.md).
        audit.RecordWith(db, scope.User,
        [
            AuditEvent.PupilsImported(preview.RouteId, totals.Changes, totals.Unchanged),
            .. plan.PhaseChanges.Select(e => AuditEvent.PhaseRecorded(e.Id, e.PupilId, Where)),
            .. plan.TrackChanges.Select(e => AuditEvent.TrackChanged(e.Id, e.PupilId, Where)),
        ]);
        if (!await SaveAsync(db, preview.RouteId, cancellationToken))
        {
            return PupilImportOutcome.Failed([PupilImportError.ForFile(PupilImportErrors.ChangedMeanwhile)]);
        }

        db.Pupils.AddRange(plan.NewPupils);
        db.Enrolments.AddRange(plan.NewEnrolments);
        audit.RecordWith(db, scope.User, plan.NewEnrolments.Select(e => AuditEvent.PupilEnrolled(e.Id, e.PupilId, Where)).ToList());
        if (!await SaveAsync(db, preview.RouteId, cancellationToken))
        {
            return PupilImportOutcome.Failed([PupilImportError.ForFile(PupilImportErrors.ChangedMeanwhile)]);
        }

        await transaction.CommitAsync(cancellationToken);

        progress?.Report(new PupilImportProgress(PupilImportStage.Storing, totals.Changes, totals.Changes));
        AppTelemetry.RecordRowsImported(totals.New, totals.PhaseChanges, totals.TrackChanges, totals.Unchanged); // issue 17
        logger.LogInformation(
            "Pupil import stored for route {RouteId}: {NewCount} enrolled ({NewPupilCount} new pupils), {PhaseChangeCount} phase changes, {TrackChangeCount} leerweg changes, {UnchangedCount} unchanged",
            preview.RouteId, totals.New, plan.NewPupils.Count, totals.PhaseChanges, totals.TrackChanges, totals.Unchanged);
        return new PupilImportOutcome(totals, []);
    }

    /// <summary>
    /// Saves what is tracked. False when a conflict or a unique index (the same pupil enrolled or created by someone
    /// else) refused it: the import as a whole changed meanwhile.
    /// </summary>
    private async Task<bool> SaveAsync(IApplicationDbContext db, Guid routeId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges(); // automatic detection is off; this finds the phases and leerwegen the plan changed
        var saved = await db.TrySaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
        {
            // Nothing of the provider's message is logged; it may quote a key (R-PUPIL-8).
            logger.LogWarning(
                "Pupil import for route {RouteId} not stored: a simultaneous change came first ({ErrorCode})", routeId, saved.Errors[0].Code);
        }

        return saved.IsSuccess;
    }

    /// <summary>
    /// The route, loaded through the access scope, and the institutions new enrolments get. Refused before the file is
    /// read when the user may not enrol in it: viewers, other institutions, a route that is not registered (R-PUPIL-2).
    /// </summary>
    private async Task<Result<PupilImportPlanner.Target>> TargetAsync(
        IApplicationDbContext db, Guid routeId, PupilImportChoice choice, CancellationToken cancellationToken)
    {
        var route = await scope.Routes(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken);
        if (route is null)
        {
            await scope.RecordRefusalAsync(db, AuditObject.Route, routeId, "leerlingen importeren", cancellationToken);
            return Result<PupilImportPlanner.Target>.Failure(RouteErrors.NotFound);
        }

        var actor = scope.User.ToActor();
        var vo = choice.VoInstitutionId ?? route.DefaultPartner(Sector.Vo, actor.InstitutionId);
        var mbo = choice.MboInstitutionId ?? route.DefaultPartner(Sector.Mbo, actor.InstitutionId);

        // Checked once for the whole file, so a wrong choice is one message, not one per row.
        var errors = await EnrolPupil.MayEnrolAsync(scope, route, actor, vo, mbo, "leerlingen importeren", cancellationToken);
        return errors.Count > 0
            ? Result<PupilImportPlanner.Target>.Failure(errors)
            : Result<PupilImportPlanner.Target>.Success(new PupilImportPlanner.Target(route, actor, vo!.Value, mbo!.Value, time.GetUtcNow().UtcDateTime));
    }

    /// <summary>The file's bytes, or null when there are more than <paramref name="limit"/>: never more is read.</summary>
    internal static async Task<ReadOnlyMemory<byte>?> ReadAtMostAsync(Stream file, long limit, CancellationToken cancellationToken)
    {
        if (file.CanSeek && file.Length - file.Position > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await file.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Errors by line, and within a line in the order of the format's <paramref name="columns"/> (default: this format's).</summary>
    internal static List<PupilImportError> InFileOrder(IEnumerable<PupilImportError> errors, IReadOnlyList<string>? columns = null)
    {
        var order = (columns ?? PupilImportFormat.Columns).ToList();
        return errors
            .OrderBy(e => e.Line ?? 0)
            .ThenBy(e => e.Column is { } column && order.Contains(column) ? order.IndexOf(column) : order.Count)
            .ToList();
    }
}
