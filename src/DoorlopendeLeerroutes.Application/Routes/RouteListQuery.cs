namespace DoorlopendeLeerroutes.Application.Routes;

/// <summary>One line of the route list.</summary>
public sealed record RouteListItem(
    Guid Id,
    string Code,
    int VersionNumber,
    string Name,
    RouteType Type,
    RouteStatus Status,
    VmboProfile Profile,
    MboLevel Level,
    SchoolYear FirstSchoolYear,
    IReadOnlyList<string> PartnerNames,
    bool AwaitsMyConfirmation,
    bool AwaitsReview);

/// <summary>The filters above the route list; all optional.</summary>
public sealed record RouteFilter(
    RouteStatus? Status = null,
    RouteType? Type = null,
    int? FirstSchoolYear = null,
    RouteSector? Sector = null,
    string? Search = null);

/// <summary>
/// The routes in force or in preparation that the user may see (R-ACCESS-1), filtered and a page at a time, ordered by
/// code. Superseded and withdrawn versions are history and are left out unless asked for by status.
/// </summary>
public sealed class RouteListQuery(IApplicationDbContextFactory contexts, AccessScope scope)
{
    public async Task<PagedResult<RouteListItem>> ExecuteAsync(
        PageRequest page, RouteFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new RouteFilter();
        await using var db = await contexts.CreateAsync(cancellationToken);
        var routes = scope.Routes(db);
        routes = filter.Status is { } status
            ? routes.Where(r => r.Status == status)
            : routes.Where(r => r.Status != RouteStatus.Superseded && r.Status != RouteStatus.Withdrawn);
        if (filter.Type is { } type)
        {
            routes = routes.Where(r => r.Definition.Type == type);
        }

        if (filter.FirstSchoolYear is { } startYear)
        {
            var year = SchoolYear.FromStartYear(startYear);
            routes = routes.Where(r => r.Definition.FirstSchoolYear == year);
        }

        if (filter.Sector is { } sector)
        {
            var profiles = Enum.GetValues<VmboProfile>().Where(p => p.Sector() == sector).ToList();
            routes = routes.Where(r => profiles.Contains(r.Definition.Profile));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Route name or code, or a partner's name or BRIN. LIKE ignores case on SQL Server and, for ASCII letters,
            // on SQLite; the escapes keep %, _ and [ literal on both.
            var term = filter.Search.Trim();
            const string escape = "\\";
            var pattern = "%" + term.Replace(escape, escape + escape, StringComparison.Ordinal)
                .Replace("%", escape + "%", StringComparison.Ordinal).Replace("_", escape + "_", StringComparison.Ordinal)
                .Replace("[", escape + "[", StringComparison.Ordinal) + "%";
            var partnerIds = db.Institutions.Where(i => EF.Functions.Like(i.Name, pattern, escape)).Select(i => i.Id);
            if (Domain.Institutions.Brin.TryCreate(term, out var brin))
            {
                partnerIds = partnerIds.Concat(db.Institutions.Where(i => i.Brin == brin).Select(i => i.Id));
            }

            routes = routes.Where(r => EF.Functions.Like(r.Definition.Name, pattern, escape) || EF.Functions.Like(r.Code, pattern, escape)
                                       || r.Partners.Any(p => partnerIds.Contains(p.InstitutionId)));
        }

        var user = scope.User;
        var own = user.InstitutionId;
        var isCoordinator = user.Role == UserRole.Coordinator;
        var isAdministrator = user.IsAdministrator;

        var total = await routes.CountAsync(cancellationToken);
        var items = await routes
            .OrderBy(r => r.Code).ThenBy(r => r.VersionNumber)
            .Skip(page.Skip).Take(page.Take)
            .Select(r => new RouteListItem(
                r.Id, r.Code, r.VersionNumber, r.Definition.Name, r.Definition.Type, r.Status, r.Definition.Profile,
                r.Definition.Level, r.Definition.FirstSchoolYear,
                r.Partners
                    .Join(db.Institutions, p => p.InstitutionId, i => i.Id, (p, i) => new { p.Sector, i.Name })
                    .OrderBy(p => p.Sector).ThenBy(p => p.Name)
                    .Select(p => p.Name)
                    .ToList(),
                isCoordinator && r.Status == RouteStatus.Draft
                    && r.Partners.Any(p => p.InstitutionId == own && p.ConfirmedAt == null),
                isAdministrator && r.Status == RouteStatus.Submitted))
            .ToListAsync(cancellationToken);
        return new PagedResult<RouteListItem>(items, total);
    }
}
