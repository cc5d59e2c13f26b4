namespace DoorlopendeLeerroutes.Application.Pupils;

// Changes to one enrolment (R-PUPIL-4, R-PUPIL-7), one class per action: loaded through the access scope, checked
// against the version the page showed, saved once with its audit line (ScopedWork).

/// <summary>How a change finds its enrolment: through the access scope; another institution's is "not found".</summary>
public static class EnrolmentWork
{
    public static readonly WorkTarget<Enrolment> Target =
        new((scope, db) => scope.Enrolments(db), AuditObject.Enrolment, PupilErrors.EnrolmentNotFound, "leerling wijzigen");
}

/// <summary>A new phase registration from a date (R-PUPIL-4): never an overwrite of an earlier one.</summary>
public sealed class RecordPhase(ScopedWork work, IAuditTrail audit)
{
    public Task<Result> ExecuteAsync(Guid enrolmentId, Guid version, Phase phase, DateOnly validFrom, CancellationToken cancellationToken = default) =>
        work.RunAsync(EnrolmentWork.Target, enrolmentId, version, context =>
        {
            var result = context.Entity.RecordPhase(phase, validFrom, context.Actor, context.Now);
            if (result.IsSuccess)
            {
                audit.RecordWith(context.Db, context.User, [AuditEvent.PhaseRecorded(context.Entity.Id, context.Entity.PupilId)]);
            }

            return Task.FromResult(result);
        }, cancellationToken);
}

/// <summary>Ends an enrolment with an outcome (R-PUPIL-7).</summary>
public sealed class EndEnrolment(ScopedWork work, IAuditTrail audit)
{
    public Task<Result> ExecuteAsync(
        Guid enrolmentId, Guid version, DateOnly endDate, EnrolmentOutcome outcome, string? note, CancellationToken cancellationToken = default) =>
        work.RunAsync(EnrolmentWork.Target, enrolmentId, version, context =>
        {
            var result = context.Entity.End(endDate, outcome, note, context.Actor);
            if (result.IsSuccess)
            {
                audit.RecordWith(context.Db, context.User, [AuditEvent.EnrolmentEnded(context.Entity.Id, context.Entity.PupilId)]);
            }

            return Task.FromResult(result);
        }, cancellationToken);
}

/// <summary>
/// R-MON-3: sets or clears the pupil's leerweg on the pupil page; it must be one of the route's leerwegen, and only a
/// coordinator of the pupil's own schools changes it (<see cref="Enrolment.SetTrack"/>).
/// </summary>
public sealed class ChangeTrack(ScopedWork work, IAuditTrail audit)
{
    public Task<Result> ExecuteAsync(Guid enrolmentId, Guid version, Track? track, CancellationToken cancellationToken = default) =>
        work.RunAsync(EnrolmentWork.Target, enrolmentId, version, async context =>
        {
            var enrolment = context.Entity;
            if (enrolment.Track == track)
            {
                return Result.Success(); // nothing to change, nothing to record
            }

            var route = await context.Db.Routes.AsNoTracking().SingleAsync(r => r.Id == enrolment.RouteId, context.CancellationToken);
            var result = enrolment.SetTrack(track, route, context.Actor);
            if (result.IsSuccess)
            {
                audit.RecordWith(context.Db, context.User, [AuditEvent.TrackChanged(enrolment.Id, enrolment.PupilId)]);
            }

            return result;
        }, cancellationToken);
}
