using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>Writes the audit log in its own short-lived context, so a failed business save never loses the line.</summary>
internal sealed class AuditTrail(IDbContextFactory<AppDbContext> contexts, TimeProvider time) : IAuditTrail
{
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

    public async Task<PagedResult<AuditEntryView>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.AuditLog.CountAsync(cancellationToken);
        var items = await db.AuditLog
            .OrderByDescending(a => a.At)
            .Skip(page.Skip).Take(page.Take)
            .Select(a => new AuditEntryView(
                a.At, a.Kind, db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.Email).FirstOrDefault(), a.Subject, a.Detail))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryView>(items, total);
    }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
