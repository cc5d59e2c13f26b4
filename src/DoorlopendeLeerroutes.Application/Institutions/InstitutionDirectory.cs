namespace DoorlopendeLeerroutes.Application.Institutions;

/// <summary>
/// The public directory of schools (name, BRIN, sector) from which a coordinator picks route partners. It holds nothing
/// of routes or pupils, so every signed-in user may search it.
/// </summary>
public sealed class InstitutionDirectory(IApplicationDbContextFactory contexts, AccessScope scope)
{
    public const int MaxResults = 20;

    public async Task<IReadOnlyList<InstitutionChoice>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        _ = scope.User; // signed-in users only
        await using var db = await contexts.CreateAsync(cancellationToken);
        var term = (text ?? string.Empty).Trim();
        var query = db.Institutions.AsNoTracking();
        if (term.Length > 0)
        {
            query = Domain.Institutions.Brin.TryCreate(term, out var brin)
                ? query.Where(i => i.Brin == brin || EF.Functions.Like(i.Name, "%" + term + "%"))
                : query.Where(i => EF.Functions.Like(i.Name, "%" + term.Replace("%", string.Empty, StringComparison.Ordinal) + "%"));
        }

        var list = await query.OrderBy(i => i.Name).Take(MaxResults).ToListAsync(cancellationToken);
        return list.Select(i => new InstitutionChoice(i.Id, i.Name, i.Brin.Value, i.Sector)).ToList();
    }

    public async Task<InstitutionChoice?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        _ = scope.User;
        await using var db = await contexts.CreateAsync(cancellationToken);
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return institution is null ? null : new InstitutionChoice(institution.Id, institution.Name, institution.Brin.Value, institution.Sector);
    }
}
