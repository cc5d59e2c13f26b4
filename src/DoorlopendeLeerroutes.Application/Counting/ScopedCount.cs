using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Application.Counting;

/// <summary>
/// The count of one school year over the enrolments the user may see (R-ACCESS-1): read once, calculated by the domain's
/// <see cref="FundingCount"/>. The overview and the export both start from here.
/// </summary>
internal static class ScopedCount
{
    public sealed record RouteInfo(Guid Id, string Code, string Name, RouteType Type, int EntryYear);

    public static async Task<(CountResult Result, Dictionary<Guid, RouteInfo> Routes)> CalculateAsync(
        IApplicationDbContext db, AccessScope scope, SchoolYear year, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var countDate = year.CountDate;

        // R-COUNT-2: only enrolments active on the count date are read; R-ACCESS-1: only those the user may see.
        var enrolments = await scope.Enrolments(db)
            .Where(e => e.StartDate <= countDate && (e.EndDate == null || e.EndDate >= countDate))
            .Select(e => new
            {
                e.Id, e.PupilId, e.RouteId, e.StartDate, e.EndDate, e.VoInstitutionId, e.MboInstitutionId,
                Phases = e.Phases.Select(p => new PhaseRecord(p.Phase, p.ValidFrom, p.RecordedAt)).ToList(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var routeIds = enrolments.Select(e => e.RouteId).Distinct().ToList();
        var routes = await db.Routes
            .Where(r => routeIds.Contains(r.Id))
            .Select(r => new RouteInfo(r.Id, r.Code, r.Definition.Name, r.Definition.Type, r.Definition.EntryYear))
            .ToDictionaryAsync(r => r.Id, cancellationToken);

        var input = enrolments.Select(e => new CountEnrolment(
            e.Id, e.PupilId, e.RouteId, routes[e.RouteId].EntryYear, e.StartDate, e.EndDate, e.VoInstitutionId,
            e.MboInstitutionId, e.Phases));
        return (FundingCount.Calculate(year, input, nowUtc), routes);
    }
}
