using System.Runtime.CompilerServices;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Infrastructure.Auditing;

/// <summary>
/// Writes the audit log in its own short-lived context, so a failed business save never loses the line, and a line is
/// never lost with a business save that is rolled back.
/// </summary>
internal sealed class AuditTrail(IDbContextFactory<AppDbContext> contexts, TimeProvider time) : IAuditTrail
{
    /// <summary>
    /// A page that shows a pupil is rendered twice per visit (prerendered, then interactive); one visit is one line.
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
            if (auditEvent.Kind == AuditKind.PupilPageViewed && await ViewedJustNowAsync(db, user.UserId, auditEvent, now, cancellationToken))
            {
                continue;
            }

            db.AuditLog.Add(new AuditEntry
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
            });
        }

        await db.SaveChangesAsync(cancellationToken);
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

    public async Task<IReadOnlyList<PupilAccessLine>> PupilHistoryAsync(
        Guid pupilId, IReadOnlyCollection<Guid> institutionIds, IReadOnlyCollection<string> countedSchoolYears,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var institutions = institutionIds.ToList();
        var years = countedSchoolYears.ToList();
        var lines = db.AuditLog.Where(a =>
            a.PupilId == pupilId
            || (a.Kind == AuditKind.CountExported && a.Subject != null && years.Contains(a.Subject)
                && (a.ActorInstitutionId == null || institutions.Contains(a.ActorInstitutionId.Value))));
        return await (
                from line in lines
                join user in db.Users on line.ActorUserId equals user.Id into users
                from user in users.DefaultIfEmpty()
                join institution in db.Institutions on line.ActorInstitutionId equals institution.Id into owners
                from institution in owners.DefaultIfEmpty()
                orderby line.At descending
                select new PupilAccessLine(
                    line.At, line.Kind, user == null ? "onbekend" : user.DisplayName + " (" + user.Email + ")",
                    institution == null ? null : institution.Name,
                    line.Kind == AuditKind.CountExported ? line.Subject + ", " + line.Detail : line.Detail))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> RemoveOlderThanAsync(DateTime cutoffUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = DutchTime.EnsureUtc(cutoffUtc);
        return await db.AuditLog.Where(a => a.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task<bool> ViewedJustNowAsync(
        AppDbContext db, Guid userId, AuditEvent view, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - RepeatedViewWindow;
        return await db.AuditLog.AnyAsync(
            a => a.ActorUserId == userId && a.Kind == view.Kind && a.ObjectId == view.ObjectId && a.At >= since, cancellationToken);
    }

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
        join institution in db.Institutions on line.ActorInstitutionId equals institution.Id into owners
        from institution in owners.DefaultIfEmpty()
        orderby line.At descending
        select new AuditEntryView(
            line.At, line.Kind, user == null ? null : user.Email, institution == null ? null : institution.Name,
            line.Subject, line.ObjectKind, line.ObjectId, line.Count, line.Detail);

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
