using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Agreements;

namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>
/// R-ACCESS-1 in one place: every query and command asks this class what the current user may see and do, so no page,
/// endpoint or download decides for itself. Administrators see everything; anyone else sees the routes in which their
/// own institution is a partner, and the pupils of their own institution. What it refuses it records (R-PRIV-2).
/// </summary>
public sealed class AccessScope(ICurrentUser currentUser, IAuditTrail audit)
{
    /// <summary>The signed-in user; anonymous code paths never reach the Application layer, so none is a bug.</summary>
    public UserContext User => currentUser.User ?? throw new AccessDeniedException("Not signed in.");

    public bool IsAdministrator => currentUser.User?.IsAdministrator == true;

    /// <summary>
    /// The same rules for another person, for work done while that person is not signed in (the open tasks of the weekly
    /// digest, R-TASK-1): one rule, one place, whoever asks.
    /// </summary>
    public AccessScope For(UserContext user) => new(new GivenUser(user), audit);

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

    /// <summary>
    /// The stored count's lines the user may see (issue 17): the same rule as <see cref="Enrolments"/>, on the partners
    /// each line keeps of its enrolment, so the count is summed without reading the enrolments again.
    /// </summary>
    public IQueryable<CountedEnrolment> CountedEnrolments(IApplicationDbContext db)
    {
        var user = User;
        if (user.IsAdministrator)
        {
            return db.CountedEnrolments;
        }

        var institution = user.InstitutionId;
        return db.CountedEnrolments.Where(c => c.VoInstitutionId == institution || c.MboInstitutionId == institution);
    }

    /// <summary>
    /// An agreement version is for the parties it was signed for (R-AGR-4, issue 11): administrators and the partner
    /// institutions of the route version it was uploaded for. A partner that joined later sees that the version exists,
    /// not its file.
    /// </summary>
    public static bool MayDownload(Agreement agreement, UserContext user) =>
        user.IsAdministrator || agreement.Parties.Any(p => p.InstitutionId == user.InstitutionId);

    /// <summary>
    /// Whether the user may see this pupil at all (R-PRIV-1): administrators always; anyone else when one of the pupil's
    /// enrolments, current or ended, has the user's institution as its vo school or mbo institution.
    /// </summary>
    public Task<bool> MaySeePupilAsync(IApplicationDbContext db, Guid pupilId, CancellationToken cancellationToken) =>
        Enrolments(db).AnyAsync(e => e.PupilId == pupilId, cancellationToken);

    /// <summary>
    /// R-PRIV-2: records that the user tried to reach a route, enrolment or agreement that exists but belongs to another
    /// institution; the caller answers "not found", exactly as for an id that does not exist. Ids that exist nowhere are
    /// not recorded: nothing was refused.
    /// </summary>
    public async Task RecordRefusalAsync(
        IApplicationDbContext db, AuditObject what, Guid id, string attempt, CancellationToken cancellationToken)
    {
        var exists = what switch
        {
            AuditObject.Route => await db.Routes.AnyAsync(r => r.Id == id, cancellationToken),
            AuditObject.Enrolment => await db.Enrolments.AnyAsync(e => e.Id == id, cancellationToken),
            AuditObject.Agreement => await db.Routes.AnyAsync(r => r.Agreements.Any(a => a.Id == id), cancellationToken),
            _ => true,
        };
        if (exists)
        {
            await audit.RecordAsync(User, AuditEvent.AccessRefused(what, id, attempt), cancellationToken);
        }
    }

    /// <summary>R-PRIV-2: records an action the user's role does not allow (a viewer who tries to change something).</summary>
    public Task RecordForbiddenAsync(AuditObject what, Guid id, string attempt, CancellationToken cancellationToken) =>
        audit.RecordAsync(User, AuditEvent.AccessRefused(what, id, attempt), cancellationToken);

    /// <summary>Only administrators manage institutions, accounts and the review queue.</summary>
    public void RequireAdministrator()
    {
        if (!User.IsAdministrator)
        {
            throw new AccessDeniedException("Administrators only.");
        }
    }
}

/// <summary>A person named by the caller instead of the sign-in (<see cref="AccessScope.For"/>).</summary>
file sealed class GivenUser(UserContext user) : ICurrentUser
{
    public UserContext? User => user;
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
