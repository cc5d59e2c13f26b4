using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Routes;

public sealed record PartnerView(Guid InstitutionId, string Name, string Brin, Sector Sector, string? Site, DateTime? ConfirmedAt, bool IsOwn)
{
    /// <summary>The enrol form's and the import's default school of <paramref name="sector"/> (<see cref="Route.DefaultPartner"/>).</summary>
    public static Guid? DefaultIn(IEnumerable<PartnerView> partners, Sector sector)
    {
        var ofSector = partners.Where(p => p.Sector == sector).ToList();
        return Route.DefaultPartnerAmong(ofSector.Select(p => p.InstitutionId).ToList(), ofSector.FirstOrDefault(p => p.IsOwn)?.InstitutionId);
    }
}

public sealed record AgreementView(
    Guid Id, int Number, AgreementKind Kind, DateOnly SignedOn, DateTime UploadedAt, string FileName, long SizeBytes,
    int PageCount, string Sha256, IReadOnlyList<AgreementItemCoverage> Items, int Parties, bool FundingTransferred,
    bool UsesLegalRoom, bool? MentionsTransferOption, bool CanDownload);

public sealed record HistoryView(RouteEvent Event, RouteStatus StatusAfter, DateTime At, string By, string? Reason);

/// <summary>Everything the route page shows, with the actions this user may take now.</summary>
public sealed record RouteDetails(
    Guid Id,
    string Code,
    int VersionNumber,
    Guid Version,
    RouteStatus Status,
    RouteDefinition Definition,
    string? RejectionReason,
    DateOnly? EndDate,
    Guid? PreviousVersionId,
    Guid? PendingVersionId,
    IReadOnlyList<PartnerView> Partners,
    IReadOnlyList<AgreementView> Agreements,
    IReadOnlyList<HistoryView> History,
    IReadOnlyList<DomainError> Warnings,
    IReadOnlyList<DomainError> SubmitShortcomings,
    int ActivePupils,
    RouteActions Actions);

/// <summary>One route for its page; null when it does not exist or the user may not see it (R-ACCESS-1).</summary>
public sealed class RouteDetailsQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<RouteDetails?> ExecuteAsync(Guid routeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var route = await scope.Routes(db).AsNoTracking().Include(r => r.History)
            .SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken);
        if (route is null)
        {
            await scope.RecordRefusalAsync(db, AuditObject.Route, routeId, "leerroute openen", cancellationToken);
            return null;
        }

        var user = scope.User;
        var partnerIds = route.Partners.Select(p => p.InstitutionId).ToList();
        var institutions = await db.Institutions.AsNoTracking()
            .Where(i => partnerIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var partners = route.Partners
            .Select(p => new PartnerView(
                p.InstitutionId, institutions[p.InstitutionId].Name, institutions[p.InstitutionId].Brin.Value, p.Sector,
                p.Site?.Value, p.ConfirmedAt, p.InstitutionId == user.InstitutionId))
            .OrderBy(p => p.Sector).ThenBy(p => p.Name)
            .ToList();

        var agreements = route.Agreements.OrderByDescending(a => a.Number)
            .Select(a => new AgreementView(
                a.Id, a.Number, a.Kind, a.SignedOn, a.UploadedAt, a.File.OriginalFileName, a.File.SizeBytes, a.File.PageCount,
                a.File.Sha256, a.Items, a.Parties.Count, a.FundingTransferred, a.UsesLegalRoom, a.File.MentionsTransferOption,
                AccessScope.MayDownload(a, user)))
            .ToList();

        var history = route.History.OrderByDescending(h => h.At).ToList();
        var people = await db.UserNames(history.Select(h => h.UserId).Distinct().ToList(), cancellationToken);
        var historyViews = history
            .Select(h => new HistoryView(h.Event, h.StatusAfter, h.At, people.GetValueOrDefault(h.UserId, "onbekend"), h.Reason))
            .ToList();

        var today = DutchTime.Today(time.GetUtcNow().UtcDateTime);
        var pupils = await scope.Enrolments(db)
            .CountAsync(e => e.RouteId == routeId && (e.EndDate == null || e.EndDate >= today), cancellationToken);

        return new RouteDetails(
            route.Id, route.Code, route.VersionNumber, route.Version, route.Status, route.Definition, route.RejectionReason,
            route.EndDate, route.PreviousVersionId, route.PendingVersionId, partners, agreements, historyViews,
            route.Definition.Warnings, route.Status == RouteStatus.Draft ? route.SubmitShortcomings().ToList() : [],
            pupils, RouteActions.For(route, user.ToActor()));
    }

    /// <summary>The edit form of a route the user may edit now; null otherwise.</summary>
    public async Task<RouteForm?> LoadFormAsync(Guid routeId, CancellationToken cancellationToken = default)
    {
        var details = await ExecuteAsync(routeId, cancellationToken);
        if (details is null || !details.Actions.CanEdit)
        {
            return null;
        }

        var partners = details.Partners.Select(p => new PartnerLine
        {
            InstitutionId = p.InstitutionId, Name = p.Name, Brin = p.Brin, Sector = p.Sector, Site = p.Site,
        });
        return RouteForm.From(details.Definition, partners, details.Version);
    }
}
