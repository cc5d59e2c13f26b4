using DoorlopendeLeerroutes.Domain.Pupils;

namespace DoorlopendeLeerroutes.Domain.Counting;

/// <summary>What the count needs of one enrolment; projected straight from a query so large counts stay cheap.</summary>
public sealed record CountEnrolment(
    Guid EnrolmentId,
    Guid PupilId,
    Guid RouteId,
    int EntryYear,
    DateOnly StartDate,
    DateOnly? EndDate,
    Guid VoInstitutionId,
    Guid MboInstitutionId,
    IReadOnlyList<PhaseRecord> Phases);

/// <summary>The status column of the count (docs/formats.md §2).</summary>
public enum CountStatus
{
    /// <summary><c>geteld</c>: a phase was in force on the count date.</summary>
    Counted = 1,

    /// <summary><c>geen fase</c>: active, but no phase in force; counted for nobody (R-COUNT-5).</summary>
    NoPhase = 2,

    /// <summary>
    /// <c>geteld; latere wijziging te laat</c>: counted, but a registration recorded after the cut-off would have given
    /// another phase on the count date; it does not change this year's funding (R-COUNT-3).
    /// </summary>
    CountedLateChange = 3,
}

/// <summary>Warnings of the preview before the count date (R-COUNT-6).</summary>
public enum CountWarning
{
    NoPhase = 1,
    DiffersFromExpectedPhase = 2,
}

/// <summary>
/// One pupil in the count. <see cref="PhaseKnownNow"/> is the phase on the count date with every registration known
/// today; it differs from <see cref="Phase"/> only through registrations made too late (R-COUNT-3).
/// </summary>
public sealed record CountLine(
    CountEnrolment Enrolment,
    Phase? Phase,
    Phase? PhaseKnownNow,
    Guid? FundedInstitutionId,
    CountStatus Status,
    Phase ExpectedPhase,
    IReadOnlyList<CountWarning> Warnings);

/// <summary>Per institution: pupils it is funded for as vo, as mbo, and its active pupils without a phase.</summary>
public sealed record InstitutionCountTotals(Guid InstitutionId, int FundedAsVo, int FundedAsMbo, int WithoutPhase)
{
    public int Funded => FundedAsVo + FundedAsMbo;
}

/// <summary>The count of one school year.</summary>
public sealed record CountResult(
    SchoolYear SchoolYear,
    DateOnly CountDate,
    DateTime CutoffUtc,
    bool IsPreview,
    IReadOnlyList<CountLine> Lines,
    IReadOnlyList<InstitutionCountTotals> Totals);

/// <summary>
/// The 1 October count (R-COUNT-1…6) as a pure calculation: which pupils are counted, in which phase, and which
/// institution is funded for them.
/// </summary>
public static class FundingCount
{
    /// <summary>
    /// R-COUNT-3: registrations recorded before this UTC moment count: the end of the count date in Europe/Amsterdam
    /// (a registration at 1 October 23:59 local time still counts; one at 2 October 00:01 does not).
    /// </summary>
    public static DateTime CutoffUtc(SchoolYear year) => DutchTime.EndOfDayUtc(year.CountDate);

    public static CountResult Calculate(SchoolYear year, IEnumerable<CountEnrolment> enrolments, DateTime nowUtc)
    {
        var countDate = year.CountDate;
        var cutoff = CutoffUtc(year);
        var lines = new List<CountLine>();
        foreach (var enrolment in enrolments)
        {
            // R-COUNT-2: active on the count date (start ≤ count date ≤ end, or no end).
            if (enrolment.StartDate > countDate || enrolment.EndDate < countDate)
            {
                continue;
            }

            lines.Add(CountOne(enrolment, countDate, cutoff));
        }

        return FromLines(year, lines, nowUtc);
    }

    /// <summary>
    /// The count from lines <see cref="Calculate"/> gave earlier (the stored count keeps them, issue 17): the totals and
    /// whether it is still a preview follow from them and the moment asked, by the same rules.
    /// </summary>
    public static CountResult FromLines(SchoolYear year, IReadOnlyList<CountLine> lines, DateTime nowUtc) =>
        new(year, year.CountDate, CutoffUtc(year), IsPreview(year, nowUtc), lines, Totalise(lines));

    /// <summary>R-COUNT-6: up to and including the count date itself (until the cut-off), the report is a preview.</summary>
    public static bool IsPreview(SchoolYear year, DateTime nowUtc) => DutchTime.EnsureUtc(nowUtc) < CutoffUtc(year);

    private static CountLine CountOne(CountEnrolment enrolment, DateOnly countDate, DateTime cutoff)
    {
        // R-COUNT-3: the phase in force on the count date among registrations recorded by the cut-off.
        var phase = PhaseHistory.PhaseOn(enrolment.Phases, countDate, cutoff);

        // R-COUNT-4: the phase decides who is funded; the teaching location does not matter.
        Guid? funded = phase switch
        {
            Phase.Vo => enrolment.VoInstitutionId,
            Phase.Mbo => enrolment.MboInstitutionId,
            _ => null,
        };

        // Only registrations recorded after the cut-off can make these two differ; a late registration that repeats
        // the counted phase changes nothing and is not flagged. A pupil without phase stays "geen fase" (R-COUNT-5),
        // with the late phase visible through PhaseKnownNow.
        var phaseKnownNow = PhaseHistory.PhaseOn(enrolment.Phases, countDate);
        var status = phase is null
            ? CountStatus.NoPhase
            : phaseKnownNow != phase ? CountStatus.CountedLateChange : CountStatus.Counted;

        var expected = PhaseHistory.ExpectedPhaseOn(countDate, enrolment.StartDate, enrolment.EntryYear);
        var warnings = new List<CountWarning>(1);
        if (phase is null)
        {
            warnings.Add(CountWarning.NoPhase);
        }
        else if (phase != expected)
        {
            warnings.Add(CountWarning.DiffersFromExpectedPhase);
        }

        return new CountLine(enrolment, phase, phaseKnownNow, funded, status, expected, warnings);
    }

    /// <summary>
    /// Totals per institution. A pupil without phase is listed under both its vo and its mbo institution: either may
    /// be the one that should have been funded, so both must see it.
    /// </summary>
    private static List<InstitutionCountTotals> Totalise(IReadOnlyList<CountLine> lines) =>
        Totalise(lines.Select(l => new CountGroup(l.Enrolment.VoInstitutionId, l.Enrolment.MboInstitutionId, l.Phase, 1)));

    /// <summary>
    /// The same totals from pupils already grouped by partners and phase (the stored count sums them in the database,
    /// issue 17): one rule for who is listed where, whether the pupils come one by one or counted.
    /// </summary>
    public static List<InstitutionCountTotals> Totalise(IEnumerable<CountGroup> groups)
    {
        var totals = new Dictionary<Guid, (int Vo, int Mbo, int None)>();
        foreach (var group in groups)
        {
            switch (group.Phase)
            {
                case Phase.Vo:
                    Add(group.VoInstitutionId, vo: group.Pupils);
                    break;
                case Phase.Mbo:
                    Add(group.MboInstitutionId, mbo: group.Pupils);
                    break;
                default:
                    Add(group.VoInstitutionId, none: group.Pupils);
                    Add(group.MboInstitutionId, none: group.Pupils);
                    break;
            }
        }

        return totals.Select(t => new InstitutionCountTotals(t.Key, t.Value.Vo, t.Value.Mbo, t.Value.None)).ToList();

        void Add(Guid institutionId, int vo = 0, int mbo = 0, int none = 0)
        {
            totals.TryGetValue(institutionId, out var current);
            totals[institutionId] = (current.Vo + vo, current.Mbo + mbo, current.None + none);
        }
    }
}

/// <summary>A number of counted pupils with the same vo school, mbo institution and phase on the count date.</summary>
public readonly record struct CountGroup(Guid VoInstitutionId, Guid MboInstitutionId, Phase? Phase, int Pupils);
