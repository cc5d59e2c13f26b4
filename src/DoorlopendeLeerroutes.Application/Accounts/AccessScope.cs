using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>
/// R-ACCESS-1 in one place: every query and command asks this class what the current user may see and do, so no page,
/// endpoint or download decides for itself. Administrators see everything; anyone else sees the routes in which their
/// own institution is a partner, and the pupils of their own institution.
/// </summary>
public sealed class AccessScope(ICurrentUser currentUser)
{
    /// <summary>The signed-in user; anonymous code paths never reach the Application layer, so none is a bug.</summary>
    public UserContext User => currentUser.User ?? throw new AccessDeniedException("Not signed in.");

    public bool IsAdministrator => currentUser.User?.IsAdministrator == true;

    /// <summary>Routes the user may see: all for administrators, else those with the user's institution as partner.</summary>
    public IQueryable<Route> Routes(IApplicationDbContext db)
    {
        var user = User;
        if (user.IsAdministrator)
        {
            return db.Routes;
        }

        var institution = user.InstitutionId;
        return db.Routes.Where(r => r.Partners.Any(p => p.InstitutionId == institution));
    }

    /// <summary>
    /// Enrolments the user may see: all for administrators, else those whose vo school or mbo institution is the user's
    /// own. A partner in the same route sees the pupils of its own institution only (privacy by design).
    /// </summary>
    public IQueryable<Enrolment> Enrolments(IApplicationDbContext db)
    {
        var user = User;
        if (user.IsAdministrator)
        {
            return db.Enrolments;
        }

        var institution = user.InstitutionId;
        return db.Enrolments.Where(e => e.VoInstitutionId == institution || e.MboInstitutionId == institution);
    }

    /// <summary>Only administrators manage institutions, accounts and the review queue.</summary>
    public void RequireAdministrator()
    {
        if (!User.IsAdministrator)
        {
            throw new AccessDeniedException("Administrators only.");
        }
    }
}

/// <summary>
/// Thrown when code asks for something the user may not have. Pages show "niet gevonden" for it, so nothing reveals
/// whether the data exists.
/// </summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException()
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
