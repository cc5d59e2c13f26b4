using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Institutions;

public sealed record InstitutionListItem(
    Guid Id, string Brin, string Name, Sector Sector, string BoardNumber, string BoardName, string? Municipality,
    Province? Province, string? RmcRegion);

/// <summary>The institutions, a page at a time, ordered by name (Beheer: administrators only).</summary>
public sealed class InstitutionListQuery(IApplicationDbContextFactory contexts, AccessScope scope)
{
    public async Task<PagedResult<InstitutionListItem>> ExecuteAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        await using var db = await contexts.CreateAsync(cancellationToken);
        var total = await db.Institutions.CountAsync(cancellationToken);
        var institutions = await db.Institutions
            .OrderBy(i => i.Name)
            .Skip(page.Skip).Take(page.Take)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var items = institutions
            .Select(i => new InstitutionListItem(
                i.Id, i.Brin.Value, i.Name, i.Sector, i.BoardNumber.Value, i.BoardName, i.Municipality, i.Province, i.RmcRegion))
            .ToList();
        return new PagedResult<InstitutionListItem>(items, total);
    }
}
