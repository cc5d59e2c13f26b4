using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>
/// R-PRIV-1 and R-PRIV-3: what a person hears about a pupil number that belongs to a pupil they may not see, and how
/// often. The answer never depends on the name or birth date entered and never says where or whether the pupil is
/// enrolled; each such refusal is recorded, and past <see cref="PrivacyOptions.PupilNumberRefusalsPerDay"/> in one Dutch
/// day the person can no longer enter pupil numbers (enrol, import, look-up) until midnight. Administrators see both in
/// the audit log.
/// </summary>
public sealed class PupilNumberGuard(IAuditTrail audit, AccessScope scope, IOptions<PrivacyOptions> options, TimeProvider time)
{
    /// <summary>Whether the user has used up today's refusals; a blocked attempt is recorded as such.</summary>
    public async Task<bool> IsBlockedAsync(string where, CancellationToken cancellationToken = default)
    {
        if (await RemainingTodayAsync(cancellationToken) > 0)
        {
            return false;
        }

        await audit.RecordAsync(scope.User, AuditEvent.PupilNumberBlocked(where), cancellationToken);
        return true;
    }

    /// <summary>How many more refusals the user has today.</summary>
    public async Task<int> RemainingTodayAsync(CancellationToken cancellationToken = default)
    {
        var user = scope.User;
        if (user.IsAdministrator)
        {
            return int.MaxValue; // administrators see every pupil; nothing is refused to them
        }

        var used = await audit.CountSinceAsync(user.UserId, AuditKind.PupilNumberRefused, StartOfToday(), cancellationToken);
        return Math.Max(0, options.Value.PupilNumberRefusalsPerDay - used);
    }

    /// <summary>
    /// Records <paramref name="numbers"/> refused numbers; returns false when they went past today's limit, in which case
    /// the caller refuses the whole attempt with <see cref="Blocked"/> (so one file cannot ask about many numbers at once).
    /// The refusal is written first and the day's total read after it, so attempts from several tabs at once cannot each
    /// spend the same allowance: whoever ends up past the limit is refused.
    /// </summary>
    public async Task<bool> RefuseAsync(int numbers, string where, Guid? routeId, CancellationToken cancellationToken = default)
    {
        var user = scope.User;
        await audit.RecordAsync(user, AuditEvent.PupilNumberRefused(numbers, where, routeId), cancellationToken);
        if (user.IsAdministrator)
        {
            return true;
        }

        var limit = options.Value.PupilNumberRefusalsPerDay;
        var used = await audit.CountSinceAsync(user.UserId, AuditKind.PupilNumberRefused, StartOfToday(), cancellationToken);
        if (used - numbers < limit && used >= limit)
        {
            await audit.RecordAsync(user, AuditEvent.PupilNumberLimitReached(limit), cancellationToken); // this attempt crossed it
        }

        return used <= limit;
    }

    private DateTime StartOfToday() => DutchTime.StartOfDayUtc(DutchTime.Today(time.GetUtcNow().UtcDateTime));
}
