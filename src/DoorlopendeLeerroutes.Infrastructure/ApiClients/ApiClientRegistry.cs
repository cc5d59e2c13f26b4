using System.Security.Cryptography;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DoorlopendeLeerroutes.Infrastructure.ApiClients;

/// <summary>
/// Creates and revokes API clients: the app's <see cref="ApiClient"/> record together with the OpenIddict application
/// that holds the credentials (only the secret's hash is stored). A revoked client's application is deleted, so it gets no
/// new token; the tokens it has stop working at once, because every API call checks the record (ApiAuthentication).
/// </summary>
public sealed class ApiClientRegistry(
    IDbContextFactory<AppDbContext> contexts, IOpenIddictApplicationManager applications, TimeProvider time)
{
    /// <summary>Creates a client; returns it with its secret, which is shown once and never stored in plain text.</summary>
    public async Task<(ApiClient Client, string Secret)> CreateAsync(
        string name, Guid? institutionId, IReadOnlyCollection<string> scopes, Guid? createdBy,
        string? clientId = null, string? secret = null, CancellationToken cancellationToken = default)
    {
        var client = new ApiClient
        {
            ClientId = clientId ?? NewClientId(),
            Name = name.Trim(),
            InstitutionId = institutionId,
            Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal)),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedByUserId = createdBy,
        };
        secret ??= NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in client.ScopeList)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken); // first: the unique client id guards against a second application
        try
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        catch
        {
            db.ApiClients.Remove(client);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        return (client, secret);
    }

    /// <summary>Revokes a client: no new tokens, and its current tokens are refused from the next call on.</summary>
    public async Task RevokeAsync(Guid id, Guid? revokedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var client = await db.ApiClients.SingleAsync(c => c.Id == id, cancellationToken);
        if (client.IsRevoked)
        {
            return;
        }

        client.RevokedAt = time.GetUtcNow().UtcDateTime;
        client.RevokedByUserId = revokedBy;
        await db.SaveChangesAsync(cancellationToken);
        if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is { } application)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }
    }

    /// <summary>The client behind a token or a token request, if it exists and is not revoked.</summary>
    public async Task<ApiClient?> FindActiveAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiClients.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ClientId == clientId && c.RevokedAt == null, cancellationToken);
    }

    /// <summary>Whether the client with this id may still call the API (it exists and is not revoked).</summary>
    public async Task<bool> IsActiveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiClients.AnyAsync(c => c.Id == id && c.RevokedAt == null, cancellationToken);
    }

    private static string NewClientId() => "dlr-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>256 random bits, URL-safe, so it can go into a <c>curl -u id:secret</c> unquoted.</summary>
    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The Application layer's view of the clients (the Koppelingen page), on top of <see cref="ApiClientRegistry"/>.</summary>
internal sealed class ApiClientStore(IDbContextFactory<AppDbContext> contexts, ApiClientRegistry registry) : Application.ApiClients.IApiClientStore
{
    public async Task<IReadOnlyList<Application.ApiClients.ApiClientView>> ListAsync(Guid? institutionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clients = db.ApiClients.AsNoTracking().Where(c => institutionId == null || c.InstitutionId == institutionId);
        return (await Views(db, clients).ToListAsync(cancellationToken)).Select(ToView).OrderByDescending(v => v.CreatedAt).ToList();
    }

    public async Task<Application.ApiClients.ApiClientView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Views(db, db.ApiClients.AsNoTracking().Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToView(row);
    }

    public async Task<Application.ApiClients.CreatedApiClient> CreateAsync(
        string name, Guid? institutionId, IReadOnlyCollection<string> scopes, Guid createdBy, CancellationToken cancellationToken = default)
    {
        var (client, secret) = await registry.CreateAsync(name, institutionId, scopes, createdBy, cancellationToken: cancellationToken);
        return new Application.ApiClients.CreatedApiClient(client.Id, client.ClientId, secret);
    }

    public Task RevokeAsync(Guid id, Guid revokedBy, CancellationToken cancellationToken = default) =>
        registry.RevokeAsync(id, revokedBy, cancellationToken);

    private static IQueryable<Row> Views(AppDbContext db, IQueryable<ApiClient> clients) =>
        from client in clients
        join institution in db.Institutions on client.InstitutionId equals institution.Id into owners
        from institution in owners.DefaultIfEmpty()
        join user in db.Users on client.CreatedByUserId equals user.Id into creators
        from user in creators.DefaultIfEmpty()
        select new Row(client, institution == null ? null : institution.Name, user == null ? null : user.DisplayName);

    private static Application.ApiClients.ApiClientView ToView(Row row) => new(
        row.Client.Id, row.Client.ClientId, row.Client.Name, row.Client.InstitutionId, row.Institution, row.Client.ScopeList,
        row.Client.CreatedAt, row.CreatedBy, row.Client.RevokedAt);

    private sealed record Row(ApiClient Client, string? Institution, string? CreatedBy);
}
