using System.Globalization;
using System.Runtime.CompilerServices;

namespace DoorlopendeLeerroutes.Application.Auditing;

/// <summary>
/// The audit log for administrators (R-PRIV-2): filtered and paged on the page, filtered and whole as a CSV file. Reading
/// it is only for administrators.
/// </summary>
public sealed class AuditLogQuery(IAuditTrail audit, AccessScope scope, TimeProvider time)
{
    public static readonly string[] CsvHeader =
        ["Moment", "Gebeurtenis", "Door", "Instelling", "Over", "Object", "Object-id", "Aantal", "Toelichting"];

    public Task<PagedResult<AuditEntryView>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        return audit.ListAsync(filter, page, cancellationToken);
    }

    /// <summary>R-PRIV-3: the people who reached today's limit on refused pupil numbers, for the Beheer start page.</summary>
    public async Task<IReadOnlyList<AuditEntryView>> LimitReachedTodayAsync(CancellationToken cancellationToken = default)
    {
        var today = DutchTime.Today(time.GetUtcNow().UtcDateTime);
        return (await ListAsync(new AuditFilter([AuditKind.PupilNumberLimitReached], From: today), new PageRequest(0, PageRequest.MaxPageSize), cancellationToken)).Items;
    }

    /// <summary>The matching lines as CSV rows (docs/formats.md's common rules), header first.</summary>
    public async IAsyncEnumerable<string[]> ExportAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        yield return CsvHeader;
        await foreach (var line in audit.ReadAllAsync(filter, cancellationToken))
        {
            yield return
            [
                TimeZoneInfo.ConvertTimeFromUtc(line.At, DutchTime.Zone).ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture),
                AuditLabels.Describe(line.Kind),
                line.ActorEmail ?? string.Empty,
                line.Institution ?? string.Empty,
                line.Subject ?? string.Empty,
                line.ObjectKind is { } kind ? AuditLabels.Describe(kind) : string.Empty,
                line.ObjectId?.ToString() ?? string.Empty,
                line.Count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                line.Detail ?? string.Empty,
            ];
        }
    }
}

/// <summary>
/// A pupil's access history, "wie heeft deze gegevens bekeken" (R-PRIV-2), for coordinators of the pupil's own schools
/// and administrators; null for anyone else (as the pupil page itself). A coordinator sees what administrators and the
/// schools of the pupil's enrolments they may see did, never the actions of another school of another enrolment (that
/// would tell them where else the pupil is or was, R-PRIV-1); administrators see everything.
/// </summary>
public sealed class PupilAccessHistoryQuery(IApplicationDbContextFactory contexts, AccessScope scope, IAuditTrail audit, TimeProvider time)
{
    public async Task<IReadOnlyList<AuditEntryView>?> ExecuteAsync(Guid enrolmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var enrolment = await scope.Enrolments(db).AsNoTracking()
            .Where(e => e.Id == enrolmentId).Select(e => new { e.PupilId, e.VoInstitutionId, e.MboInstitutionId })
            .SingleOrDefaultAsync(cancellationToken);
        var actor = scope.User.ToActor();
        if (enrolment is null
            || !(actor.IsAdministrator || actor.IsCoordinatorOf(enrolment.VoInstitutionId) || actor.IsCoordinatorOf(enrolment.MboInstitutionId)))
        {
            return null;
        }

        // The pupil's enrolments this user may see, also in other routes: their schools' actions and count exports.
        var periods = await scope.Enrolments(db).AsNoTracking().Where(e => e.PupilId == enrolment.PupilId)
            .Select(e => new { e.StartDate, e.EndDate, e.VoInstitutionId, e.MboInstitutionId })
            .ToListAsync(cancellationToken);
        var today = DutchTime.Today(time.GetUtcNow().UtcDateTime);
        var countedAt = periods
            .SelectMany(p => CountedSchoolYears(p.StartDate, p.EndDate, today)
                .SelectMany(year => new[] { (year.ToString(), p.VoInstitutionId), (year.ToString(), p.MboInstitutionId) }))
            .Distinct().ToList();
        var institutions = actor.IsAdministrator
            ? null
            : periods.SelectMany(p => new[] { p.VoInstitutionId, p.MboInstitutionId }).Distinct().ToList();
        return await audit.PupilHistoryAsync(enrolment.PupilId, institutions, countedAt, cancellationToken);
    }

    /// <summary>The school years up to today whose count date falls inside an enrolment (R-COUNT-2).</summary>
    private static IEnumerable<SchoolYear> CountedSchoolYears(DateOnly start, DateOnly? end, DateOnly today)
    {
        var last = end is { } ended && ended < today ? ended : today;
        for (var year = SchoolYear.Containing(start); year.CountDate <= last; year = year.Next)
        {
            if (year.CountDate >= start)
            {
                yield return year;
            }
        }
    }
}
