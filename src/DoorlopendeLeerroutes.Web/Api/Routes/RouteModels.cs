using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Web.Api.Routes;

/// <summary>One page of a list: the items, the page (from 1), its size and the total number of items.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Pagina, int Paginagrootte, int Totaal);

/// <summary>A route in the list.</summary>
public sealed record LeerrouteSamenvatting(
    string Code, int Versienummer, string Naam, RouteType Type, RouteStatus Status, VmboProfile Profiel, MboLevel Niveau,
    string EersteSchooljaar, IReadOnlyList<string> Partners, bool WachtOpMijnBevestiging, bool WachtOpBeoordeling)
{
    public static LeerrouteSamenvatting From(RouteListItem item) => new(
        item.Code, item.VersionNumber, item.Name, item.Type, item.Status, item.Profile, item.Level, item.FirstSchoolYear.ToString(),
        item.PartnerNames, item.AwaitsMyConfirmation, item.AwaitsReview);
}

public sealed record LeerroutePartner(Guid InstellingId, string Naam, string Brin, Sector Sector, string? Vestiging, DateTime? BevestigdOp);

public sealed record OvereenkomstSamenvatting(
    int Versie, AgreementKind Soort, DateOnly OndertekendOp, DateTime GeuploadOp, long Grootte, int Paginas, string Sha256,
    int Partijen, bool BekostigingOvergedragen, bool GebruiktWettelijkeRuimte, bool Downloadbaar);

/// <summary>What the caller may do with the route now (the buttons of the route page).</summary>
public sealed record LeerrouteActies(
    bool Wijzigen, bool Bevestigen, bool OvereenkomstToevoegen, bool Indienen, bool Beoordelen, bool NieuweVersie, bool Beeindigen,
    bool Intrekken);

/// <summary>One route with everything the route page shows. <see cref="Versie"/> goes along with every change.</summary>
public sealed record LeerrouteDetails(
    string Code, int Versienummer, Guid Versie, RouteStatus Status, string Naam, RouteType Type, VmboProfile Profiel,
    IReadOnlyList<Track> Leerwegen, string? Crebo, string? Opleidingsdomein, MboLevel Niveau, int Instroomjaar, string EersteSchooljaar,
    TeachingLocation Lesplaats, bool MetBeroepspraktijkvorming, string? Afwijzingsreden, DateOnly? Einddatum, int ActieveLeerlingen,
    IReadOnlyList<LeerroutePartner> Partners, IReadOnlyList<OvereenkomstSamenvatting> Overeenkomsten, IReadOnlyList<string> Waarschuwingen,
    IReadOnlyList<string> NogNietIndienbaar, LeerrouteActies Acties)
{
    public static LeerrouteDetails From(RouteDetails d) => new(
        d.Code, d.VersionNumber, d.Version, d.Status, d.Definition.Name, d.Definition.Type, d.Definition.Profile, d.Definition.Tracks,
        d.Definition.Crebo?.Value, d.Definition.TrainingDomain, d.Definition.Level, d.Definition.EntryYear, d.Definition.FirstSchoolYear.ToString(),
        d.Definition.Location, d.Definition.IncludesWorkBasedTrack, d.RejectionReason, d.EndDate, d.ActivePupils,
        [.. d.Partners.Select(p => new LeerroutePartner(p.InstitutionId, p.Name, p.Brin, p.Sector, p.Site, p.ConfirmedAt))],
        [.. d.Agreements.Select(a => new OvereenkomstSamenvatting(
            a.Number, a.Kind, a.SignedOn, a.UploadedAt, a.SizeBytes, a.PageCount, a.Sha256, a.Parties, a.FundingTransferred, a.UsesLegalRoom,
            a.CanDownload))],
        [.. d.Warnings.Select(w => w.Message)], [.. d.SubmitShortcomings.Select(s => s.Message)],
        new LeerrouteActies(
            d.Actions.CanEdit, d.Actions.CanConfirm, d.Actions.CanAddAgreement, d.Actions.CanSubmit, d.Actions.CanReview,
            d.Actions.CanStartNewVersion, d.Actions.CanEnd, d.Actions.CanWithdraw));
}

/// <summary>A partner of a new or changed route: the institution and, optionally, its vestiging.</summary>
public sealed record PartnerInvoer(Guid InstellingId, string? Vestiging);

/// <summary>The route form: a new draft (without <see cref="Versie"/>) or a change of a draft or rejected route.</summary>
public sealed record LeerrouteInvoer(
    string Naam, RouteType Type, VmboProfile? Profiel, IReadOnlyList<Track>? Leerwegen, string? Crebo, string? Opleidingsdomein,
    MboLevel Niveau, int Instroomjaar, string EersteSchooljaar, TeachingLocation Lesplaats, bool MetBeroepspraktijkvorming,
    IReadOnlyList<PartnerInvoer> Partners, Guid? Versie)
{
    public RouteForm ToForm() => new()
    {
        Name = Naam ?? string.Empty, Type = Type, Profile = Profiel, Tracks = [.. Leerwegen ?? []], TargetIsCrebo = Opleidingsdomein is null,
        Crebo = Crebo, TrainingDomain = Opleidingsdomein, Level = Niveau, EntryYear = Instroomjaar, FirstSchoolYear = EersteSchooljaar ?? string.Empty,
        Location = Lesplaats, IncludesWorkBasedTrack = MetBeroepspraktijkvorming,
        Partners = [.. (Partners ?? []).Select(p => new PartnerLine { InstitutionId = p.InstellingId, Site = p.Vestiging })],
        Version = Versie ?? Guid.Empty,
    };
}

/// <summary>The version the caller last read (concurrency), for an action without further questions.</summary>
public sealed record ActieInvoer(Guid Versie);

/// <summary>Rejecting a submitted route: the reason the partners see.</summary>
public sealed record AfwijzingInvoer(Guid Versie, string Reden);

/// <summary>Ending a registered route from a date, with an optional reason.</summary>
public sealed record BeeindigingInvoer(Guid Versie, DateOnly Einddatum, string? Reden);
