namespace DoorlopendeLeerroutes.Application.ApiClients;

/// <summary>An API client ("koppeling") as the Koppelingen page lists it; never its secret.</summary>
public sealed record ApiClientView(
    Guid Id,
    string ClientId,
    string Name,
    Guid? InstitutionId,
    string? InstitutionName,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAt,
    string? CreatedBy,
    DateTime? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    public bool IsRegistryClient => InstitutionId is null;
}

/// <summary>A new client with its secret: shown once, then only its hash remains.</summary>
public sealed record CreatedApiClient(Guid Id, string ClientId, string Secret);

/// <summary>Where API clients are kept (Infrastructure: the app's record with OpenIddict's application).</summary>
public interface IApiClientStore
{
    /// <summary>The clients of one institution, or every client when <paramref name="institutionId"/> is null; newest first.</summary>
    Task<IReadOnlyList<ApiClientView>> ListAsync(Guid? institutionId, CancellationToken cancellationToken = default);

    Task<ApiClientView?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<CreatedApiClient> CreateAsync(
        string name, Guid? institutionId, IReadOnlyCollection<string> scopes, Guid createdBy, CancellationToken cancellationToken = default);

    Task RevokeAsync(Guid id, Guid revokedBy, CancellationToken cancellationToken = default);
}

/// <summary>The scopes a client can be given (the web layer's API contract).</summary>
public interface IApiScopeCatalogue
{
    IReadOnlyList<string> ForInstitutions { get; }

    IReadOnlyList<string> ForRegistry { get; }
}

/// <summary>What the page fills in for a new client.</summary>
public sealed class ApiClientForm
{
    public string Name { get; set; } = string.Empty;

    /// <summary>For administrators: true for a registry client; coordinators always create one for their own institution.</summary>
    public bool ForRegistry { get; set; }

    /// <summary>For administrators: the institution the client acts for; a coordinator's own institution is taken instead.</summary>
    public Guid? InstitutionId { get; set; }

    public HashSet<string> Scopes { get; set; } = [];
}

/// <summary>The Dutch messages of the Koppelingen use cases.</summary>
public static class ApiClientErrors
{
    public const int MaxNameLength = 100;

    public static readonly DomainError NameRequired =
        new("api_client.name.required", $"Geef de koppeling een naam (hoogstens {MaxNameLength} tekens), bijvoorbeeld het pakket dat hem gebruikt.", "Name");

    public static readonly DomainError ScopesRequired =
        new("api_client.scopes.required", "Kies minstens één recht voor de koppeling.", "Scopes");

    public static readonly DomainError ScopeNotAllowed =
        new("api_client.scopes.not_allowed", "Een of meer gekozen rechten horen niet bij dit soort koppeling.", "Scopes");

    public static readonly DomainError InstitutionRequired =
        new("api_client.institution.required", "Kies de instelling waarvoor de koppeling werkt, of kies een koppeling voor het register.", "InstitutionId");

    public static readonly DomainError NotFound =
        new("api_client.not_found", "Deze koppeling bestaat niet (meer).");
}
