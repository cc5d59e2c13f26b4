using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils;

/// <summary>"Bekostigingsfase opzoeken": own pupils only, the phase on a date and the funding per count date.</summary>
public sealed class FundingPhaseLookupTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_COUNT_4_coordinator_sees_phase_and_funded_institution_per_count_date_of_an_own_pupil()
    {
        var (pupil, enrolment) = await HorizonPupilAsync();
        var today = DutchTime.Today(DateTime.UtcNow);

        var result = await (await app.ServiceAsAsync<FundingPhaseLookup>(SignIn.VoCoordinator)).ExecuteAsync(pupil.Number.Value, today, Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(pupil.FullName, result.Value.Name);
        Assert.Equal(pupil.Number.Masked, result.Value.MaskedNumber);
        var answer = Assert.Single(result.Value.Enrolments);
        Assert.Equal(enrolment.PhaseOn(today), answer.PhaseOnDate);
        Assert.NotEmpty(answer.CountDates);
        foreach (var count in answer.CountDates)
        {
            var phase = enrolment.PhaseOn(count.CountDate, FundingCount.CutoffUtc(count.SchoolYear));
            Assert.Equal(phase, count.Phase);
            Assert.Equal(phase switch { Phase.Vo => "05KO", Phase.Mbo => "25PG", _ => null }, count.FundedBrin);
        }
    }

    [Fact]
    public async Task Another_institutions_pupil_an_unknown_number_and_a_wrong_number_give_no_data()
    {
        var (pupil, _) = await HorizonPupilAsync();
        var unrelated = await app.ServiceAsAsync<FundingPhaseLookup>(SignIn.UnrelatedCoordinator);
        var own = await app.ServiceAsAsync<FundingPhaseLookup>(SignIn.VoViewer);
        var today = DutchTime.Today(DateTime.UtcNow);

        var foreign = await unrelated.ExecuteAsync(pupil.Number.Value, today, Ct);
        var unknown = await own.ExecuteAsync("111222333", today, Ct);
        var wrong = await own.ExecuteAsync("12345", today, Ct);

        Assert.Equal(FundingPhaseLookup.NotFound.Code, Assert.Single(foreign.Errors).Code);
        Assert.Equal(FundingPhaseLookup.NotFound.Code, Assert.Single(unknown.Errors).Code); // same answer: nothing to learn
        Assert.Equal("pupil.number.format", Assert.Single(wrong.Errors).Code);
    }

    private async Task<(Pupil Pupil, Enrolment Enrolment)> HorizonPupilAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        var horizon = (await db.Institutions.ToListAsync(Ct)).Single(i => i.Brin.Value == "05KO").Id;
        var enrolment = await db.Enrolments.AsNoTracking()
            .Where(e => e.VoInstitutionId == horizon && e.EndDate == null)
            .OrderBy(e => e.StartDate).FirstAsync(Ct);
        var pupil = await db.Pupils.AsNoTracking().SingleAsync(p => p.Id == enrolment.PupilId, Ct);
        return (pupil, enrolment);
    }
}
