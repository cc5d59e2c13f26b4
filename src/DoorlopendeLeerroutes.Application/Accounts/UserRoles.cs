using DoorlopendeLeerroutes.Domain.Common;

namespace DoorlopendeLeerroutes.Application.Accounts;

public static class UserRoles
{
    /// <summary>The role names stored in the identity store and used in role checks.</summary>
    public const string Administrator = nameof(UserRole.Administrator);
    public const string Coordinator = nameof(UserRole.Coordinator);
    public const string Viewer = nameof(UserRole.Viewer);

    public static string DutchName(this UserRole role) => role switch
    {
        UserRole.Administrator => "Beheerder",
        UserRole.Coordinator => "Coördinator",
        UserRole.Viewer => "Partner, alleen lezen",
        _ => role.ToString(),
    };
}
