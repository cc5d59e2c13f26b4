namespace DoorlopendeLeerroutes.Application.Accounts;

public static class UserRoles
{
    /// <summary>The role names stored in the identity store and used in role checks.</summary>
    public const string Administrator = nameof(UserRole.Administrator);
    public const string Coordinator = nameof(UserRole.Coordinator);
    public const string Viewer = nameof(UserRole.Viewer);

    /// <summary>
    /// Which institution a role takes: an administrator none, a coordinator or viewer exactly one. The one check for the
    /// user form's validator and the identity store (which also checks that the institution exists).
    /// </summary>
    public static Result CheckInstitution(this UserRole role, Guid? institutionId) => (role, institutionId) switch
    {
        (UserRole.Administrator, null) => Result.Success(),
        (UserRole.Administrator, _) => Result.Failure(AccountErrors.AdministratorHasNoInstitution),
        (_, null) => Result.Failure(AccountErrors.InstitutionRequired),
        _ => Result.Success(),
    };

    public static string DutchName(this UserRole role) => role switch
    {
        UserRole.Administrator => "Beheerder",
        UserRole.Coordinator => "Coördinator",
        UserRole.Viewer => "Partner, alleen lezen",
        _ => role.ToString(),
    };
}
