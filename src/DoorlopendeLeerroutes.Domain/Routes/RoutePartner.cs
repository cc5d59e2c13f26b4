using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Domain.Routes;

/// <summary>
/// An institution taking part in a route, with its own confirmation (R-ROUTE-8). Sector and board are copied from the
/// institution when it joins, so the route's rules (R-ROUTE-1, R-AGR-1) can be checked within the route itself.
/// </summary>
public sealed class RoutePartner : Entity
{
    internal RoutePartner(Institution institution, SiteCode? site)
        : base(Guid.NewGuid())
    {
        InstitutionId = institution.Id;
        Sector = institution.Sector;
        BoardNumber = institution.BoardNumber;
        Site = site;
    }

    private RoutePartner(Guid institutionId, Sector sector, BoardNumber boardNumber, SiteCode? site)
        : base(Guid.NewGuid())
    {
        InstitutionId = institutionId;
        Sector = sector;
        BoardNumber = boardNumber;
        Site = site;
    }

    // For EF Core.
    private RoutePartner()
        : base(Guid.Empty) => BoardNumber = null!;

    public Guid InstitutionId { get; private set; }

    public Sector Sector { get; private set; }

    public BoardNumber BoardNumber { get; private set; }

    /// <summary>The vestiging where teaching takes place, if the partners named one.</summary>
    public SiteCode? Site { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public Guid? ConfirmedBy { get; private set; }

    public bool HasConfirmed => ConfirmedAt is not null;

    /// <summary>R-RIO-1: the date this partner says it registered the route's offer in RIO; null while it has not confirmed.</summary>
    public DateOnly? RioReportedOn { get; private set; }

    /// <summary>R-RIO-1: when the confirmation "gemeld in RIO" was given, and by whom.</summary>
    public DateTime? RioConfirmedAt { get; private set; }

    public Guid? RioConfirmedBy { get; private set; }

    public bool HasReportedToRio => RioReportedOn is not null;

    internal void Confirm(Guid userId, DateTime nowUtc)
    {
        ConfirmedAt = nowUtc;
        ConfirmedBy = userId;
    }

    internal void ConfirmRio(DateOnly reportedOn, Guid userId, DateTime nowUtc)
    {
        RioReportedOn = reportedOn;
        RioConfirmedAt = nowUtc;
        RioConfirmedBy = userId;
    }

    /// <summary>A new version starts without any confirmation: participation and RIO are asked again (R-ROUTE-10, R-RIO-1).</summary>
    internal RoutePartner CopyUnconfirmed() => new RoutePartner(InstitutionId, Sector, BoardNumber, Site);

    internal void ChangeSite(SiteCode? site) => Site = site;

    internal void ClearConfirmation()
    {
        ConfirmedAt = null;
        ConfirmedBy = null;
    }
}

/// <summary>What a form or import gives to name a partner: the institution and, optionally, the vestiging.</summary>
public sealed record RoutePartnerInput(Institution Institution, string? Site = null);
