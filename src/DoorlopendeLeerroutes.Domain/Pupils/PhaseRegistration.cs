namespace DoorlopendeLeerroutes.Domain.Pupils;

/// <summary>
/// R-PUPIL-4: one registration of a pupil's phase, with the date it takes effect (<see cref="ValidFrom"/>) and the
/// moment the server recorded it (<see cref="RecordedAt"/>). Registrations are never changed; a correction is a new one.
/// </summary>
public sealed class PhaseRegistration : Entity
{
    internal PhaseRegistration(Phase phase, DateOnly validFrom, DateTime recordedAtUtc, Guid recordedBy)
        : base(Guid.NewGuid())
    {
        Phase = phase;
        ValidFrom = validFrom;
        RecordedAt = recordedAtUtc;
        RecordedBy = recordedBy;
    }

    // For EF Core.
    private PhaseRegistration()
        : base(Guid.Empty)
    {
    }

    public Phase Phase { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>UTC moment the server recorded it; never supplied by the user.</summary>
    public DateTime RecordedAt { get; private set; }

    public Guid RecordedBy { get; private set; }

    public PhaseRecord ToRecord() => new(Phase, ValidFrom, RecordedAt);
}

/// <summary>The facts of a phase registration that the phase calculations need; cheap to project from a query.</summary>
public readonly record struct PhaseRecord(Phase Phase, DateOnly ValidFrom, DateTime RecordedAt);

/// <summary>How a phase history is read: one implementation for the pupil page, the import and the count.</summary>
public static class PhaseHistory
{
    /// <summary>
    /// The phase in force on <paramref name="date"/>: the registration with the latest <c>valid from</c> on or before
    /// that date; between registrations with the same <c>valid from</c> the later recorded one is the correction that
    /// counts (R-PUPIL-4). With <paramref name="recordedBeforeUtc"/>, only registrations recorded before that moment
    /// are known (R-COUNT-3). Null when no phase is in force.
    /// </summary>
    public static Phase? PhaseOn(IEnumerable<PhaseRecord> registrations, DateOnly date, DateTime? recordedBeforeUtc = null)
    {
        PhaseRecord? best = null;
        foreach (var r in registrations)
        {
            if (r.ValidFrom > date || (recordedBeforeUtc is { } cutoff && r.RecordedAt >= cutoff))
            {
                continue;
            }

            if (best is not { } b || r.ValidFrom > b.ValidFrom || (r.ValidFrom == b.ValidFrom && r.RecordedAt > b.RecordedAt))
            {
                best = r;
            }
        }

        return best?.Phase;
    }

    /// <summary>
    /// R-PUPIL-5: the phase a pupil is expected to be in. The vmbo leerjaar grows by one each school year from the entry
    /// leerjaar; leerjaar 3 and 4 are the vo-fase, everything after is the mbo-fase. With entry in leerjaar 3 that makes
    /// route years 1–2 vo and route year 3 onwards mbo.
    /// </summary>
    public static Phase ExpectedPhaseOn(DateOnly date, DateOnly enrolmentStart, int entryYear)
    {
        var yearsSinceStart = SchoolYear.Containing(date).StartYear - SchoolYear.Containing(enrolmentStart).StartYear;
        return entryYear + Math.Max(0, yearsSinceStart) <= 4 ? Phase.Vo : Phase.Mbo;
    }
}
