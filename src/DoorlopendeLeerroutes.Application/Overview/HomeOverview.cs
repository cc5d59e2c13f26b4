using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Application.Overview;

/// <summary>The figures on the home page.</summary>
public sealed record HomeOverview(
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
public sealed class HomeOverviewQuery(IApplicationDbContextFactory contexts, TimeProvider time)
{
    public async Task<HomeOverview> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var today = DutchTime.Today(time.GetUtcNow().UtcDateTime);

        var institutions = await db.Institutions.CountAsync(cancellationToken);
        var byStatus = await db.Routes
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        var active = await db.Enrolments
            .CountAsync(e => e.StartDate <= today && (e.EndDate == null || e.EndDate >= today), cancellationToken);

        var year = SchoolYear.Containing(today);
        var nextCountDate = today <= year.CountDate ? year.CountDate : year.Next.CountDate;
        return new HomeOverview(institutions, byStatus, active, year, nextCountDate);
    }
}
