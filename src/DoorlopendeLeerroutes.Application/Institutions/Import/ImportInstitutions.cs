using DoorlopendeLeerroutes.Application.Pupils.Import;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Application.Institutions.Import;

/// <summary>
/// "Instellingen importeren" (FORMATS.md §4, R-MON-1), for administrators, in two steps. <see cref="PreviewAsync"/> reads
/// and checks a file and stores nothing; <see cref="ConfirmAsync"/> checks the same rows again inside one transaction and
/// stores all of them in one save with one audit line, or nothing. A known BRIN updates that institution, a new BRIN adds
/// one; importing the same file again finds every row "ongewijzigd".
/// </summary>
public sealed class ImportInstitutions(
    IApplicationDbContextFactory contexts,
    AccessScope scope,
    IPupilCsvReader reader,
    IAuditTrail audit,
    ILogger<ImportInstitutions> logger)
{
    /// <summary>Reads and checks <paramref name="file"/>; only administrators (others get <see cref="AccessDeniedException"/>).</summary>
    public async Task<InstitutionImportPreview> PreviewAsync(Stream file, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        var content = await ImportPupils.ReadAtMostAsync(file, InstitutionImportFormat.MaxBytes, cancellationToken);
        if (content is null)
        {
            return InstitutionImportPreview.Refused([PupilImportError.ForFile(PupilImportErrors.FileTooLarge)]);
        }

        var parsed = InstitutionFileParser.Parse(reader.Read(content.Value, InstitutionImportFormat.MaxRows));
        if (parsed.Stop)
        {
            logger.LogInformation("Institution import refused: {ErrorCount} file or header error(s)", parsed.Errors.Count);
            return InstitutionImportPreview.Refused(InFileOrder(parsed.Errors));
        }

        await using var db = await contexts.CreateAsync(cancellationToken);
        var plan = await InstitutionImportPlanner.PlanAsync(db, parsed.Rows, track: false, cancellationToken);
        var errors = InFileOrder(parsed.Errors.Concat(plan.Errors));
        var preview = new InstitutionImportPreview(plan.Lines, errors, errors.Count == 0 ? parsed.Rows : []);
        logger.LogInformation(
            "Institution import preview: {RowCount} rows, {NewCount} new, {ChangedCount} changed, {UnchangedCount} unchanged, {ErrorCount} errors",
            parsed.Rows.Count, preview.Totals.New, preview.Totals.Changed, preview.Totals.Unchanged, errors.Count);
        return preview;
    }

    /// <summary>
    /// Stores a preview without errors in one transaction: every row is checked again against the database (someone may
    /// have changed an institution meanwhile); if any row is no longer valid, nothing is stored and the errors are returned.
    /// </summary>
    public async Task<InstitutionImportOutcome> ConfirmAsync(InstitutionImportPreview preview, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        if (preview.HasErrors)
        {
            return InstitutionImportOutcome.Failed(preview.Errors);
        }

        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await InstitutionImportPlanner.PlanAsync(db, preview.Rows, track: true, cancellationToken);
        if (plan.Errors.Count > 0)
        {
            logger.LogInformation("Institution import not stored: {ErrorCount} rows became invalid since the preview", plan.Errors.Count);
            return InstitutionImportOutcome.Failed(InFileOrder(plan.Errors));
        }

        var totals = InstitutionImportTotals.Of(plan.Lines);
        if (totals.Changes == 0)
        {
            return new InstitutionImportOutcome(totals, []); // the same file again: nothing to store, nothing to record
        }

        db.Institutions.AddRange(plan.New);
        audit.RecordWith(db, scope.User, [AuditEvent.InstitutionsImported(totals.New, totals.Changed, totals.Unchanged)]);
        var saved = await db.TrySaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
        {
            // A unique index (the same BRIN added by someone else) or a concurrent change of an institution.
            logger.LogWarning("Institution import not stored: a simultaneous change came first ({ErrorCode})", saved.Errors[0].Code);
            return InstitutionImportOutcome.Failed([PupilImportError.ForFile(InstitutionImportErrors.ChangedMeanwhile)]);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Institution import stored: {NewCount} new, {ChangedCount} changed, {UnchangedCount} unchanged", totals.New, totals.Changed, totals.Unchanged);
        return new InstitutionImportOutcome(totals, []);
    }

    private static List<PupilImportError> InFileOrder(IEnumerable<PupilImportError> errors) =>
        ImportPupils.InFileOrder(errors, InstitutionImportFormat.Columns);
}
