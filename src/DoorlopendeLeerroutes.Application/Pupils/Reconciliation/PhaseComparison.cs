using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Pupils.Reconciliation;

/// <summary>R-RECON-1: how a pupil's phase in an uploaded file compares with this register on the chosen date.</summary>
public enum PhaseComparisonKind
{
    /// <summary>Dezelfde fase met dezelfde ingangsdatum.</summary>
    Same = 1,

    /// <summary>Een andere fase (of hier geen fase).</summary>
    DifferentPhase = 2,

    /// <summary>Dezelfde fase, maar een andere ingangsdatum.</summary>
    DifferentStart = 3,

    /// <summary>Alleen in het bestand: niet in deze leerroute (of niet zichtbaar voor de gebruiker, R-PRIV-1).</summary>
    OnlyInFile = 4,

    /// <summary>Alleen hier: in deze leerroute, niet in het bestand.</summary>
    OnlyHere = 5,
}

/// <summary>One row of a <c>fasen</c> file (FORMATS.md §3), already checked.</summary>
public sealed record PhaseFileRow(int Line, PupilNumber Number, Phase Phase, DateOnly ValidFrom, string? Brin = null)
{
    // A record prints all its members; this one must not print the number (R-PUPIL-8), even masked.
    public override string ToString() => $"PhaseFileRow {{ Line = {Line}, Phase = {Phase}, ValidFrom = {ValidFrom} }}";
}

/// <summary>A pupil of the route the user may see (R-PRIV-1), with the enrolment's period and phase history.</summary>
public sealed record RegisterEnrolment(
    Guid EnrolmentId, PupilNumber Number, DateOnly StartDate, DateOnly? EndDate, IReadOnlyList<PhaseRecord> Phases)
{
    public bool IsActiveOn(DateOnly date) => StartDate <= date && (EndDate is null || date <= EndDate);

    public override string ToString() => $"RegisterEnrolment {{ EnrolmentId = {EnrolmentId} }}";
}

/// <summary>A phase with the date it applies from, as one side (register, vo file, mbo file) holds it on the chosen date.</summary>
public readonly record struct PhaseOnDate(Phase Phase, DateOnly ValidFrom);

/// <summary>
/// One pupil in the comparison: what this register, the vo partner's file and the mbo partner's file hold on the date.
/// A file side is null when no file of that partner was uploaded; <see cref="Vo"/>/<see cref="Mbo"/> are null too when
/// that file holds no phase for the pupil on the date.
/// </summary>
public sealed record PhaseComparisonLine(
    PupilNumber Number,
    Guid? EnrolmentId,
    PhaseOnDate? Register,
    PhaseComparisonKind? VoKind,
    PhaseOnDate? Vo,
    PhaseComparisonKind? MboKind,
    PhaseOnDate? Mbo,
    bool Disagreement)
{
    /// <summary>The kind the list shows and sorts on: the uploader's own file first, else the other.</summary>
    public PhaseComparisonKind KindFor(Sector own) =>
        (own == Sector.Vo ? VoKind ?? MboKind : MboKind ?? VoKind) ?? PhaseComparisonKind.Same;

    public override string ToString() => $"PhaseComparisonLine {{ EnrolmentId = {EnrolmentId}, VoKind = {VoKind}, MboKind = {MboKind} }}";
}

/// <summary>
/// R-RECON-1/2: compares the phases of one or two uploaded files (the vo partner's and the mbo partner's) with the phase
/// histories of the route's enrolments on one date. Pure: no database, no clock; nothing changes here.
/// </summary>
public static class PhaseComparison
{
    /// <summary>
    /// R-RECON-1: the default date, the coming count date (1 October); after it, the last one. That is the count date of
    /// the school year that holds <paramref name="today"/> (1 August starts the next year, whose count date is coming).
    /// </summary>
    public static DateOnly DefaultDate(DateOnly today) => SchoolYear.Containing(today).CountDate;

    /// <summary>
    /// The phase a file holds for each pupil on <paramref name="date"/>: the row with the latest ingangsdatum on or before
    /// it. A pupil whose rows all start later is not in the file on that date.
    /// </summary>
    public static IReadOnlyDictionary<PupilNumber, PhaseOnDate> InForce(IEnumerable<PhaseFileRow> rows, DateOnly date)
    {
        var result = new Dictionary<PupilNumber, PhaseOnDate>();
        foreach (var row in rows.Where(r => r.ValidFrom <= date))
        {
            if (!result.TryGetValue(row.Number, out var known) || row.ValidFrom > known.ValidFrom)
            {
                result[row.Number] = new PhaseOnDate(row.Phase, row.ValidFrom);
            }
        }

        return result;
    }

    /// <summary>The phase the register holds on <paramref name="date"/> with the date it applies from, or null.</summary>
    public static PhaseOnDate? InForce(IReadOnlyList<PhaseRecord> history, DateOnly date)
    {
        var phase = PhaseHistory.PhaseOn(history, date);
        if (phase is null)
        {
            return null;
        }

        // The phase in force started at the earliest valid-from of the unbroken run of that phase up to the date.
        var from = history.Where(r => r.ValidFrom <= date).Select(r => r.ValidFrom).Distinct().OrderDescending()
            .TakeWhile(d => PhaseHistory.PhaseOn(history, d) == phase).Min();
        return new PhaseOnDate(phase.Value, from);
    }

    /// <summary>How one file's phase compares with the register's for a pupil.</summary>
    public static PhaseComparisonKind Classify(bool inRegister, PhaseOnDate? register, PhaseOnDate? file) =>
        (inRegister, file) switch
        {
            (false, _) => PhaseComparisonKind.OnlyInFile,
            (true, null) => PhaseComparisonKind.OnlyHere,
            (true, { } f) when register is not { } r || r.Phase != f.Phase => PhaseComparisonKind.DifferentPhase,
            (true, { } f) when register!.Value.ValidFrom != f.ValidFrom => PhaseComparisonKind.DifferentStart,
            _ => PhaseComparisonKind.Same,
        };

    /// <summary>
    /// Compares on <paramref name="date"/>. <paramref name="enrolments"/> are only those the user may see; a number in a
    /// file that belongs to anyone else is "alleen in het bestand", like an unknown one (R-PRIV-1). With both files,
    /// pupils on which the vo file, the mbo file and the register do not all agree come first (R-RECON-2); then by
    /// category of <paramref name="own"/>'s file, then by the number's last digits (as shown, masked).
    /// </summary>
    public static IReadOnlyList<PhaseComparisonLine> Compare(
        IEnumerable<RegisterEnrolment> enrolments,
        DateOnly date,
        IEnumerable<PhaseFileRow>? voFile,
        IEnumerable<PhaseFileRow>? mboFile,
        Sector own)
    {
        if (voFile is null && mboFile is null)
        {
            throw new ArgumentException("At least one file is needed.", nameof(voFile));
        }

        var register = new Dictionary<PupilNumber, RegisterEnrolment>();
        foreach (var e in enrolments.Where(e => e.IsActiveOn(date)))
        {
            register.TryAdd(e.Number, e); // R-PUPIL-2: one active enrolment per pupil
        }

        var vo = voFile is null ? null : InForce(voFile, date);
        var mbo = mboFile is null ? null : InForce(mboFile, date);
        var numbers = register.Keys
            .Concat(vo?.Keys ?? []).Concat(mbo?.Keys ?? [])
            .Distinct();

        var lines = new List<PhaseComparisonLine>();
        foreach (var number in numbers)
        {
            var inRegister = register.TryGetValue(number, out var enrolment);
            var here = enrolment is null ? (PhaseOnDate?)null : InForce(enrolment.Phases, date);
            PhaseOnDate? voSide = vo is not null && vo.TryGetValue(number, out var v) ? v : null;
            PhaseOnDate? mboSide = mbo is not null && mbo.TryGetValue(number, out var m) ? m : null;
            var voKind = vo is null ? (PhaseComparisonKind?)null : Classify(inRegister, here, voSide);
            var mboKind = mbo is null ? (PhaseComparisonKind?)null : Classify(inRegister, here, mboSide);
            var disagreement = vo is not null && mbo is not null
                && !(inRegister && here is not null && voSide == here && mboSide == here);
            lines.Add(new PhaseComparisonLine(number, enrolment?.EnrolmentId, here, voKind, voSide, mboKind, mboSide, disagreement));
        }

        return lines
            .OrderByDescending(l => l.Disagreement)
            .ThenBy(l => l.KindFor(own) == PhaseComparisonKind.Same)
            .ThenBy(l => l.KindFor(own))
            .ThenBy(l => l.Number.Value[^4..], StringComparer.Ordinal)
            .ThenBy(l => l.Number.Value, StringComparer.Ordinal)
            .ToList();
    }
}
