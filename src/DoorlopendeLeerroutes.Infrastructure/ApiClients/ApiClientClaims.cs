using System.Security.Claims;
using DoorlopendeLeerroutes.Infrastructure.Accounts;

namespace DoorlopendeLeerroutes.Infrastructure.ApiClients;

/// <summary>
/// The claims of an API client's access token (issue 14) and how they become the <see cref="UserContext"/> every use
/// case, access check and audit line already works with: the client's stable id, "koppeling &lt;naam&gt;", the role
/// Coordinator with its one institution, or Administrator for a registry client (R-ACCESS-2).
/// </summary>
public static class ApiClientClaims
{
    /// <summary>The token's subject: <see cref="ApiClient.Id"/>.</summary>
    public const string Subject = "sub";

    public const string Name = "name";

    public const string Role = "role";

    /// <summary>Marks a principal as an API client's; its value is the OAuth client id. Cookies never carry it.</summary>
    public const string Client = "dlr:api_client";

    /// <summary>The role a client acts in: a coordinator of its institution, or an administrator for the registry.</summary>
    public static UserRole RoleOf(ApiClient client) => client.IsRegistryClient ? UserRole.Administrator : UserRole.Coordinator;

    /// <summary>The claims to put into the access token of <paramref name="client"/>.</summary>
    public static IEnumerable<Claim> For(ApiClient client)
    {
        yield return new Claim(Subject, client.Id.ToString());
        yield return new Claim(Client, client.ClientId);
        yield return new Claim(Name, client.DisplayName);
        yield return new Claim(Role, RoleOf(client).ToString());
        if (client.InstitutionId is { } institution)
        {
            yield return new Claim(AppClaims.Institution, institution.ToString());
        }
    }

    public static bool IsApiClient(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && principal.HasClaim(c => c.Type == Client);

    /// <summary>The API client's id, or null when <paramref name="principal"/> is not an API client's.</summary>
    public static Guid? ClientIdOf(ClaimsPrincipal? principal) =>
        IsApiClient(principal) && Guid.TryParse(principal!.FindFirstValue(Subject), out var id) ? id : null;

    /// <summary>The user an API client's principal stands for; null when anything is missing (then it gets no access).</summary>
    public static UserContext? ToUserContext(ClaimsPrincipal? principal)
    {
        if (principal is null
            || ClientIdOf(principal) is not { } id
            || !Enum.TryParse<UserRole>(principal.FindFirstValue(Role), out var role)
            || role is not (UserRole.Coordinator or UserRole.Administrator))
        {
            return null;
        }

        Guid? institution = Guid.TryParse(principal.FindFirstValue(AppClaims.Institution), out var institutionId) ? institutionId : null;
        if (role == UserRole.Coordinator && institution is null)
        {
            return null;
        }

        var name = principal.FindFirstValue(Name) ?? ApiClient.DisplayNameFor(principal.FindFirstValue(Client)!);
        return new UserContext(id, name, role, role == UserRole.Administrator ? null : institution);
    }
}
