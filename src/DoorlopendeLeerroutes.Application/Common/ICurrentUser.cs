namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>
/// The signed-in person as the Application layer knows them: their role and, for coordinators and viewers, their one
/// institution (docs/domain.md §2).
/// </summary>
public sealed record UserContext(Guid UserId, string Email, UserRole Role, Guid? InstitutionId)
{
    public bool IsAdministrator => Role == UserRole.Administrator;

    /// <summary>The domain's view of this person, for the rules that depend on who acts (R-ROUTE-8, R-ROUTE-9).</summary>
    public Actor ToActor() => Role switch
    {
        UserRole.Administrator => Actor.Administrator(UserId),
        UserRole.Coordinator => Actor.Coordinator(UserId, InstitutionId ?? throw MissingInstitution()),
        UserRole.Viewer => Actor.Viewer(UserId, InstitutionId ?? throw MissingInstitution()),
        _ => throw new InvalidOperationException($"Unknown role {Role}."),
    };

    private InvalidOperationException MissingInstitution() =>
        new($"User {UserId} has role {Role} but no institution; every non-administrator belongs to one.");
}

/// <summary>
/// Who is acting right now. The web layer fills it in from the sign-in; start-up work (migrations, demo data) acts as
/// nobody (null).
/// </summary>
public interface ICurrentUser
{
    UserContext? User { get; }

    Guid? UserId => User?.UserId;
}
