using DoorlopendeLeerroutes.Domain.Counting;

namespace DoorlopendeLeerroutes.Application.Counting;

/// <summary>
/// One line of the stored count (issue 17): what <see cref="FundingCount"/> decided for one enrolment in one school year,
/// kept so the count of 60,000 pupils is summed by the database instead of recalculated on every page open. Never
/// written by hand: <see cref="CountSnapshot"/> writes it from <see cref="FundingCount"/>'s own <see cref="CountLine"/>.
/// </summary>
public sealed class CountedEnrolment
{
    // For EF Core.
    private CountedEnrolment()
    {
    }

    public SchoolYear SchoolYear { get; private set; } = null!;

    public Guid EnrolmentId { get; private set; }

    public Guid PupilId { get; private set; }

    public Guid RouteId { get; private set; }

    public int EntryYear { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public Guid VoInstitutionId { get; private set; }

    public Guid MboInstitutionId { get; private set; }

    public Phase? Phase { get; private set; }

    public Phase? PhaseKnownNow { get; private set; }

    public Guid? FundedInstitutionId { get; private set; }

    public CountStatus Status { get; private set; }

    public Phase ExpectedPhase { get; private set; }

    /// <summary>R-COUNT-6: a phase is in force, but another one than expected (the only warning besides "no phase").</summary>
    public bool DiffersFromExpected { get; private set; }

    public static CountedEnrolment From(SchoolYear year, CountLine line) => new()
    {
        SchoolYear = year,
        EnrolmentId = line.Enrolment.EnrolmentId,
        PupilId = line.Enrolment.PupilId,
        RouteId = line.Enrolment.RouteId,
        EntryYear = line.Enrolment.EntryYear,
        StartDate = line.Enrolment.StartDate,
        EndDate = line.Enrolment.EndDate,
        VoInstitutionId = line.Enrolment.VoInstitutionId,
        MboInstitutionId = line.Enrolment.MboInstitutionId,
        Phase = line.Phase,
        PhaseKnownNow = line.PhaseKnownNow,
        FundedInstitutionId = line.FundedInstitutionId,
        Status = line.Status,
        ExpectedPhase = line.ExpectedPhase,
        DiffersFromExpected = line.Warnings.Contains(CountWarning.DiffersFromExpectedPhase),
    };

    /// <summary>
    /// The line as <see cref="FundingCount"/> gave it. The phase history is not kept (the line holds its outcome), so
    /// <see cref="CountEnrolment.Phases"/> is empty.
    /// </summary>
    public CountLine ToLine() => new(
        new CountEnrolment(EnrolmentId, PupilId, RouteId, EntryYear, StartDate, EndDate, VoInstitutionId, MboInstitutionId, []),
        Phase, PhaseKnownNow, FundedInstitutionId, Status, ExpectedPhase, Warnings());

    private List<CountWarning> Warnings() =>
        Phase is null ? [CountWarning.NoPhase] : DiffersFromExpected ? [CountWarning.DiffersFromExpectedPhase] : [];
}

/// <summary>A school year whose count is stored: from then on every change to its enrolments is counted in (issue 17).</summary>
public sealed class CountedYear(SchoolYear schoolYear, DateTime countedAt)
{
    public SchoolYear SchoolYear { get; private set; } = schoolYear;

    /// <summary>UTC moment the year was first counted in full.</summary>
    public DateTime CountedAt { get; private set; } = countedAt;
}

/// <summary>
/// "Count these again": written in the same transaction as every change to an enrolment, its phases or its route (by
/// the persistence layer, on every save), and removed by <see cref="CountSnapshot"/> once counted. A queue rather than a
/// time stamp, so a transaction that commits late is never missed.
/// </summary>
public sealed class CountInvalidation
{
    // For EF Core.
    private CountInvalidation()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Every enrolment of this route (an enrolment added, changed, moved or ended; a route changed).</summary>
    public Guid? RouteId { get; private set; }

    /// <summary>This one enrolment (a phase registration saved without its enrolment loaded).</summary>
    public Guid? EnrolmentId { get; private set; }

    public static CountInvalidation ForRoute(Guid routeId) => new() { Id = Guid.NewGuid(), RouteId = routeId };

    public static CountInvalidation ForEnrolment(Guid enrolmentId) => new() { Id = Guid.NewGuid(), EnrolmentId = enrolmentId };
}
