using System.Runtime.CompilerServices;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Infrastructure.Persistence;

namespace DoorlopendeLeerroutes.Infrastructure.Auditing;

/// <summary>
/// Writes the audit log in its own short-lived context, so a failed business save never loses the line, and a line is
/// never lost with a business save that is rolled back.
/// </summary>
internal sealed class AuditTrail(IDbContextFactory<AppDbContext> contexts, TimeProvider time) : IAuditTrail
{
    /// <summary>
    /// A page is rendered twice per visit (prerendered, then interactive); one visit to a pupil's page, or one refused
    /// visit to another institution's page, is one line.
    /// </summary>
    private static readonly TimeSpan RepeatedViewWindow = TimeSpan.FromMinutes(1);

    public async Task RecordAsync(
        AuditKind kind, Guid? actorUserId, string? subject, string? detail, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Kind = kind,
            ActorUserId = actorUserId,
            Subject = Truncate(subject, AuditEntry.MaxSubjectLength),
            Detail = Truncate(detail, AuditEntry.MaxDetailLength),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task RecordAsync(UserContext user, AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        RecordAsync(user, [auditEvent], cancellationToken);

    public async Task RecordAsync(UserContext user, IReadOnlyCollection<AuditEvent> auditEvents, CancellationToken cancellationToken = default)
    {
        if (auditEvents.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var auditEvent in auditEvents)
        {
            if (IsRepeatable(auditEvent) && await SeenJustNowAsync(db, user.UserId, auditEvent, now, cancellationToken))
            {
                continue;
            }

            db.AuditLog.Add(Entry(user, auditEvent, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public void RecordWith(IApplicationDbContext db, UserContext user, IReadOnlyCollection<AuditEvent> auditEvents)
    {
        var context = db as AppDbContext
                      ?? throw new ArgumentException("Audit lines are saved with a change in the app's own context.", nameof(db));
        var now = time.GetUtcNow().UtcDateTime;
        context.AuditLog.AddRange(auditEvents.Select(auditEvent => Entry(user, auditEvent, now)));
    }

    public async Task<int> CountSinceAsync(Guid userId, AuditKind kind, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog
            .Where(a => a.ActorUserId == userId && a.Kind == kind && a.At >= sinceUtc)
            .SumAsync(a => a.Count ?? 1, cancellationToken);
    }

    public async Task<PagedResult<AuditEntryView>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Filtered(db, filter);
        var total = await matching.CountAsync(cancellationToken);
        var items = await NewestFirst(db, matching).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryView>(items, total);
    }

    public async IAsyncEnumerable<AuditEntryView> ReadAllAsync(
        AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var line in NewestFirst(db, Filtered(db, filter)).AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
        {
            yield return line;
        }
    }

    public async Task<IReadOnlyList<AuditEntryView>> PupilHistoryAsync(
        Guid pupilId, IReadOnlyCollection<Guid>? institutionIds, IReadOnlyCollection<(string SchoolYear, Guid InstitutionId)> countedAt,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var everyone = institutionIds is null;
        var institutions = institutionIds?.ToList() ?? [];
        var years = countedAt.Select(c => c.SchoolYear).Distinct().ToList();
        var exporters = countedAt.Select(c => c.InstitutionId).Distinct().ToList();
        var lines = db.AuditLog.Where(a =>
            (a.PupilId == pupilId
             && (everyone || a.ActorInstitutionId == null || institutions.Contains(a.ActorInstitutionId.Value)))
            || (a.Kind == AuditKind.CountExported && a.Subject != null && years.Contains(a.Subject)
                && (a.ActorInstitutionId == null || exporters.Contains(a.ActorInstitutionId.Value))));
        var found = await NewestFirst(db, lines).ToListAsync(cancellationToken);

        // An institution's export held the pupil only in a school year in which that institution counted them.
        var counted = countedAt.ToHashSet();
        return found
            .Where(l => l.Kind != AuditKind.CountExported || l.ActorInstitutionId is not { } exporter || counted.Contains((l.Subject!, exporter)))
            .ToList();
    }

    public async Task<int> RemoveOlderThanAsync(DateTime cutoffUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = DutchTime.EnsureUtc(cutoffUtc);
        return await db.AuditLog.Where(a => a.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A page view or a refused page: the prerendered and the interactive render of one visit are one line.</summary>
    private static bool IsRepeatable(AuditEvent auditEvent) =>
        auditEvent.ObjectId is not null && auditEvent.Kind is AuditKind.PupilPageViewed or AuditKind.AccessRefused;

    private static async Task<bool> SeenJustNowAsync(
        AppDbContext db, Guid userId, AuditEvent auditEvent, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - RepeatedViewWindow;
        return await db.AuditLog.AnyAsync(
            a => a.ActorUserId == userId && a.Kind == auditEvent.Kind && a.ObjectId == auditEvent.ObjectId && a.At >= since,
            cancellationToken);
    }

    private static AuditEntry Entry(UserContext user, AuditEvent auditEvent, DateTime now) => new()
    {
        At = now,
        Kind = auditEvent.Kind,
        ActorUserId = user.UserId,
        ActorInstitutionId = user.InstitutionId,
        Subject = Truncate(auditEvent.Subject, AuditEntry.MaxSubjectLength),
        ObjectKind = auditEvent.ObjectKind,
        ObjectId = auditEvent.ObjectId,
        PupilId = auditEvent.PupilId,
        Count = auditEvent.Count,
        Detail = Truncate(auditEvent.Detail, AuditEntry.MaxDetailLength),
    };

    private static IQueryable<AuditEntry> Filtered(AppDbContext db, AuditFilter filter)
    {
        var query = db.AuditLog.AsNoTracking();
        if (filter.Kinds is { Count: > 0 } kinds)
        {
            var list = kinds.ToList();
            query = query.Where(a => list.Contains(a.Kind));
        }

        if (filter.InstitutionId is { } institution)
        {
            query = query.Where(a => a.ActorInstitutionId == institution);
        }

        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            // Matches the actor's e-mail address or name, or the account a line is about (a failed sign-in). LIKE is
            // case-insensitive for these texts on SQLite and on SQL Server's default collation.
            var pattern = "%" + filter.Person.Trim().Replace("%", string.Empty, StringComparison.Ordinal) + "%";
            query = query.Where(a =>
                db.Users.Any(u => u.Id == a.ActorUserId && (EF.Functions.Like(u.Email!, pattern) || EF.Functions.Like(u.DisplayName, pattern)))
                || db.ApiClients.Any(c => c.Id == a.ActorUserId && (EF.Functions.Like(c.Name, pattern) || EF.Functions.Like(c.ClientId, pattern)))
                || (a.Subject != null && EF.Functions.Like(a.Subject, pattern)));
        }

        if (filter.From is { } from)
        {
            var start = DutchTime.StartOfDayUtc(from);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = DutchTime.EndOfDayUtc(to);
            query = query.Where(a => a.At < end);
        }

        return query;
    }

    private static IQueryable<AuditEntryView> NewestFirst(AppDbContext db, IQueryable<AuditEntry> lines) =>
        from line in lines
        join user in db.Users on line.ActorUserId equals user.Id into users
        from user in users.DefaultIfEmpty()
        join client in db.ApiClients on line.ActorUserId equals client.Id into clients
        from client in clients.DefaultIfEmpty()
        join institution in db.Institutions on line.ActorInstitutionId equals institution.Id into owners
        from institution in owners.DefaultIfEmpty()
        orderby line.At descending
        select new AuditEntryView(
            line.At, line.Kind, user == null ? null : user.Email,
            user != null ? user.DisplayName : client != null ? "koppeling " + client.Name : null, // an API client (issue 14)
            line.ActorInstitutionId, institution == null ? null : institution.Name,
            line.Subject, line.ObjectKind, line.ObjectId, line.Count, line.Detail);

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
