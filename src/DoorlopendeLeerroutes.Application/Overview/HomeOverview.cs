namespace DoorlopendeLeerroutes.Application.Overview;

/// <summary>
/// The figures on the home page, over what the user may see (R-ACCESS-1): everything for administrators, the routes
/// and pupils of their own institution for everyone else.
/// </summary>
public sealed record HomeOverview(
    string? OwnInstitutionName,
    int Institutions,
    IReadOnlyDictionary<RouteStatus, int> RoutesByStatus,
    int ActiveEnrolments,
    SchoolYear CurrentSchoolYear,
    DateOnly NextCountDate)
{
    public int RoutesInForce => RoutesByStatus.GetValueOrDefault(RouteStatus.Registered);

    public int RoutesAwaitingReview => RoutesByStatus.GetValueOrDefault(RouteStatus.Submitted);
}

/// <summary>Reads the home page figures in one short-lived context.</summary>
public sealed class HomeOverviewQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<HomeOverview> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var today = DutchTime.Today(time.GetUtcNow().UtcDateTime);

        var own = scope.User.InstitutionId;
        var ownName = own is null
            ? null
            : await db.Institutions.Where(i => i.Id == own).Select(i => i.Name).SingleOrDefaultAsync(cancellationToken);
        var institutions = scope.IsAdministrator ? await db.Institutions.CountAsync(cancellationToken) : 1;
        var byStatus = await scope.Routes(db)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        var active = await scope.Enrolments(db)
            .CountAsync(e => e.StartDate <= today && (e.EndDate == null || e.EndDate >= today), cancellationToken);

        var year = SchoolYear.Containing(today);
        var nextCountDate = today <= year.CountDate ? year.CountDate : year.Next.CountDate;
        return new HomeOverview(ownName, institutions, byStatus, active, year, nextCountDate);
    }
}
