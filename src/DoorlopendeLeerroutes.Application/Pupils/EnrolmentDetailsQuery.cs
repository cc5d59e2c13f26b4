namespace DoorlopendeLeerroutes.Application.Pupils;

public sealed record PhaseLine(Phase Phase, DateOnly ValidFrom, DateTime RecordedAt, string RecordedBy, bool InForceToday);

/// <summary>The pupil page: one enrolment with its phase history (R-PUPIL-4), shown with the full number (R-PUPIL-8).</summary>
public sealed record EnrolmentDetails(
    Guid EnrolmentId,
    Guid Version,
    string Name,
    string PupilNumber,
    DateOnly BirthDate,
    Guid RouteId,
    string Route,
    string VoInstitution,
    string MboInstitution,
    DateOnly StartDate,
    DateOnly? EndDate,
    EnrolmentOutcome? Outcome,
    string? OutcomeNote,
    Phase? PhaseToday,
    Phase ExpectedPhaseToday,
    IReadOnlyList<PhaseLine> Phases,
    bool CanChange,
    Track? Track,
    IReadOnlyList<Track> RouteTracks);

/// <summary>
/// One enrolment for the pupil page; null when it does not exist or belongs to another institution (R-ACCESS-1). The page
/// shows the full pupil number, so every visit is recorded (R-PRIV-2), and so is a refused one.
/// </summary>
public sealed class EnrolmentDetailsQuery(IApplicationDbContextFactory contexts, AccessScope scope, IAuditTrail audit, TimeProvider time)
{
    public async Task<EnrolmentDetails?> ExecuteAsync(Guid enrolmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var enrolment = await scope.Enrolments(db).AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            await scope.RecordRefusalAsync(db, AuditObject.Enrolment, enrolmentId, "leerling openen", cancellationToken);
            return null;
        }

        await audit.RecordAsync(scope.User, AuditEvent.PupilPageViewed(enrolment.Id, enrolment.PupilId), cancellationToken);

        var pupil = await db.Pupils.AsNoTracking().SingleAsync(p => p.Id == enrolment.PupilId, cancellationToken);
        var route = await db.Routes.AsNoTracking().SingleAsync(r => r.Id == enrolment.RouteId, cancellationToken);
        var institutions = await db.Institutions.AsNoTracking()
            .Where(i => i.Id == enrolment.VoInstitutionId || i.Id == enrolment.MboInstitutionId)
            .ToDictionaryAsync(i => i.Id, i => $"{i.Name} ({i.Brin})", cancellationToken);
        var people = await db.UserNames(enrolment.Phases.Select(p => p.RecordedBy).Distinct().ToList(), cancellationToken);

        var today = DutchTime.Today(time.GetUtcNow().UtcDateTime);
        var inForce = enrolment.Phases
            .Where(p => p.ValidFrom <= today)
            .OrderByDescending(p => p.ValidFrom).ThenByDescending(p => p.RecordedAt)
            .FirstOrDefault();
        var actor = scope.User.ToActor();
        return new EnrolmentDetails(
            enrolment.Id, enrolment.Version, pupil.FullName, pupil.Number.Value, pupil.BirthDate, route.Id,
            $"{route.Code} {route.Definition.Name}", institutions[enrolment.VoInstitutionId], institutions[enrolment.MboInstitutionId],
            enrolment.StartDate, enrolment.EndDate, enrolment.Outcome, enrolment.OutcomeNote, enrolment.PhaseOn(today),
            PhaseHistory.ExpectedPhaseOn(today, enrolment.StartDate, route.Definition.EntryYear),
            enrolment.Phases.OrderByDescending(p => p.RecordedAt)
                .Select(p => new PhaseLine(p.Phase, p.ValidFrom, p.RecordedAt, people.GetValueOrDefault(p.RecordedBy, "onbekend"), p == inForce))
                .ToList(),
            actor.IsCoordinatorOf(enrolment.VoInstitutionId) || actor.IsCoordinatorOf(enrolment.MboInstitutionId),
            enrolment.Track, route.Definition.Tracks.ToList());
    }
}
