namespace DoorlopendeLeerroutes.Infrastructure.ApiClients;

/// <summary>
/// Development only: one API client per demo institution (every institution scope) and one for the registry, with fixed
/// ids and secrets the README lists, so a newcomer can get a token with curl straight away.
/// </summary>
public sealed class ApiClientSeeder(ApiClientRegistry registry, IDbContextFactory<Persistence.AppDbContext> contexts)
{
    /// <summary>The demo clients: client id, secret, name, and the BRIN of the institution (null: the registry).</summary>
    public static readonly IReadOnlyList<(string ClientId, string Secret, string Name, string? Brin)> DemoClients =
    [
        ("demo-horizon", "demo-geheim-horizon-2026", "Magister De Horizon (demo)", "05KO"),
        ("demo-maasland", "demo-geheim-maasland-2026", "Somtoday Maaslandcollege (demo)", "12AB"),
        ("demo-groenevallei-vmbo", "demo-geheim-groenevallei-vmbo-2026", "Magister Groene Vallei vmbo (demo)", "21CD"),
        ("demo-rocrivierenland", "demo-geheim-rocrivierenland-2026", "Eduarte ROC Rivierenland (demo)", "25PG"),
        ("demo-groenevallei-mbo", "demo-geheim-groenevallei-mbo-2026", "Eduarte Groene Vallei mbo (demo)", "27HK"),
        ("demo-vakschool", "demo-geheim-vakschool-2026", "Osiris Vakschool Techniek Noord (demo)", "30JK"),
        ("demo-register", "demo-geheim-register-2026", "Register (demo)", null),
    ];

    /// <summary>
    /// Adds the demo clients, with the given scopes, to a database that holds the demo institutions and no API client yet;
    /// returns how many.
    /// </summary>
    public async Task<int> SeedDemoClientsAsync(
        IReadOnlyList<string> institutionScopes, IReadOnlyList<string> registryScopes, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var institutions = await db.Institutions.AsNoTracking().ToListAsync(cancellationToken);
        var demoBrins = DemoClients.Where(c => c.Brin is not null).Select(c => c.Brin!).ToHashSet();
        if (await db.ApiClients.AnyAsync(cancellationToken) || !institutions.Any(i => demoBrins.Contains(i.Brin.Value)))
        {
            return 0;
        }

        foreach (var (clientId, secret, name, brin) in DemoClients)
        {
            var institution = brin is null ? null : institutions.SingleOrDefault(i => i.Brin.Value == brin);
            if (brin is not null && institution is null)
            {
                continue; // a database with only part of the demo institutions
            }

            await registry.CreateAsync(
                name, institution?.Id, brin is null ? registryScopes : institutionScopes, createdBy: null, clientId, secret, cancellationToken);
        }

        return await db.ApiClients.CountAsync(cancellationToken);
    }
}
