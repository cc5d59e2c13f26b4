using DoorlopendeLeerroutes.Domain.Counting;

namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>The funding on one count date.</summary>
public sealed record CountDateFunding(SchoolYear SchoolYear, DateOnly CountDate, Phase? Phase, string? FundedBrin, CountStatus Status, bool IsPreview);

/// <summary>One enrolment of the pupil looked up, with the phase on the chosen date and the funding per count date.</summary>
public sealed record EnrolmentFunding(
    Guid EnrolmentId,
    string Route, DateOnly StartDate, DateOnly? EndDate, Phase? PhaseOnDate, Phase ExpectedPhaseOnDate, IReadOnlyList<CountDateFunding> CountDates);

/// <summary>The answer of "Bekostigingsfase opzoeken": the pupil by name and masked number, and their enrolments.</summary>
public sealed record FundingPhaseAnswer(string Name, string MaskedNumber, DateOnly Date, IReadOnlyList<EnrolmentFunding> Enrolments);

/// <summary>
/// "Bekostigingsfase opzoeken" (every role): the phase of a pupil of the user's own institution on any date, and who is
/// funded on each count date (R-COUNT-1…5). A number that is invalid, unknown or of another institution's pupil gets the
/// same "niet gevonden", so the look-up cannot be used to find out who is enrolled elsewhere (R-PRIV-1). Every answer is
/// recorded (R-PRIV-2); every "niet gevonden" counts against the daily limit (R-PRIV-3) — also for a number that exists
/// nowhere, because counting only other institutions' pupils would make the limit itself tell them apart.
/// </summary>
public sealed class FundingPhaseLookup(
    IApplicationDbContextFactory contexts, AccessScope scope, IPupilNumberIndex numbers, PupilNumberGuard guard, IAuditTrail audit,
    TimeProvider time)
{
    private const string Where = "opzoeken";

    public static readonly DomainError NotFound = new(
        "pupil.lookup.not_found", "Geen leerling van jouw instelling gevonden met dit nummer. Controleer het nummer.");

    public async Task<Result<FundingPhaseAnswer>> ExecuteAsync(string? pupilNumber, DateOnly date, CancellationToken cancellationToken = default)
    {
        var number = PupilNumber.Parse(pupilNumber);
        if (number.IsFailure)
        {
            return Result<FundingPhaseAnswer>.Failure(number.Errors); // says which check failed (R-PUPIL-1)
        }

        if (await guard.IsBlockedAsync(Where, cancellationToken))
        {
            return Result<FundingPhaseAnswer>.Failure(PupilErrors.NumbersBlocked);
        }

        await using var db = await contexts.CreateAsync(cancellationToken);
        var pupil = await db.Pupils.AsNoTracking().SingleOrDefaultAsync(numbers.HasNumber(number.Value), cancellationToken);
        // The enrolment query runs for an unknown number too, so both misses take the same work (R-PRIV-1).
        var pupilId = pupil?.Id ?? Guid.Empty;
        var enrolments = await scope.Enrolments(db).AsNoTracking().Where(e => e.PupilId == pupilId).ToListAsync(cancellationToken);
        if (pupil is null || enrolments.Count == 0)
        {
            await guard.RefuseAsync(1, pupil is null ? Where + ": onbekend nummer" : Where + ": leerling van een andere instelling", null, cancellationToken);
            return Result<FundingPhaseAnswer>.Failure(NotFound);
        }

        await audit.RecordAsync(scope.User, AuditEvent.FundingPhaseLookedUp(pupil.Id, enrolments.Count), cancellationToken);

        var routeIds = enrolments.Select(e => e.RouteId).ToList();
        var routes = await db.Routes.AsNoTracking().Where(r => routeIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var institutionIds = enrolments.SelectMany(e => new[] { e.VoInstitutionId, e.MboInstitutionId }).Distinct().ToList();
        var brins = (await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToListAsync(cancellationToken))
            .ToDictionary(i => i.Id, i => i.Brin.Value);

        var now = time.GetUtcNow().UtcDateTime;
        var today = DutchTime.Today(now);
        var answers = enrolments.OrderBy(e => e.StartDate).Select(enrolment =>
        {
            var route = routes[enrolment.RouteId];
            var input = new CountEnrolment(
                enrolment.Id, enrolment.PupilId, enrolment.RouteId, route.Definition.EntryYear, enrolment.StartDate, enrolment.EndDate,
                enrolment.VoInstitutionId, enrolment.MboInstitutionId, [.. enrolment.Phases.Select(p => p.ToRecord())]);

            // Every count date from the school year the enrolment started in up to the current one.
            var last = SchoolYear.Containing(enrolment.EndDate is { } end && end < today ? end : today);
            var countDates = new List<CountDateFunding>();
            for (var year = SchoolYear.Containing(enrolment.StartDate); year <= last; year = year.Next)
            {
                var count = FundingCount.Calculate(year, [input], now);
                if (count.Lines.SingleOrDefault() is { } line)
                {
                    countDates.Add(new CountDateFunding(
                        year, year.CountDate, line.Phase, line.FundedInstitutionId is { } funded ? brins[funded] : null, line.Status,
                        count.IsPreview));
                }
            }

            return new EnrolmentFunding(
                enrolment.Id, $"{route.Code} {route.Definition.Name}", enrolment.StartDate, enrolment.EndDate, enrolment.PhaseOn(date),
                PhaseHistory.ExpectedPhaseOn(date, enrolment.StartDate, route.Definition.EntryYear), countDates);
        }).ToList();

        return Result<FundingPhaseAnswer>.Success(new FundingPhaseAnswer(pupil.FullName, pupil.Number.Masked, date, answers));
    }
}
