using DoorlopendeLeerroutes.Application.Notifications;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoorlopendeLeerroutes.Infrastructure.Notifications;

/// <summary>
/// One coordinator's weekly digest of one week (R-TASK-1), claimed before it is sent. The key (person, week) makes the
/// claim succeed once across app instances. <see cref="Tasks"/> is null while claimed, then the number of tasks the mail
/// listed (0: nothing to do, no mail that week).
/// </summary>
public sealed class EmailDigestSent
{
    public Guid UserId { get; set; }

    /// <summary>The Monday of the week (<see cref="DigestSchedule.WeekStart"/>).</summary>
    public DateOnly WeekStart { get; set; }

    public DateTime ClaimedAt { get; set; }

    public int? Tasks { get; set; }
}

internal sealed class EmailDigestSentConfiguration : IEntityTypeConfiguration<EmailDigestSent>
{
    public void Configure(EntityTypeBuilder<EmailDigestSent> builder)
    {
        builder.ToTable("EmailDigestsSent");
        builder.HasKey(d => new { d.UserId, d.WeekStart });
        builder.HasIndex(d => d.WeekStart);
    }
}

/// <summary><see cref="ISentDigests"/> on the app's database: insert first, then send.</summary>
internal sealed class SentDigests(IDbContextFactory<AppDbContext> contexts, TimeProvider time) : ISentDigests
{
    public async Task<IReadOnlySet<Guid>> HandledAsync(DateOnly weekStart, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.EmailDigestsSent.Where(d => d.WeekStart == weekStart).Select(d => d.UserId).ToListAsync(cancellationToken))
            .ToHashSet();
    }

    public async Task<bool> TryClaimAsync(Guid userId, DateOnly weekStart, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.EmailDigestsSent.Add(new EmailDigestSent { UserId = userId, WeekStart = weekStart, ClaimedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // the key exists: another run or instance claimed this digest first
        }
    }

    public async Task CompleteAsync(Guid userId, DateOnly weekStart, int tasks, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.EmailDigestsSent.Where(d => d.UserId == userId && d.WeekStart == weekStart)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Tasks, tasks), cancellationToken);
    }

    public async Task ReleaseAsync(Guid userId, DateOnly weekStart, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.EmailDigestsSent.Where(d => d.UserId == userId && d.WeekStart == weekStart).ExecuteDeleteAsync(cancellationToken);
    }
}
