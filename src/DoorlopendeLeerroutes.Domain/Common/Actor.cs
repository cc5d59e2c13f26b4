namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>The roles of docs/domain.md §2.</summary>
public enum UserRole
{
    /// <summary>Beheerder: registry staff, sees everything, registers and rejects routes.</summary>
    Administrator = 1,

    /// <summary>Coördinator: staff of one institution who registers routes and pupils.</summary>
    Coordinator = 2,

    /// <summary>Partner, alleen lezen: finance or management staff of one institution.</summary>
    Viewer = 3,
}

/// <summary>
/// Who performs an action. The domain needs this to enforce "each partner reports for itself" (R-ROUTE-8) and
/// "only an administrator registers" (R-ROUTE-9); who may see what (R-ACCESS-1) is the Application layer's job.
/// </summary>
public sealed record Actor
{
    private Actor(Guid userId, UserRole role, Guid? institutionId)
    {
        UserId = userId;
        Role = role;
        InstitutionId = institutionId;
    }

    public Guid UserId { get; }

    public UserRole Role { get; }

    /// <summary>The institution a coordinator or viewer belongs to; null for administrators.</summary>
    public Guid? InstitutionId { get; }

    public bool IsAdministrator => Role == UserRole.Administrator;

    public bool IsCoordinatorOf(Guid institutionId) => Role == UserRole.Coordinator && InstitutionId == institutionId;

    public static Actor Administrator(Guid userId) => new(userId, UserRole.Administrator, null);

    public static Actor Coordinator(Guid userId, Guid institutionId) => new(userId, UserRole.Coordinator, institutionId);

    public static Actor Viewer(Guid userId, Guid institutionId) => new(userId, UserRole.Viewer, institutionId);
}
