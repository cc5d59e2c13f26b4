using System.Security.Claims;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>The claims the sign-in cookie carries besides Identity's own (id, e-mail, role, security stamp).</summary>
public static class AppClaims
{
    public const string Institution = "dlr:institution";
    public const string MustChangePassword = "dlr:must_change_password";
    public const string DisplayName = "dlr:display_name";

    /// <summary>When the user signed in (UTC, round-trip format); the session's absolute limit counts from it.</summary>
    public const string SignedIn = "dlr:signed_in_utc";

    /// <summary>
    /// How the user proved who they are (RFC 8176 <c>amr</c>); <see cref="MultiFactor"/> once a second factor was used,
    /// in this app (code, recovery code, passkey) or at a provider that says so (R-AUTH-2).
    /// </summary>
    public const string AuthenticationMethod = "amr";

    public const string MultiFactor = "mfa";

    /// <summary>The configured name of the school federation the session was started through (issue 13); absent for a password.</summary>
    public const string ExternalProvider = "dlr:provider";

    /// <summary>Whether the session was started with a second factor.</summary>
    public static bool HasMultiFactor(ClaimsPrincipal? principal) =>
        principal?.HasClaim(AuthenticationMethod, MultiFactor) == true;

    /// <summary>The claims the account gives (rebuilt from the database at every request); all others belong to the session.</summary>
    private static readonly HashSet<string> AccountClaimTypes =
    [
        ClaimTypes.NameIdentifier, ClaimTypes.Name, ClaimTypes.Email, ClaimTypes.Role, "AspNet.Identity.SecurityStamp",
        Institution, MustChangePassword, DisplayName,
    ];

    /// <summary>
    /// What a session carries besides the account's own claims: the moment of signing in, <c>amr</c>, and whatever the
    /// way of signing in added (a provider). They must survive when the principal is rebuilt from the account (every
    /// request, by the security-stamp check; after a change of password or second factor), or the 12-hour limit would
    /// restart and a session would lose its second factor.
    /// </summary>
    public static IEnumerable<Claim> SessionClaims(ClaimsPrincipal? principal) =>
        principal?.Claims.Where(c => !AccountClaimTypes.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer))
        ?? [];

    /// <summary>The user a signed-in principal stands for; null when anonymous or when the role is missing.</summary>
    public static UserContext? ToUserContext(ClaimsPrincipal? principal)
    {
        if (ApiClients.ApiClientClaims.IsApiClient(principal))
        {
            return ApiClients.ApiClientClaims.ToUserContext(principal); // an API client's bearer token (issue 14)
        }

        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (roles.Count != 1 || !Enum.TryParse<UserRole>(roles[0], out var role) || !Enum.IsDefined(role))
        {
            return null; // every account has exactly one role; anything else gets no access at all
        }

        Guid? institution = Guid.TryParse(principal.FindFirstValue(Institution), out var id) ? id : null;
        if (role != UserRole.Administrator && institution is null)
        {
            return null;
        }

        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name) ?? string.Empty;
        return new UserContext(userId, email, role, role == UserRole.Administrator ? null : institution);
    }
}
