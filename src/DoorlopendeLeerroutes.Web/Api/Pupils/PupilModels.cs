using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Counting;

namespace DoorlopendeLeerroutes.Web.Api.Pupils;

/// <summary>A pupil in a route's list, with the masked number (R-PUPIL-8) as on the page.</summary>
public sealed record LeerlingInRoute(
    Guid InschrijvingId, string Naam, string Leerlingnummer, DateOnly Startdatum, DateOnly? Einddatum, Phase? FaseVandaag,
    Phase VerwachteFase, bool WijktAfVanVerwacht)
{
    public static LeerlingInRoute From(RoutePupilItem item) => new(
        item.EnrolmentId, item.Name, item.MaskedNumber, item.StartDate, item.EndDate, item.PhaseToday, item.ExpectedPhase, item.DiffersFromExpected);
}

/// <summary>Enrolling one pupil; without institutions the route's default vo school and mbo institution are taken, as on the page.</summary>
public sealed record InschrijvingInvoer(
    string Leerlingnummer, string Achternaam, string? Tussenvoegsel, string Voornaam, DateOnly? Geboortedatum, DateOnly? Startdatum,
    Guid? VoInstellingId, Guid? MboInstellingId, Phase? Fase);

public sealed record InschrijvingResultaat(Guid InschrijvingId);

/// <summary>A new phase registration from a date (R-PUPIL-4). Without <see cref="Versie"/> the current version is taken.</summary>
public sealed record FaseInvoer(Phase Fase, DateOnly GeldigVanaf, Guid? Versie);

/// <summary>Ending an enrolment with an outcome (R-PUPIL-7).</summary>
public sealed record BeeindigingInschrijvingInvoer(DateOnly Einddatum, EnrolmentOutcome Uitkomst, string? Toelichting, Guid? Versie);

/// <summary>"Bekostigingsfase opzoeken" (the answer's phases are those on <c>datum</c>): the number travels in the body, never in a URL (it would end up in logs).</summary>
public sealed record OpzoekInvoer(string Leerlingnummer, DateOnly? Datum);

public sealed record BekostigingOpTeldatum(string Schooljaar, DateOnly Teldatum, Phase? Fase, string? BekostigdDoor, CountStatus Status, bool IsVoorlopig);

public sealed record InschrijvingBekostiging(
    Guid InschrijvingId, string Leerroute, DateOnly Startdatum, DateOnly? Einddatum, Phase? Fase, Phase VerwachteFase,
    IReadOnlyList<BekostigingOpTeldatum> Teldatums);

public sealed record OpzoekResultaat(string Naam, string Leerlingnummer, DateOnly Datum, IReadOnlyList<InschrijvingBekostiging> Inschrijvingen)
{
    public static OpzoekResultaat From(FundingPhaseAnswer answer) => new(
        answer.Name, answer.MaskedNumber, answer.Date,
        [.. answer.Enrolments.Select(e => new InschrijvingBekostiging(
            e.EnrolmentId, e.Route, e.StartDate, e.EndDate, e.PhaseOnDate, e.ExpectedPhaseOnDate,
            [.. e.CountDates.Select(c => new BekostigingOpTeldatum(c.SchoolYear.ToString(), c.CountDate, c.Phase, c.FundedBrin, c.Status, c.IsPreview))]))]);
}

/// <summary>One row of an import: what it does (nieuw, fasewijziging, leerwegwijziging, ongewijzigd), with the masked number.</summary>
public sealed record ImportRegel(
    int Regel, string Leerlingnummer, string Naam, DateOnly Startdatum, Phase Fase, DateOnly FaseVanaf, PupilImportStatus Status, Track? Leerweg);

public sealed record ImportTotalen(int Nieuw, int Fasewijzigingen, int Ongewijzigd, int Leerwegwijzigingen)
{
    public static ImportTotalen From(PupilImportTotals totals) => new(totals.New, totals.PhaseChanges, totals.Unchanged, totals.TrackChanges);
}

/// <summary>The answer of an import: for a dry run (<see cref="Proef"/>) what it would do; otherwise what was stored.</summary>
public sealed record ImportResultaat(bool Proef, bool Opgeslagen, ImportTotalen Totalen, IReadOnlyList<ImportRegel> Regels)
{
    public static IReadOnlyList<ImportRegel> Lines(PupilImportPreview preview) =>
        [.. preview.Lines.Select(l => new ImportRegel(l.Line, l.MaskedNumber, l.Name, l.StartDate, l.Phase, l.PhaseFrom, l.Status, l.Track))];
}
