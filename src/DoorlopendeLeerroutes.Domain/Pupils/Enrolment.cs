using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Pupils;

/// <summary>
/// A pupil's participation in one route, with the vo school and mbo institution that teach (and are funded for) this
/// pupil, and the phase history. Only coordinators of those two institutions change it.
/// </summary>
public sealed class Enrolment : Entity
{
    public const int MaxOutcomeNoteLength = 500;

    private readonly List<PhaseRegistration> _phases = [];

    private Enrolment(Guid id, Guid pupilId, Guid routeId, Guid voInstitutionId, Guid mboInstitutionId, DateOnly startDate)
        : base(id)
    {
        PupilId = pupilId;
        RouteId = routeId;
        VoInstitutionId = voInstitutionId;
        MboInstitutionId = mboInstitutionId;
        StartDate = startDate;
    }

    // For EF Core.
    private Enrolment()
        : base(Guid.Empty)
    {
    }

    public Guid PupilId { get; private set; }

    public Guid RouteId { get; private set; }

    /// <summary>The vo partner funded while the pupil is in the vo-fase (R-COUNT-4).</summary>
    public Guid VoInstitutionId { get; private set; }

    /// <summary>The mbo partner funded while the pupil is in the mbo-fase (R-COUNT-4).</summary>
    public Guid MboInstitutionId { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public EnrolmentOutcome? Outcome { get; private set; }

    public string? OutcomeNote { get; private set; }

    /// <summary>
    /// The pupil's vmbo leerweg in this route (R-MON-3), one of the route's leerwegen; null when not given (the monitor
    /// shows "onbekend").
    /// </summary>
    public Track? Track { get; private set; }

    /// <summary>Every phase registration, in the order recorded; none is ever removed (R-PUPIL-4).</summary>
    public IReadOnlyList<PhaseRegistration> Phases => _phases;

    public bool IsActiveOn(DateOnly date) => StartDate <= date && (EndDate is null || date <= EndDate);

    public Phase? PhaseOn(DateOnly date, DateTime? recordedBeforeUtc = null) =>
        PhaseHistory.PhaseOn(_phases.Select(p => p.ToRecord()), date, recordedBeforeUtc);

    /// <summary>
    /// Enrols a pupil (R-PUPIL-2, R-PUPIL-3): only in a registered route, from a start date on or after its first
    /// school year (any day of the year), and in one active route at a time. <paramref name="otherEnrolments"/> are
    /// the pupil's existing enrolments; <paramref name="today"/> is the Dutch calendar day (R-PRIV-4: a plausible start).
    /// </summary>
    public static Result<Enrolment> Start(
        Pupil pupil, Route route, Guid voInstitutionId, Guid mboInstitutionId, DateOnly startDate,
        IEnumerable<Enrolment> otherEnrolments, Actor actor, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (actor.Role != UserRole.Coordinator || actor.InstitutionId is not { } own
            || (own != voInstitutionId && own != mboInstitutionId))
        {
            errors.Add(DomainErrors.Enrolment.OnlyOwnInstitution);
        }

        if (route.Status != RouteStatus.Registered)
        {
            errors.Add(DomainErrors.Enrolment.RouteNotRegistered);
        }
        else if (!route.AcceptsPupilsOn(startDate))
        {
            errors.Add(startDate < route.Definition.FirstSchoolYear.FirstDay
                ? DomainErrors.Enrolment.StartBeforeFirstSchoolYear(route.Definition.FirstSchoolYear)
                : DomainErrors.Enrolment.StartAfterRouteEnd);
        }

        // R-PRIV-4: a start date lies in the current school year or the next two at most; later is a typing error
        // (2205 for 2025) that would otherwise keep the pupil out of every count for years.
        var latestStart = LatestStart(today);
        if (startDate > latestStart)
        {
            errors.Add(DomainErrors.Enrolment.StartTooFarAhead(latestStart));
        }

        errors.AddRange(route.CheckEnrolmentPartners(voInstitutionId, mboInstitutionId).Errors);

        var age = pupil.AgeOn(startDate);
        if (age is < Pupil.MinAgeOnStart or > Pupil.MaxAgeOnStart)
        {
            errors.Add(DomainErrors.Pupil.AgeOutOfRange);
        }

        // R-PUPIL-2: one active route at a time, i.e. enrolment periods never overlap.
        if (otherEnrolments.Any(e => e.PupilId == pupil.Id && (e.EndDate is null || e.EndDate >= startDate)))
        {
            errors.Add(DomainErrors.Enrolment.AlreadyActiveElsewhere);
        }

        return errors.Count > 0
            ? Result<Enrolment>.Failure(errors)
            : Result<Enrolment>.Success(new Enrolment(
                Guid.NewGuid(), pupil.Id, route.Id, voInstitutionId, mboInstitutionId, startDate));
    }

    /// <summary>
    /// R-PRIV-4: the last day a start date may be on <paramref name="today"/>: the end of the school year two after the
    /// current one (on 15-03-2026, in 2025-2026, that is 31-07-2028).
    /// </summary>
    public static DateOnly LatestStart(DateOnly today) => SchoolYear.LatestPlannable(today).LastDay;

    /// <summary>
    /// R-PUPIL-4: records a phase from a date, as a new registration; the server sets the moment. A registration that
    /// would not change the phase in force on that date is refused as "ongewijzigd".
    /// </summary>
    public Result RecordPhase(Phase phase, DateOnly validFrom, Actor actor, DateTime nowUtc)
    {
        var allowed = EnsureCoordinatorOfOwnInstitution(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        if (!Enum.IsDefined(phase))
        {
            return Result.Failure(DomainErrors.Enrolment.PhaseInvalid);
        }

        if (validFrom < StartDate)
        {
            return Result.Failure(DomainErrors.Enrolment.PhaseBeforeStart);
        }

        if (EndDate is { } end && validFrom > end)
        {
            return Result.Failure(DomainErrors.Enrolment.PhaseAfterEnd);
        }

        var latestRecorded = _phases.Count == 0 ? DateTime.MinValue : _phases.Max(p => p.RecordedAt);
        var recordedAt = DutchTime.EnsureUtc(nowUtc);
        if (recordedAt <= latestRecorded)
        {
            // Keep "recorded later wins" strict even when two registrations arrive within one clock tick.
            recordedAt = latestRecorded.AddTicks(1);
        }

        // A new registration only affects the days from validFrom up to the next later validFrom, on which the phase
        // in force is constant; so it changes something exactly when that phase differs.
        if (PhaseOn(validFrom) == phase)
        {
            return Result.Failure(DomainErrors.Enrolment.PhaseUnchanged);
        }

        _phases.Add(new PhaseRegistration(phase, validFrom, recordedAt, actor.UserId));
        return Result.Success();
    }

    /// <summary>
    /// R-ROUTE-10: when a new version of the route is registered, open enrolments follow it, as long as the pupil's vo
    /// school and mbo institution are still partners in that version.
    /// </summary>
    public Result MoveTo(Route nextVersion)
    {
        if (nextVersion.PreviousVersionId != RouteId)
        {
            throw new DomainException("An enrolment moves only to the version that replaces its route.");
        }

        if (nextVersion.CheckEnrolmentPartners(VoInstitutionId, MboInstitutionId).IsFailure)
        {
            return Result.Failure(DomainErrors.Enrolment.PartnerLeftRoute);
        }

        RouteId = nextVersion.Id;
        return Result.Success();
    }

    /// <summary>R-PUPIL-7: ending needs an end date and an outcome; "anders" needs an explanation.</summary>
    public Result End(DateOnly endDate, EnrolmentOutcome outcome, string? note, Actor actor)
    {
        var allowed = EnsureCoordinatorOfOwnInstitution(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var errors = new List<DomainError>();
        if (EndDate is not null)
        {
            errors.Add(DomainErrors.Enrolment.AlreadyEnded);
        }

        if (endDate < StartDate)
        {
            errors.Add(DomainErrors.Enrolment.EndBeforeStart);
        }

        if (!Enum.IsDefined(outcome))
        {
            errors.Add(DomainErrors.Enrolment.OutcomeRequired);
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (outcome == EnrolmentOutcome.Other && trimmed is null)
        {
            errors.Add(DomainErrors.Enrolment.OutcomeNoteRequired);
        }

        if (trimmed is { Length: > MaxOutcomeNoteLength })
        {
            errors.Add(DomainErrors.Enrolment.OutcomeNoteTooLong);
        }
        else if (PrintableText.Check(trimmed, "enrolment.end.note", "de toelichting", field: ErrorField.Note) is { } notPrintable)
        {
            errors.Add(notPrintable); // R-PRIV-4
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        EndDate = endDate;
        Outcome = outcome;
        OutcomeNote = trimmed;
        return Result.Success();
    }

    /// <summary>
    /// R-MON-3: records the pupil's leerweg, which must be one of <paramref name="route"/>'s leerwegen (null clears it).
    /// Only a coordinator of the pupil's own schools changes it.
    /// </summary>
    public Result SetTrack(Track? track, Route route, Actor actor)
    {
        if (route.Id != RouteId)
        {
            throw new ArgumentException("The route is not this enrolment's route.", nameof(route));
        }

        var allowed = EnsureCoordinatorOfOwnInstitution(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        if (track is { } t && !route.Definition.Tracks.Contains(t))
        {
            return Result.Failure(DomainErrors.Enrolment.TrackNotInRoute(route.Definition.Tracks));
        }

        Track = track;
        return Result.Success();
    }

    private Result EnsureCoordinatorOfOwnInstitution(Actor actor) =>
        actor.IsCoordinatorOf(VoInstitutionId) || actor.IsCoordinatorOf(MboInstitutionId)
            ? Result.Success()
            : Result.Failure(actor.Role == UserRole.Viewer ? DomainErrors.Access.ReadOnly : DomainErrors.Enrolment.OnlyOwnInstitution);
}
