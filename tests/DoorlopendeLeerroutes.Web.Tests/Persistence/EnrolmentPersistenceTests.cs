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
            DutchTime.Today(DateTime.UtcNow), [], coordinator).Value;
        db.Enrolments.Add(second);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
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
