using System.Globalization;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Pupils.Reconciliation;

/// <summary>
/// One pupil in the comparison as the page shows it: masked number (R-PUPIL-8), the register's phase, the user's own
/// file and the other partner's file (when it uploaded for the same date), and whether all three agree (R-RECON-2).
/// </summary>
public sealed record PhaseReconciliationItem(
    Guid? EnrolmentId,
    string MaskedNumber,
    string? Name,
    PhaseComparisonKind Kind,
    PhaseOnDate? Register,
    PhaseOnDate? Own,
    PhaseOnDate? Other,
    bool Disagreement)
{
    /// <summary>A difference the own file can settle: a phase or a start that differs, for a pupil of this route.</summary>
    public bool CanAdopt => EnrolmentId is not null && Own is not null
        && Kind is PhaseComparisonKind.DifferentPhase or PhaseComparisonKind.DifferentStart;
}

/// <summary>R-RECON-1: the comparison of a route on a date, or why there is none.</summary>
public sealed record PhaseReconciliationView(
    Guid RouteId,
    DateOnly Date,
    Sector? OwnSector,
    bool HasOwnFile,
    bool HasOtherFile,
    DateTime? OwnFileExpiresAt,
    IReadOnlyList<PhaseReconciliationItem> Items,
    IReadOnlyList<PupilImportError> Errors)
{
    public static PhaseReconciliationView Refused(Guid routeId, DateOnly date, IReadOnlyList<PupilImportError> errors) =>
        new(routeId, date, null, false, false, null, [], errors);

    public int Count(PhaseComparisonKind kind) => Items.Count(i => i.Kind == kind);

    /// <summary>Every pupil that is not the same everywhere, in the order of the page: what the CSV of differences holds.</summary>
    public IEnumerable<PhaseReconciliationItem> Differences => Items.Where(i => i.Kind != PhaseComparisonKind.Same || i.Disagreement);
}

/// <summary>A difference the user chose to adopt, with what the page showed (so a stale page is refused).</summary>
public sealed record PhaseAdoption(Guid EnrolmentId, PhaseOnDate? Register, PhaseOnDate File)
{
    /// <summary>
    /// The registrations that make the register hold the file's phase from the file's date. When the file starts the
    /// same phase later than the register, the days in between get the other phase first (the confirmation names both
    /// dates).
    /// </summary>
    public IEnumerable<(Phase Phase, DateOnly From)> Registrations()
    {
        if (Register is { } here && here.Phase == File.Phase && here.ValidFrom < File.ValidFrom)
        {
            yield return (File.Phase == Phase.Vo ? Phase.Mbo : Phase.Vo, here.ValidFrom);
        }

        yield return (File.Phase, File.ValidFrom);
    }
}

/// <summary>What adopting did: the number of pupils and the dates their new phases apply from.</summary>
public sealed record PhaseAdoptionOutcome(int Pupils, IReadOnlyList<DateOnly> Dates);

/// <summary>The messages of the phase comparison.</summary>
public static class PhaseReconciliationErrors
{
    public static readonly DomainError NotPartnerCoordinator = new(
        "phases.not_partner", "Alleen een coördinator van een partner in deze leerroute kan fasen vergelijken.");

    public static readonly DomainError RouteNotRegistered = new(
        "phases.route_not_registered", "Fasen vergelijken kan alleen bij een geregistreerde leerroute.");

    public static readonly DomainError NothingSelected = new("phases.nothing_selected", "Kies eerst de verschillen die je wilt overnemen.");

    public static readonly DomainError Stale = new(
        "phases.stale",
        "De vergelijking is intussen veranderd (iemand heeft fasen gewijzigd of een nieuw bestand geüpload); er is niets overgenomen. Bekijk de vergelijking opnieuw.");

    public static DomainError NotAdoptable(int count) => new(
        "phases.not_adoptable",
        string.Create(CultureInfo.InvariantCulture, $"{count} gekozen leerling(en) hebben geen verschil dat je kunt overnemen; er is niets overgenomen."));
}
