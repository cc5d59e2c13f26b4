using DoorlopendeLeerroutes.Application.Counting;

namespace DoorlopendeLeerroutes.Application.Monitoring;

/// <summary>
/// The monitor of one school year on its count date (R-MON-3), for administrators only: the registry's national picture.
/// There is no read-only registry role (yet); coordinators and viewers are refused, and the refusal is recorded (R-PRIV-2).
/// The count itself is the count report's (<see cref="ScopedCount"/> → <c>FundingCount</c>): one rule, one place.
/// </summary>
public sealed class MonitorQuery(IApplicationDbContextFactory contexts, AccessScope scope, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Where a refusal is recorded as having been asked for.</summary>
    public const string Path = "/beheer/monitor";

    public async Task<MonitorReport> ExecuteAsync(SchoolYear year, CancellationToken cancellationToken = default)
    {
        await RequireAdministratorAsync(cancellationToken);
        await using var db = await contexts.CreateAsync(cancellationToken);
        var (count, _, tracks) = await ScopedCount.CalculateWithTracksAsync(
            db, scope, year, time.GetUtcNow().UtcDateTime, cancellationToken);

        // Every version of every route: a few thousand rows at most, and what "registered on the count date" needs.
        var versions = await db.Routes.AsNoTracking()
            .Select(r => new MonitorRouteVersion(
                r.Id, r.Code, r.Definition.Type, r.Definition.Profile, r.Definition.Level, r.RegisteredAt, r.EndDate))
            .ToListAsync(cancellationToken);

        var schoolIds = count.Lines.Select(l => l.Enrolment.VoInstitutionId).Distinct().ToList();
        var schools = (await db.Institutions.AsNoTracking()
                .Where(i => schoolIds.Contains(i.Id))
                .Select(i => new { i.Id, i.Brin, i.Name, i.Municipality, i.Province, i.RmcRegion })
                .ToListAsync(cancellationToken))
            .Select(i => new MonitorSchool(i.Id, i.Brin.Value, i.Name, i.Municipality, i.Province, i.RmcRegion));

        return MonitorCalculation.Calculate(count, tracks, versions, schools);
    }

    private async Task RequireAdministratorAsync(CancellationToken cancellationToken)
    {
        if (!scope.IsAdministrator)
        {
            await audit.RecordAsync(scope.User, AuditEvent.Forbidden(Path), cancellationToken);
            throw new AccessDeniedException("The monitor is for administrators only.");
        }
    }
}

/// <summary>
/// The monitor as an xlsx workbook: a sheet "Toelichting", then one sheet per table, with exactly the page's cells. Counts
/// only, no pupil (R-MON-3); the export is recorded all the same (kind <see cref="AuditKind.MonitorExported"/>).
/// </summary>
public sealed class MonitorExport(MonitorQuery query, ISpreadsheetWriter spreadsheets, AccessScope scope, IAuditTrail audit)
{
    public async Task WriteAsync(SchoolYear year, Stream target, CancellationToken cancellationToken = default)
    {
        var report = await query.ExecuteAsync(year, cancellationToken);
        var sheets = MonitorTables.Build(report).Prepend(MonitorTables.About(report))
            .Select(t => new SpreadsheetSheet(t.SheetName, t.Header, t.Total is null ? t.Rows : [.. t.Rows, t.Total]))
            .ToList();
        await spreadsheets.WriteAsync(target, sheets, cancellationToken);
        await audit.RecordAsync(scope.User, AuditEvent.MonitorExported(year.ToString(), sheets.Count), cancellationToken);
    }
}
