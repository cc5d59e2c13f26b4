using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>
/// An account. The role is an Identity role (exactly one per user); coordinators and viewers belong to exactly one
/// institution (docs/domain.md §2), administrators to none.
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 200;

    public string DisplayName { get; set; } = string.Empty;

    public Guid? InstitutionId { get; set; }

    /// <summary>Switched off by an administrator: cannot sign in, and open sessions end at the next request.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set for a one-time password: the user chooses their own before they can do anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// When the one-time password stops working (UTC), if it is still unused: after that signing in with it is refused like a
    /// wrong password, and an administrator makes a new one. Null once the user has chosen their own password.
    /// </summary>
    public DateTime? OneTimePasswordExpiresUtc { get; set; }
}
