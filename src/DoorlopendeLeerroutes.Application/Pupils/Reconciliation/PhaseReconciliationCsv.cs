using System.Globalization;

namespace DoorlopendeLeerroutes.Application.Pupils.Reconciliation;

/// <summary>The differences of a comparison as CSV (docs/formats.md common rules), masked numbers only (R-PUPIL-8).</summary>
public static class PhaseReconciliationCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["Leerlingnummer", "Naam", "Uitkomst", "Fase hier", "Ingangsdatum hier", "Fase in bestand", "Ingangsdatum in bestand",
         "Fase andere partner", "Ingangsdatum andere partner", "Vo, mbo en register oneens"];

    public static string KindText(PhaseComparisonKind kind) => kind switch
    {
        PhaseComparisonKind.Same => "Gelijk",
        PhaseComparisonKind.DifferentPhase => "Andere fase",
        PhaseComparisonKind.DifferentStart => "Andere ingangsdatum",
        PhaseComparisonKind.OnlyInFile => "Alleen in bestand (niet in deze leerroute)",
        PhaseComparisonKind.OnlyHere => "Alleen hier",
        _ => string.Empty,
    };

    public static string PhaseText(PhaseOnDate? side) => side is { } s ? (s.Phase == Phase.Vo ? "VO" : "MBO") : string.Empty;

    public static string DateText(PhaseOnDate? side) =>
        side is { } s ? s.ValidFrom.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) : string.Empty;

    public static string FileName(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"fasenvergelijking-{date:yyyy-MM-dd}.csv");

    /// <summary>The differences (<see cref="PhaseReconciliationView.Differences"/>), one line per pupil.</summary>
    public static byte[] Write(PhaseReconciliationView view) => Csv.Write(
        new[] { Header }.Concat(view.Differences
            .Select(i => (IReadOnlyList<string>)
            [
                i.MaskedNumber, i.Name ?? string.Empty, KindText(i.Kind), PhaseText(i.Register), DateText(i.Register),
                PhaseText(i.Own), DateText(i.Own), PhaseText(i.Other), DateText(i.Other), i.Disagreement ? "ja" : "nee",
            ])));
}
