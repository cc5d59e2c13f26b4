using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;
using Microsoft.EntityFrameworkCore;

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
    IReadOnlyList<string> PartnerNames);

/// <summary>
/// The routes in force or in preparation that the user may see (R-ACCESS-1), a page at a time, ordered by code. Superseded and withdrawn versions are
/// history and are left out.
/// </summary>
public sealed class RouteListQuery(IApplicationDbContextFactory contexts, AccessScope scope)
{
    public async Task<PagedResult<RouteListItem>> ExecuteAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var current = scope.Routes(db).Where(r => r.Status != RouteStatus.Superseded && r.Status != RouteStatus.Withdrawn);

        var total = await current.CountAsync(cancellationToken);
        var items = await current
            .OrderBy(r => r.Code).ThenBy(r => r.VersionNumber)
            .Skip(page.Skip).Take(page.Take)
            .Select(r => new RouteListItem(
                r.Id, r.Code, r.VersionNumber, r.Definition.Name, r.Definition.Type, r.Status, r.Definition.Profile,
                r.Definition.Level, r.Definition.FirstSchoolYear,
                r.Partners
                    .Join(db.Institutions, p => p.InstitutionId, i => i.Id, (p, i) => new { p.Sector, i.Name })
                    .OrderBy(p => p.Sector).ThenBy(p => p.Name)
                    .Select(p => p.Name)
                    .ToList()))
            .ToListAsync(cancellationToken);
        return new PagedResult<RouteListItem>(items, total);
    }
}
