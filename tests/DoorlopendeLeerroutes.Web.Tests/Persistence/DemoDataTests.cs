using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Persistence;

/// <summary>The demo data a new user sees after <c>dotnet run</c>, read back through the real migrations.</summary>
public sealed class DemoDataTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_has_six_institutions_over_four_boards_and_routes_in_every_review_state()
    {
        await using var db = await app.OpenDbContextAsync();

        var institutions = await db.Institutions.ToListAsync(Ct);
        var statuses = await db.Routes.Select(r => r.Status).Distinct().ToListAsync(Ct);

        Assert.Equal(6, institutions.Count);
        Assert.Equal(4, institutions.Select(i => i.BoardNumber).Distinct().Count());
        Assert.Superset(
            new HashSet<RouteStatus> { RouteStatus.Draft, RouteStatus.Submitted, RouteStatus.Registered, RouteStatus.Rejected },
            statuses.ToHashSet());
        Assert.Equal(40, await db.Pupils.CountAsync(Ct));
    }

    [Fact]
    public async Task Demo_pupils_span_the_last_count_date_with_every_count_status()
    {
        await using var db = await app.OpenDbContextAsync();
        var today = DutchTime.Today(DateTime.UtcNow);
        var current = SchoolYear.Containing(today);
        var counted = today > current.CountDate ? current : SchoolYear.FromStartYear(current.StartYear - 1);

        var routes = await db.Routes.ToDictionaryAsync(r => r.Id, r => r.Definition.EntryYear, Ct);
        var enrolments = await db.Enrolments.ToListAsync(Ct);
        var input = enrolments.Select(e => new CountEnrolment(
            e.Id, e.PupilId, e.RouteId, routes[e.RouteId], e.StartDate, e.EndDate, e.VoInstitutionId, e.MboInstitutionId,
            e.Phases.Select(p => p.ToRecord()).ToList()));

        var result = FundingCount.Calculate(counted, input, DateTime.UtcNow);

        Assert.False(result.IsPreview);
        Assert.Contains(result.Lines, l => l.Status == CountStatus.Counted && l.Phase == Phase.Vo);
        Assert.Contains(result.Lines, l => l.Status == CountStatus.Counted && l.Phase == Phase.Mbo);
        Assert.Contains(result.Lines, l => l.Status == CountStatus.NoPhase);
        Assert.Contains(result.Lines, l => l.Status == CountStatus.CountedLateChange);

        // Ended on 30 September and started after the count date: both outside the count (R-COUNT-2).
        Assert.Contains(enrolments, e => e.EndDate == new DateOnly(counted.StartYear, 9, 30));
        Assert.Contains(enrolments, e => e.StartDate > counted.CountDate);
        Assert.Equal(enrolments.Count(e => e.IsActiveOn(counted.CountDate)), result.Lines.Count);
        Assert.True(result.Lines.Count < enrolments.Count);
    }

    [Fact]
    public async Task Phase_moments_come_back_as_utc()
    {
        await using var db = await app.OpenDbContextAsync();

        var moments = await db.Enrolments.SelectMany(e => e.Phases).Select(p => p.RecordedAt).Take(5).ToListAsync(Ct);

        Assert.NotEmpty(moments);
        Assert.All(moments, m => Assert.Equal(DateTimeKind.Utc, m.Kind));
    }
}
