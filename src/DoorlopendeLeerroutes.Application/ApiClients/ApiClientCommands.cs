namespace DoorlopendeLeerroutes.Application.ApiClients;

// API clients ("koppelingen", issue 14), one class per action. A coordinator manages the clients of their own
// institution only (R-ACCESS-1); an administrator manages all and also creates registry clients. Viewers manage none.

/// <summary>The clients the user may manage: their institution's (coordinator) or all (administrator).</summary>
public sealed class ApiClientListQuery(IApiClientStore store, AccessScope scope)
{
    public Task<IReadOnlyList<ApiClientView>> ExecuteAsync(CancellationToken cancellationToken = default) =>
        store.ListAsync(ApiClientAccess.ManagedInstitution(scope), cancellationToken);
}

/// <summary>A new client; the answer holds the secret, which is shown once.</summary>
public sealed class CreateApiClient(IApiClientStore store, IApiScopeCatalogue catalogue, AccessScope scope, IAuditTrail audit)
{
    public async Task<Result<CreatedApiClient>> ExecuteAsync(ApiClientForm form, CancellationToken cancellationToken = default)
    {
        var user = scope.User;
        var institution = ApiClientAccess.ManagedInstitution(scope);
        var forRegistry = user.IsAdministrator && form.ForRegistry;
        if (user.IsAdministrator && !forRegistry)
        {
            institution = form.InstitutionId;
        }

        var errors = new List<DomainError>();
        var name = form.Name.Trim();
        if (name.Length == 0 || name.Length > ApiClientErrors.MaxNameLength)
        {
            errors.Add(ApiClientErrors.NameRequired);
        }
        else if (PrintableText.Check(name, "api_client.name", "de naam van de koppeling", field: "Name") is { } notPrintable)
        {
            errors.Add(notPrintable); // R-PRIV-4
        }

        if (!forRegistry && institution is null)
        {
            errors.Add(ApiClientErrors.InstitutionRequired);
        }

        var allowed = forRegistry ? catalogue.ForRegistry : catalogue.ForInstitutions;
        if (form.Scopes.Count == 0)
        {
            errors.Add(ApiClientErrors.ScopesRequired);
        }
        else if (!form.Scopes.All(allowed.Contains))
        {
            errors.Add(ApiClientErrors.ScopeNotAllowed);
        }

        if (errors.Count > 0)
        {
            return Result<CreatedApiClient>.Failure(errors);
        }

        var scopes = allowed.Where(form.Scopes.Contains).ToList(); // in the catalogue's order
        var created = await store.CreateAsync(name, forRegistry ? null : institution, scopes, user.UserId, cancellationToken);
        await audit.RecordAsync(
            user, AuditEvent.ApiClientCreated(created.Id, created.ClientId, name + " (" + string.Join(", ", scopes) + ")"), cancellationToken);
        return Result<CreatedApiClient>.Success(created);
    }
}

/// <summary>Revokes a client: its tokens stop working at the next call. Another institution's client is "not found".</summary>
public sealed class RevokeApiClient(IApiClientStore store, AccessScope scope, IAuditTrail audit)
{
    public async Task<Result> ExecuteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var institution = ApiClientAccess.ManagedInstitution(scope);
        var client = await store.FindAsync(id, cancellationToken);
        if (client is null)
        {
            return Result.Failure(ApiClientErrors.NotFound);
        }

        if (!scope.IsAdministrator && client.InstitutionId != institution)
        {
            await scope.RecordForbiddenAsync(AuditObject.ApiClient, id, "koppeling intrekken", cancellationToken); // R-PRIV-2
            return Result.Failure(ApiClientErrors.NotFound);
        }

        if (!client.IsRevoked)
        {
            await store.RevokeAsync(id, scope.User.UserId, cancellationToken);
            await audit.RecordAsync(scope.User, AuditEvent.ApiClientRevoked(id, client.ClientId), cancellationToken);
        }

        return Result.Success();
    }
}

internal static class ApiClientAccess
{
    /// <summary>The institution whose clients the user manages; null for an administrator (all). Viewers manage none.</summary>
    public static Guid? ManagedInstitution(AccessScope scope)
    {
        var user = scope.User;
        return user.Role switch
        {
            UserRole.Administrator => null,
            UserRole.Coordinator => user.InstitutionId,
            _ => throw new AccessDeniedException("Only coordinators and administrators manage API clients."),
        };
    }
}
