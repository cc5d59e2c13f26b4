using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils;

/// <summary>R-PRIV-4 in the enrol form: the use case passes the Dutch today to the domain and shows its messages.</summary>
public sealed class EnrolHygieneTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PRIV_4_a_start_date_3_school_years_ahead_and_a_name_with_a_bidi_override_are_refused_and_nothing_is_stored()
    {
        var (care, horizon, roc) = await CareRouteAsync();
        var today = DutchTime.Today(DateTime.UtcNow);
        var enrol = await app.ServiceAsAsync<EnrolPupil>(SignIn.VoCoordinator);
        var before = await PupilCountAsync();

        var farAhead = await enrol.ExecuteAsync(care, Form("101222331", horizon, roc, start: Enrolment.LatestStart(today).AddDays(1)), Ct);
        var hostileName = Form("101222331", horizon, roc, start: today);
        hostileName.LastName = "Jong\u202E";
        var bidi = await enrol.ExecuteAsync(care, hostileName, Ct);

        Assert.Equal("enrolment.start_too_far_ahead", Assert.Single(farAhead.Errors).Code);
        Assert.Equal("pupil.last_name.not_printable", Assert.Single(bidi.Errors).Code);
        Assert.Equal(before, await PupilCountAsync());
    }

    [Fact]
    public async Task R_PRIV_4_a_start_date_at_the_end_of_the_second_school_year_ahead_is_accepted()
    {
        var (care, horizon, roc) = await CareRouteAsync();
        var latest = Enrolment.LatestStart(DutchTime.Today(DateTime.UtcNow));

        var result = await (await app.ServiceAsAsync<EnrolPupil>(SignIn.VoCoordinator))
            .ExecuteAsync(care, Form(Import.ImportKit.NewNumber(), horizon, roc, start: latest), Ct);

        Assert.True(result.IsSuccess, result.ToString());
    }

    private static EnrolForm Form(string number, Guid vo, Guid mbo, DateOnly start) => new()
    {
        PupilNumber = number, FirstName = "Sanne", Prefix = "de", LastName = "Jong", BirthDate = start.AddYears(-15),
        StartDate = start, VoInstitutionId = vo, MboInstitutionId = mbo, Phase = Phase.Vo,
    };

    private async Task<int> PupilCountAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.Pupils.CountAsync(Ct);
    }

    private async Task<(Guid Route, Guid Horizon, Guid Roc)> CareRouteAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        var institutions = await db.Institutions.ToListAsync(Ct);
        var care = await db.Routes.SingleAsync(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo", Ct);
        return (care.Id, institutions.Single(i => i.Brin.Value == "05KO").Id, institutions.Single(i => i.Brin.Value == "25PG").Id);
    }
}
