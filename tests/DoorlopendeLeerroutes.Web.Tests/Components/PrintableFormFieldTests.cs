using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Institutions;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Components.Shared;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>
/// R-PRIV-4 in the forms: each field shows the domain's own message, asked field by field as MudForm asks it
/// (<see cref="FormValidation.ForMudForm{T}"/>); the use cases refuse the same input when a form is bypassed.
/// </summary>
public sealed class PrintableFormFieldTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Rlo = "\u202E";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PRIV_4_user_form_shows_the_message_at_the_name_field()
    {
        var form = new UserForm { Email = "nina@maasland.example", DisplayName = "Nina" + Rlo + "weiN", Role = UserRole.Administrator };

        var messages = await new UserFormValidator().ForMudForm()(form, nameof(UserForm.DisplayName));

        Assert.Equal(
            ["De naam bevat een onzichtbaar teken of stuurteken (U+202E), dat vaak meekomt bij kopiëren en plakken. Typ de naam opnieuw."],
            messages);
        Assert.Empty(await new UserFormValidator().ForMudForm()(form, nameof(UserForm.Email)));
        form.Email = "nina\u200B@maasland.example";
        Assert.Contains("Het e-mailadres bevat een onzichtbaar teken", Assert.Single(await new UserFormValidator().ForMudForm()(form, nameof(UserForm.Email))), StringComparison.Ordinal);
        form.DisplayName = "Nina O’Neill-Çelik";
        Assert.Empty(await new UserFormValidator().ForMudForm()(form, nameof(UserForm.DisplayName)));
    }

    [Fact]
    public async Task R_PRIV_4_institution_form_shows_the_message_at_each_name_field()
    {
        var form = new InstitutionForm { Brin = "05KO", Name = "Vmbo\u200B De Brug", BoardNumber = "41234", BoardName = "Stichting\u0007" };
        var validate = new InstitutionFormValidator().ForMudForm();

        var name = Assert.Single(await validate(form, nameof(InstitutionForm.Name)));
        var board = Assert.Single(await validate(form, nameof(InstitutionForm.BoardName)));

        Assert.Equal(DomainErrors.Text.NotPrintable("institution.name", "de naam van de instelling", 0x200B).Message, name);
        Assert.StartsWith("De naam van het bevoegd gezag bevat een onzichtbaar teken of stuurteken (U+0007)", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_PRIV_4_route_form_shows_the_domains_message_at_the_name_and_training_domain_fields()
    {
        var form = new RouteForm
        {
            Name = "Techniek" + Rlo, Profile = Domain.Routes.VmboProfile.ZorgWelzijn, Tracks = [Domain.Routes.Track.KB],
            TargetIsCrebo = false, TrainingDomain = "Zorg\u2066", FirstSchoolYear = "2025-2026",
        };
        var validate = new RouteFormValidator().ForMudForm();

        Assert.Contains("De naam van de leerroute bevat een onzichtbaar teken", Assert.Single(await validate(form, nameof(RouteForm.Name))), StringComparison.Ordinal);
        Assert.Contains("Het opleidingsdomein bevat een onzichtbaar teken", Assert.Single(await validate(form, nameof(RouteForm.TrainingDomain))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_PRIV_4_the_use_cases_refuse_an_invisible_character_when_the_form_is_bypassed()
    {

        var user = await (await app.ServiceAsAsync<CreateUser>(SignIn.Administrator)).ExecuteAsync(
            new UserForm { Email = "verborgen@maasland.example", DisplayName = "Beheer" + Rlo + "der", Role = UserRole.Administrator }, Ct);
        var institution = await (await app.ServiceAsAsync<CreateInstitution>(SignIn.Administrator)).ExecuteAsync(
            new InstitutionForm { Brin = "99ZZ", Name = "College\u200B", Sector = Domain.Institutions.Sector.Vo, BoardNumber = "49999", BoardName = "Stichting" }, Ct);

        Assert.False(user.IsSuccess);
        Assert.Contains("(U+202E)", user.ToString(), StringComparison.Ordinal);
        Assert.Contains(institution.Errors, e => e.Code == "institution.name.not_printable");
        await using var db = await app.OpenDbContextAsync();
        Assert.DoesNotContain(await db.Institutions.ToListAsync(Ct), i => i.Brin.Value == "99ZZ");
    }
}
