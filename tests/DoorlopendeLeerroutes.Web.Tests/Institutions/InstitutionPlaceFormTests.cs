using DoorlopendeLeerroutes.Application.Institutions;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Institutions;

/// <summary>R-MON-1 on the institution form: gemeente, provincie and RMC-regio are shown, asked for and saved.</summary>
public sealed class InstitutionPlaceFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_MON_1_a_new_institution_is_saved_with_its_place_and_the_list_shows_it()
    {
        var form = new InstitutionForm
        {
            Brin = "68QQ", Name = "Vmbo Zeeland", Sector = Sector.Vo, BoardNumber = "77777", BoardName = "Stichting Zee",
            Municipality = " Middelburg ", Province = Province.Zeeland, RmcRegion = "Walcheren",
        };

        var created = await (await app.ServiceAsAsync<CreateInstitution>(SignIn.Administrator)).ExecuteAsync(form, Ct);

        Assert.True(created.IsSuccess, created.ToString());
        var loaded = (await (await app.ServiceAsAsync<InstitutionFormQuery>(SignIn.Administrator)).ExecuteAsync(created.Value, Ct))!;
        Assert.Equal(("Middelburg", Province.Zeeland, "Walcheren"), (loaded.Municipality, loaded.Province, loaded.RmcRegion));
        var list = await (await app.ServiceAsAsync<InstitutionListQuery>(SignIn.Administrator))
            .ExecuteAsync(new Application.Common.PageRequest(0, 500), Ct);
        var item = list.Items.Single(i => i.Brin == "68QQ");
        Assert.Equal(("Middelburg", (Province?)Province.Zeeland), (item.Municipality, item.Province));
    }

    [Fact]
    public async Task R_MON_1_an_institution_recorded_without_a_place_must_get_one_when_edited()
    {
        Guid id;
        await using (var db = await app.OpenDbContextAsync())
        {
            var old = Institution.Create("69QR", "Oude School", Sector.Mbo, "78888", "Stichting Oud").Value; // before R-MON-1
            db.Institutions.Add(old);
            await db.SaveChangesAsync(Ct);
            id = old.Id;
        }

        var form = (await (await app.ServiceAsAsync<InstitutionFormQuery>(SignIn.Administrator)).ExecuteAsync(id, Ct))!;
        var validation = new InstitutionFormValidator().Validate(form);
        var change = await app.ServiceAsAsync<ChangeInstitution>(SignIn.Administrator);
        var refused = await change.ExecuteAsync(id, form, Ct);

        Assert.Equal((string.Empty, (Province?)null), (form.Municipality, form.Province));
        Assert.Contains(validation.Errors, e => e.PropertyName == nameof(InstitutionForm.Municipality));
        Assert.Contains(validation.Errors, e => e.PropertyName == nameof(InstitutionForm.Province));
        Assert.Contains(refused.Errors, e => e.Code == DomainErrors.Institution.MunicipalityRequired.Code); // the domain checks too

        form.Municipality = "Zwolle";
        form.Province = Province.Overijssel;
        var saved = await change.ExecuteAsync(id, form, Ct);

        Assert.True(saved.IsSuccess, saved.ToString());
        await using var check = await app.OpenDbContextAsync();
        var stored = await check.Institutions.AsNoTracking().SingleAsync(i => i.Id == id, Ct);
        Assert.Equal(("Zwolle", (Province?)Province.Overijssel, (string?)null), (stored.Municipality, stored.Province, stored.RmcRegion));
    }
}
