using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Persistence;

public sealed class EnrolmentPersistenceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PUPIL_2_database_refuses_a_second_open_enrolment_for_the_same_pupil()
    {
        await using var db = await app.OpenDbContextAsync();
        var registered = await db.Routes.Where(r => r.Status == RouteStatus.Registered).ToListAsync(Ct);
        Assert.True(registered.Count >= 2, "The demo data has two registered routes.");
        var open = await db.Enrolments.FirstAsync(e => e.EndDate == null && e.RouteId == registered[0].Id, Ct);
        var pupil = await db.Pupils.SingleAsync(p => p.Id == open.PupilId, Ct);
        var other = registered[1];
        var coordinator = Actor.Coordinator(Guid.NewGuid(), other.PartnersIn(Domain.Institutions.Sector.Vo).First().InstitutionId);

        // Passing no existing enrolments bypasses the domain's own check: the database is the last guard.
        var second = Enrolment.Start(
            pupil, other, other.PartnersIn(Domain.Institutions.Sector.Vo).First().InstitutionId,
            other.PartnersIn(Domain.Institutions.Sector.Mbo).First().InstitutionId,
            DutchTime.Today(DateTime.UtcNow), [], coordinator, DutchTime.Today(DateTime.UtcNow)).Value;
        db.Enrolments.Add(second);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        // The open-enrolment index refused it (SQLite names the column, SQL Server the index), not a foreign key.
        var message = error.InnerException?.Message ?? string.Empty;
        Assert.True(
            message.Contains("Enrolments.PupilId", StringComparison.Ordinal)
            || message.Contains("IX_Enrolments_PupilId_Open", StringComparison.Ordinal),
            message);
    }

    [Fact]
    public async Task R_PUPIL_2_a_pupil_may_return_to_the_same_route_after_an_earlier_enrolment_ended()
    {
        await using var db = await app.OpenDbContextAsync();
        var open = await db.Enrolments.FirstAsync(e => e.EndDate == null, Ct);
        var route = await db.Routes.SingleAsync(r => r.Id == open.RouteId, Ct);
        var pupil = await db.Pupils.SingleAsync(p => p.Id == open.PupilId, Ct);
        var coordinator = Actor.Coordinator(Guid.NewGuid(), open.VoInstitutionId);
        var today = DutchTime.Today(DateTime.UtcNow);
        Assert.True(open.End(today.AddDays(-1), EnrolmentOutcome.Other, "Tijdelijk gestopt", coordinator).IsSuccess);

        var again = Enrolment.Start(pupil, route, open.VoInstitutionId, open.MboInstitutionId, today, [open], coordinator, today);
        Assert.True(again.IsSuccess, again.ToString());
        db.Enrolments.Add(again.Value);
        await db.SaveChangesAsync(Ct);

        Assert.Equal(2, await db.Enrolments.CountAsync(e => e.PupilId == pupil.Id && e.RouteId == route.Id, Ct));
    }

    [Fact]
    public async Task R_PUPIL_4_phase_registrations_are_added_never_overwritten()
    {
        Guid enrolmentId;
        int before;
        await using (var db = await app.OpenDbContextAsync())
        {
            var enrolment = await db.Enrolments.FirstAsync(e => e.EndDate == null, Ct);
            enrolmentId = enrolment.Id;
            before = enrolment.Phases.Count;
            var coordinator = Actor.Coordinator(Guid.NewGuid(), enrolment.VoInstitutionId);
            var today = DutchTime.Today(DateTime.UtcNow);
            var next = enrolment.PhaseOn(today) == Phase.Vo ? Phase.Mbo : Phase.Vo;
            Assert.True(enrolment.RecordPhase(next, today, coordinator, DateTime.UtcNow).IsSuccess);
            await db.SaveChangesAsync(Ct);
        }

        await using var check = await app.OpenDbContextAsync();
        var reloaded = await check.Enrolments.SingleAsync(e => e.Id == enrolmentId, Ct);
        Assert.Equal(before + 1, reloaded.Phases.Count);
    }
}
