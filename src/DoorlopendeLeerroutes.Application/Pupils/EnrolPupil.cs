using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>The fields of the "leerling inschrijven" form.</summary>
public sealed class EnrolForm
{
    public string PupilNumber { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string? Prefix { get; set; }

    public string FirstName { get; set; } = string.Empty;

    public DateOnly? BirthDate { get; set; }

    public DateOnly? StartDate { get; set; }

    /// <summary><see cref="BirthDate"/> as a date picker holds it (MudBlazor picks <see cref="DateTime"/>).</summary>
    public DateTime? BirthDateValue
    {
        get => BirthDate?.ToDateTime(TimeOnly.MinValue);
        set => BirthDate = value is { } date ? DateOnly.FromDateTime(date) : null;
    }

    /// <summary><see cref="StartDate"/> as a date picker holds it.</summary>
    public DateTime? StartDateValue
    {
        get => StartDate?.ToDateTime(TimeOnly.MinValue);
        set => StartDate = value is { } date ? DateOnly.FromDateTime(date) : null;
    }

    public Guid? VoInstitutionId { get; set; }

    public Guid? MboInstitutionId { get; set; }

    /// <summary>The phase from the start date; none leaves the pupil without phase for now.</summary>
    public Phase? Phase { get; set; } = Domain.Pupils.Phase.Vo;
}

/// <summary>
/// Enrols a pupil in a registered route (R-PUPIL-1…3), with a first phase registration (R-PUPIL-4), in one save: the
/// pupil is created when the number is new; a known number is enrolled as the same pupil, but only when the user may
/// see that pupil already (R-PRIV-1): for anyone else's pupil the answer is <see cref="PupilErrors.CannotEnrolHere"/>,
/// whatever name and birth date were typed.
/// </summary>
public sealed class EnrolPupil(
    IApplicationDbContextFactory contexts, AccessScope scope, IPupilNumberIndex numbers, PupilNumberGuard guard, IAuditTrail audit,
    TimeProvider time)
{
    private const string Where = "inschrijven";

    public async Task<Result<Guid>> ExecuteAsync(Guid routeId, EnrolForm form, CancellationToken cancellationToken = default)
    {
        if (form.BirthDate is not { } birthDate || form.StartDate is not { } startDate)
        {
            return Result<Guid>.Failure(PupilErrors.DatesRequired);
        }

        if (form.VoInstitutionId is not { } vo || form.MboInstitutionId is not { } mbo)
        {
            return Result<Guid>.Failure(PupilErrors.InstitutionsRequired);
        }

        await using var db = await contexts.CreateAsync(cancellationToken);
        var route = await scope.Routes(db).SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken);
        if (route is null)
        {
            await scope.RecordRefusalAsync(db, AuditObject.Route, routeId, "leerling inschrijven", cancellationToken);
            return Result<Guid>.Failure(RouteErrors.NotFound);
        }

        // Everything that does not need the number is checked before the number is looked up, so nobody who may not
        // enrol here (a viewer, another route's school) and no half-filled form learns anything about a number.
        var actor = scope.User.ToActor();
        var refused = await MayEnrolAsync(scope, route, actor, vo, mbo, "leerling inschrijven", cancellationToken);
        if (refused.Count > 0)
        {
            return Result<Guid>.Failure(refused);
        }

        var candidate = Pupil.Create(form.PupilNumber, form.LastName, form.Prefix, form.FirstName, birthDate);
        if (candidate.IsFailure)
        {
            return Result<Guid>.Failure(candidate.Errors); // says which check of the number or the name failed
        }

        if (await guard.IsBlockedAsync(Where, cancellationToken))
        {
            return Result<Guid>.Failure(PupilErrors.NumbersBlocked);
        }

        var pupil = await db.Pupils.SingleOrDefaultAsync(numbers.HasNumber(candidate.Value.Number), cancellationToken);
        if (pupil is not null && !await scope.MaySeePupilAsync(db, pupil.Id, cancellationToken))
        {
            // Decided before the typed name or birth date is even looked at (R-PRIV-1), recorded and limited (R-PRIV-3).
            var withinLimit = await guard.RefuseAsync(1, Where, routeId, cancellationToken);
            return Result<Guid>.Failure(withinLimit ? PupilErrors.CannotEnrolHere : PupilErrors.NumbersBlocked);
        }

        if (pupil is null)
        {
            pupil = candidate.Value;
            db.Pupils.Add(pupil);
        }
        else if (!SamePerson(pupil, form.LastName, birthDate))
        {
            // A pupil of the user's own institution (an earlier enrolment) is only enrolled again when the typed last
            // name and birth date match, so a typo in the number does not attach the wrong pupil.
            return Result<Guid>.Failure(PupilErrors.DetailsDoNotMatch);
        }

        var others = await db.Enrolments.Where(e => e.PupilId == pupil.Id).ToListAsync(cancellationToken);
        var enrolment = Enrolment.Start(
            pupil, route, vo, mbo, startDate, others, actor, DutchTime.Today(time.GetUtcNow().UtcDateTime));
        if (enrolment.IsFailure)
        {
            return Result<Guid>.Failure(enrolment.Errors);
        }

        if (form.Phase is { } phase)
        {
            var recorded = enrolment.Value.RecordPhase(phase, startDate, actor, time.GetUtcNow().UtcDateTime);
            if (recorded.IsFailure)
            {
                return Result<Guid>.Failure(recorded.Errors);
            }
        }

        db.Enrolments.Add(enrolment.Value);
        audit.RecordWith(db, scope.User, [AuditEvent.PupilEnrolled(enrolment.Value.Id, pupil.Id)]);
        // Someone enrolled the same pupil, or created the same new pupil, at the same moment: the unique indexes refuse
        // this one with the rule's message.
        var saved = await db.TrySaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? Result<Guid>.Success(enrolment.Value.Id) : Result<Guid>.Failure(saved.Errors);
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may enrol pupils in <paramref name="route"/> with these schools at all (R-PUPIL-2,
    /// R-ACCESS-1): a coordinator of the vo school or the mbo institution chosen, both partners of a registered route. The
    /// enrol form and the import ask this before any pupil number is read; a viewer's attempt is recorded (R-PRIV-2).
    /// </summary>
    internal static async Task<IReadOnlyList<DomainError>> MayEnrolAsync(
        AccessScope scope, Route route, Actor actor, Guid? vo, Guid? mbo, string attempt, CancellationToken cancellationToken)
    {
        if (!RouteActions.For(route, actor).CanEnrol)
        {
            if (actor.Role == UserRole.Viewer)
            {
                await scope.RecordForbiddenAsync(AuditObject.Route, route.Id, attempt + " met alleen leesrechten", cancellationToken);
                return [DomainErrors.Access.ReadOnly];
            }

            return [route.Status != RouteStatus.Registered ? DomainErrors.Enrolment.RouteNotRegistered : DomainErrors.Enrolment.OnlyOwnInstitution];
        }

        if (vo is null || mbo is null)
        {
            return [PupilErrors.InstitutionsRequired];
        }

        var errors = route.CheckEnrolmentPartners(vo.Value, mbo.Value).Errors.ToList();

        if (errors.Count == 0 && !actor.IsCoordinatorOf(vo.Value) && !actor.IsCoordinatorOf(mbo.Value))
        {
            errors.Add(DomainErrors.Enrolment.OnlyOwnInstitution);
        }

        return errors;
    }

    /// <summary>A known number is only the same pupil when last name and birth date match too (also for the import).</summary>
    internal static bool SamePerson(Pupil pupil, string? lastName, DateOnly birthDate) =>
        pupil.BirthDate == birthDate
        && string.Equals(pupil.LastName.Trim(), (lastName ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase);
}
