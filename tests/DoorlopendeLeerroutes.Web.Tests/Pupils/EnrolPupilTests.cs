using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils;

/// <summary>Enrolling a pupil from the route page (R-PUPIL-1…4): one save, or nothing at all.</summary>
public sealed class EnrolPupilTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PUPIL_2_new_pupil_is_enrolled_with_a_first_phase_in_one_save()
    {
        var (care, horizon, roc) = await CareRouteAsync();
        var form = Form("101222331", horizon, roc);

        var result = await (await app.ServiceAsAsync<EnrolPupil>(SignIn.VoCoordinator)).ExecuteAsync(care, form, Ct);

        Assert.True(result.IsSuccess, result.ToString());
        var details = (await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.VoCoordinator)).ExecuteAsync(result.Value, Ct))!;
        Assert.Equal("Sanne de Jong", details.Name);
        Assert.Equal(Phase.Vo, Assert.Single(details.Phases).Phase);
    }

    [Fact]
    public async Task R_PUPIL_1_R_PUPIL_2_refusals_store_nothing()
    {
        var (care, horizon, roc) = await CareRouteAsync();
        var enrol = await app.ServiceAsAsync<EnrolPupil>(SignIn.VoCoordinator);
        Pupil activeElsewhere;
        int pupilsBefore;
        await using (var db = await app.OpenDbContextAsync())
        {
            var open = await db.Enrolments.FirstAsync(e => e.RouteId == care && e.EndDate == null, Ct);
            activeElsewhere = await db.Pupils.AsNoTracking().SingleAsync(p => p.Id == open.PupilId, Ct);
            pupilsBefore = await db.Pupils.CountAsync(Ct);
        }

        var wrongNumber = await enrol.ExecuteAsync(care, Form("111222334", horizon, roc), Ct);
        var sameDetails = Form(activeElsewhere.Number.Value, horizon, roc);
        sameDetails.LastName = activeElsewhere.LastName;
        sameDetails.BirthDate = activeElsewhere.BirthDate;
        var twice = await enrol.ExecuteAsync(care, sameDetails, Ct);
        var viewer = await (await app.ServiceAsAsync<EnrolPupil>(SignIn.VoViewer)).ExecuteAsync(care, Form("111222333", horizon, roc), Ct);

        Assert.Contains(wrongNumber.Errors, e => e.Code == "pupil.number.bsn_elfproef");
        Assert.Contains(twice.Errors, e => e.Code == "enrolment.already_active");
        Assert.Contains(viewer.Errors, e => e.Code == "access.read_only"); // checked before the number is read (R-PRIV-1)
        await using var check = await app.OpenDbContextAsync();
        Assert.Equal(pupilsBefore, await check.Pupils.CountAsync(Ct));
    }

    private static EnrolForm Form(string number, Guid vo, Guid mbo) => new()
    {
        PupilNumber = number, FirstName = "Sanne", Prefix = "de", LastName = "Jong",
        BirthDate = DutchTime.Today(DateTime.UtcNow).AddYears(-15), StartDate = DutchTime.Today(DateTime.UtcNow),
        VoInstitutionId = vo, MboInstitutionId = mbo, Phase = Phase.Vo,
    };

    private async Task<(Guid Route, Guid Horizon, Guid Roc)> CareRouteAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        var institutions = await db.Institutions.ToListAsync(Ct);
        var care = await db.Routes.SingleAsync(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo", Ct);
        return (care.Id, institutions.Single(i => i.Brin.Value == "05KO").Id, institutions.Single(i => i.Brin.Value == "25PG").Id);
    }

    [Fact]
    public async Task R_PUPIL_8_a_known_number_with_other_details_does_not_open_that_pupil()
    {
        var (care, horizon, roc) = await CareRouteAsync();
        string known;
        await using (var db = await app.OpenDbContextAsync())
        {
            // A pupil whose enrolment has ended, so only the details check stands in the way.
            var ended = await db.Enrolments.FirstAsync(e => e.EndDate != null, Ct);
            known = (await db.Pupils.SingleAsync(p => p.Id == ended.PupilId, Ct)).Number.Value;
        }

        var result = await (await app.ServiceAsAsync<EnrolPupil>(SignIn.VoCoordinator)).ExecuteAsync(care, Form(known, horizon, roc), Ct);

        Assert.Contains(result.Errors, e => e.Code == PupilErrors.DetailsDoNotMatch.Code);
    }
}

