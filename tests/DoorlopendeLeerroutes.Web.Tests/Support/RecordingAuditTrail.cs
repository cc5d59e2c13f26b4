using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>An audit trail for component tests: remembers what was recorded, stores nothing, reads nothing.</summary>
public sealed class RecordingAuditTrail : IAuditTrail
{
    public List<AuditKind> Recorded { get; } = [];

    public Task RecordAsync(AuditKind kind, Guid? actorUserId, string? subject, string? detail, CancellationToken cancellationToken = default)
    {
        Recorded.Add(kind);
        return Task.CompletedTask;
    }

    public Task RecordAsync(UserContext user, AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        RecordAsync(user, [auditEvent], cancellationToken);

    public Task RecordAsync(UserContext user, IReadOnlyCollection<AuditEvent> auditEvents, CancellationToken cancellationToken = default)
    {
        Recorded.AddRange(auditEvents.Select(e => e.Kind));
        return Task.CompletedTask;
    }

    public void RecordWith(IApplicationDbContext db, UserContext user, IReadOnlyCollection<AuditEvent> auditEvents) =>
        Recorded.AddRange(auditEvents.Select(e => e.Kind));

    public Task<int> CountSinceAsync(Guid userId, AuditKind kind, DateTime sinceUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(0);

    public Task<PagedResult<AuditEntryView>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PagedResult<AuditEntryView>([], 0));

    public IAsyncEnumerable<AuditEntryView> ReadAllAsync(AuditFilter filter, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<AuditEntryView>();

    public Task<IReadOnlyList<AuditEntryView>> PupilHistoryAsync(
        Guid pupilId, IReadOnlyCollection<Guid>? institutionIds, IReadOnlyCollection<(string SchoolYear, Guid InstitutionId)> countedAt,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntryView>>([]);

    public Task<int> RemoveOlderThanAsync(DateTime cutoffUtc, CancellationToken cancellationToken = default) => Task.FromResult(0);
}
