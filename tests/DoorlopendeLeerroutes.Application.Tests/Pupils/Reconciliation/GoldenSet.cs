using DoorlopendeLeerroutes.Application.Pupils.Reconciliation;
using DoorlopendeLeerroutes.Domain.Pupils;

namespace DoorlopendeLeerroutes.Application.Tests.Pupils.Reconciliation;

/// <summary>
/// The golden set of R-RECON-1/2: a known register and the vo and mbo partners' files (golden-vo.csv, golden-mbo.csv in this
/// folder hold the same rows as a school would upload them), compared on 1-10-2026. Each pupil stands for one case.
/// </summary>
internal static class GoldenSet
{
    public static readonly PupilNumber Same = PupilNumber.Create("100000016");
    public static readonly PupilNumber MboDiffers = PupilNumber.Create("100000028");
    public static readonly PupilNumber VoDiffersPhase = PupilNumber.Create("100000041");
    public static readonly PupilNumber VoDiffersStart = PupilNumber.Create("100000053");
    public static readonly PupilNumber Unknown = PupilNumber.Create("100000065");
    public static readonly PupilNumber OnlyHere = PupilNumber.Create("100000077");
    public static readonly PupilNumber FutureRowOnly = PupilNumber.Create("100000089");
    public static readonly PupilNumber NoPhaseHere = PupilNumber.Create("100000090");
    public static readonly PupilNumber OtherInstitution = PupilNumber.Create("100000107");
    public static readonly PupilNumber Ended = PupilNumber.Create("100000119");

    private static readonly DateTime Recorded = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<RegisterEnrolment> Register { get; } =
    [
        E(Same, D(2025, 8, 1), null, (Phase.Vo, D(2025, 8, 1))),
        E(MboDiffers, D(2024, 8, 1), null, (Phase.Vo, D(2024, 8, 1)), (Phase.Mbo, D(2026, 8, 1))),
        E(VoDiffersPhase, D(2025, 8, 1), null, (Phase.Vo, D(2025, 8, 1))),
        E(VoDiffersStart, D(2024, 8, 1), null, (Phase.Vo, D(2024, 8, 1)), (Phase.Mbo, D(2026, 9, 1))),
        E(OnlyHere, D(2025, 8, 1), null, (Phase.Vo, D(2025, 8, 1))),
        E(FutureRowOnly, D(2025, 8, 1), null, (Phase.Vo, D(2025, 8, 1))),
        E(NoPhaseHere, D(2026, 8, 1), null),
        E(OtherInstitution, D(2025, 8, 1), null, (Phase.Vo, D(2025, 8, 1))),
        E(Ended, D(2024, 8, 1), D(2026, 7, 31), (Phase.Vo, D(2024, 8, 1))),
    ];

    public static IReadOnlyList<PhaseFileRow> VoFile { get; } =
    [
        R(2, Same, Phase.Vo, D(2025, 8, 1)),
        R(3, MboDiffers, Phase.Mbo, D(2026, 8, 1)),
        R(4, VoDiffersPhase, Phase.Mbo, D(2026, 8, 1)),
        R(5, VoDiffersStart, Phase.Mbo, D(2026, 8, 1)),
        R(6, Unknown, Phase.Vo, D(2025, 8, 1)),
        R(7, FutureRowOnly, Phase.Mbo, D(2026, 11, 1)),
        R(8, NoPhaseHere, Phase.Vo, D(2026, 8, 1)),
        R(9, Ended, Phase.Vo, D(2024, 8, 1)),
    ];

    public static IReadOnlyList<PhaseFileRow> MboFile { get; } =
    [
        R(2, Same, Phase.Vo, D(2025, 8, 1)),
        R(3, MboDiffers, Phase.Vo, D(2024, 8, 1)),
        R(4, VoDiffersPhase, Phase.Vo, D(2025, 8, 1)),
        R(5, VoDiffersStart, Phase.Mbo, D(2026, 9, 1)),
        R(6, Unknown, Phase.Vo, D(2025, 8, 1)),
        R(7, OnlyHere, Phase.Vo, D(2025, 8, 1)),
        R(8, FutureRowOnly, Phase.Vo, D(2025, 8, 1)),
        R(9, NoPhaseHere, Phase.Vo, D(2026, 8, 1)),
        R(10, OtherInstitution, Phase.Mbo, D(2026, 8, 1)),
    ];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static PhaseFileRow R(int line, PupilNumber number, Phase phase, DateOnly from) => new(line, number, phase, from);

    private static RegisterEnrolment E(PupilNumber number, DateOnly start, DateOnly? end, params (Phase Phase, DateOnly From)[] phases) =>
        new(Guid.NewGuid(), number, start, end, [.. phases.Select((p, i) => new PhaseRecord(p.Phase, p.From, Recorded.AddMinutes(i)))]);
}
