using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Counting;

/// <summary>Issue 17: the stored count follows every save (StoredCountPropertyTests proves it equals FundingCount).</summary>
public sealed class StoredCountTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_COUNT_3_a_late_registration_is_counted_in_by_the_background_job_before_anyone_opens_the_count()
    {
        var year = SchoolYears.LastCounted;
        await (await app.ServiceAsAsync<CountOverviewQuery>(SignIn.Administrator)).ExecuteAsync(year, Ct); // the year is stored

        Guid enrolmentId;
        Phase counted;
        await using (var db = await app.OpenDbContextAsync())
        {
            var cutoff = FundingCount.CutoffUtc(year);
            var enrolments = await db.Enrolments.ToListAsync(Ct);
            var enrolment = enrolments.First(e => e.IsActiveOn(year.CountDate) && e.PhaseOn(year.CountDate) is not null
                && e.PhaseOn(year.CountDate) == e.PhaseOn(year.CountDate, cutoff));
            counted = enrolment.PhaseOn(year.CountDate)!.Value;
            var other = counted == Phase.Vo ? Phase.Mbo : Phase.Vo;
            Assert.True(enrolment.RecordPhase(other, year.CountDate, Actor.Coordinator(Guid.NewGuid(), enrolment.VoInstitutionId), DateTime.UtcNow).IsSuccess);
            await db.SaveChangesAsync(Ct);
            enrolmentId = enrolment.Id;
            Assert.NotEqual(0, await db.CountInvalidations.CountAsync(Ct)); // saved with the change itself
        }

        await app.Services.GetRequiredService<StoredCountJob>().RunOnceAsync(Ct);

        await using (var db = await app.OpenDbContextAsync())
        {
            Assert.Equal(0, await db.CountInvalidations.CountAsync(Ct));
            var line = await db.CountedEnrolments.SingleAsync(c => c.SchoolYear == year && c.EnrolmentId == enrolmentId, Ct);
            Assert.Equal(counted, line.Phase); // the funding does not change after the cut-off …
            Assert.Equal(CountStatus.CountedLateChange, line.Status); // … and the page says so: "te laat"
        }
    }

    [Fact]
    public async Task An_ended_enrolment_leaves_the_stored_count_of_a_year_it_is_no_longer_active_in()
    {
        var year = SchoolYears.LastCounted;
        await (await app.ServiceAsAsync<CountOverviewQuery>(SignIn.Administrator)).ExecuteAsync(year, Ct);

        Guid enrolmentId;
        await using (var db = await app.OpenDbContextAsync())
        {
            var enrolments = await db.Enrolments.ToListAsync(Ct);
            var enrolment = enrolments.First(e => e.EndDate is null && e.StartDate < year.CountDate);
            var coordinator = Actor.Coordinator(Guid.NewGuid(), enrolment.VoInstitutionId);
            Assert.True(enrolment.End(year.CountDate.AddDays(-1), EnrolmentOutcome.TransferOption, null, coordinator).IsSuccess);
            await db.SaveChangesAsync(Ct);
            enrolmentId = enrolment.Id;
        }

        var rows = await (await app.ServiceAsAsync<CountPupilRowsQuery>(SignIn.Administrator))
            .ExecuteAsync(year, new Application.Common.PageRequest(0, 200), cancellationToken: Ct);
        await using (var db = await app.OpenDbContextAsync())
        {
            Assert.False(await db.CountedEnrolments.AnyAsync(c => c.SchoolYear == year && c.EnrolmentId == enrolmentId, Ct));
        }

        Assert.DoesNotContain(rows.Items, r => r.EnrolmentId == enrolmentId);
    }

    [Fact]
    public async Task A_save_written_in_bulk_is_counted_in_too()
    {
        var year = SchoolYears.LastCounted;
        var overview = await app.ServiceAsAsync<CountOverviewQuery>(SignIn.Administrator);
        var before = (await overview.ExecuteAsync(year, Ct)).Pupils;

        await using (var db = await app.OpenDbContextAsync())
        {
            var route = (await db.Routes.AsNoTracking().Where(r => r.Status == Domain.Routes.RouteStatus.Registered).ToListAsync(Ct))
                .First(r => r.PartnersIn(Domain.Institutions.Sector.Vo).Any() && r.PartnersIn(Domain.Institutions.Sector.Mbo).Any()
                            && r.AcceptsPupilsOn(year.CountDate.AddDays(-40)));
            var vo = route.PartnersIn(Domain.Institutions.Sector.Vo).First().InstitutionId;
            var mbo = route.PartnersIn(Domain.Institutions.Sector.Mbo).First().InstitutionId;
            var coordinator = Actor.Coordinator(Guid.NewGuid(), vo);
            var start = year.CountDate.AddDays(-40);
            for (var i = 0; i < 400; i++)
            {
                var pupil = Pupil.Create(PupilNumbers.Make(880_000 + i), $"Bulk{i}", null, "Leerling", start.AddYears(-14)).Value;
                var enrolment = Enrolment.Start(pupil, route, vo, mbo, start, [], coordinator, DutchTime.Today(DateTime.UtcNow)).Value;
                Assert.True(enrolment.RecordPhase(Phase.Vo, start, coordinator, FundingCount.CutoffUtc(year).AddDays(-30)).IsSuccess);
                db.Pupils.Add(pupil);
                db.Enrolments.Add(enrolment);
            }

            await db.SaveChangesAsync(Ct); // 1,200 new rows and the invalidation: BulkInsertDatabase's path
        }

        Assert.Equal(before + 400, (await overview.ExecuteAsync(year, Ct)).Pupils);
    }
}
