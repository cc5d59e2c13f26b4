using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Institutions;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;
using FluentValidation.Results;

namespace DoorlopendeLeerroutes.Application.Tests.Forms;

/// <summary>The FluentValidation validators the forms use: each error on its field, with the rule's Dutch message.</summary>
public sealed class FormValidatorTests
{
    [Fact]
    public void A_complete_route_form_is_valid()
    {
        var result = new RouteFormValidator().Validate(Route());

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void R_ROUTE_3_an_integrated_route_from_KB_only_is_refused_on_the_tracks_field()
    {
        var form = Route();
        form.Type = RouteType.Integrated;
        form.Tracks = [Track.KB];
        form.Level = MboLevel.Level2;

        var result = new RouteFormValidator().Validate(form);

        Assert.Contains(result.Errors, e => e.PropertyName == nameof(RouteForm.Tracks)
                                           && e.ErrorMessage.Contains("basisberoepsgerichte leerweg", StringComparison.Ordinal));
    }

    [Fact]
    public void R_ROUTE_1_a_route_form_without_an_mbo_partner_or_with_a_partner_twice_is_refused()
    {
        var form = Route();
        form.Partners = [form.Partners[0], form.Partners[0]];

        var messages = Messages(new RouteFormValidator().Validate(form), nameof(RouteForm.Partners));

        Assert.Contains(DomainErrors.Route.MboPartnerRequired.Message, messages);
        Assert.Contains(DomainErrors.Route.PartnerTwice.Message, messages);
        Assert.DoesNotContain(DomainErrors.Route.VoPartnerRequired.Message, messages);
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("2026-2028")]
    [InlineData("2013-2014")]
    public void A_first_school_year_that_is_not_one_is_refused_on_its_field(string year)
    {
        var form = Route();
        form.FirstSchoolYear = year;

        var result = new RouteFormValidator().Validate(form);

        Assert.Contains(DomainErrors.SchoolYear.Invalid.Message, Messages(result, nameof(RouteForm.FirstSchoolYear)));
    }

    [Fact]
    public void An_invalid_crebo_is_refused_on_the_crebo_field()
    {
        var form = Route();
        form.Crebo = "2514";

        Assert.NotEmpty(Messages(new RouteFormValidator().Validate(form), nameof(RouteForm.Crebo)));
    }

    [Fact]
    public void A_complete_user_form_is_valid()
    {
        var result = new UserFormValidator().Validate(User());

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Theory]
    [InlineData("", "Vul het e-mailadres in.")]
    [InlineData("geen-adres", "Dit is geen geldig e-mailadres.")]
    public void A_missing_or_invalid_email_is_refused(string email, string message)
    {
        var form = User();
        form.Email = email;

        Assert.Contains(message, Messages(new UserFormValidator().Validate(form), nameof(UserForm.Email)));
    }

    [Fact]
    public void A_name_over_the_limit_is_refused()
    {
        var form = User();
        form.DisplayName = new string('a', UserFormValidator.MaxLength + 1);

        Assert.NotEmpty(Messages(new UserFormValidator().Validate(form), nameof(UserForm.DisplayName)));
    }

    [Fact]
    public void A_coordinator_needs_an_institution_and_an_administrator_has_none()
    {
        var coordinator = User();
        coordinator.InstitutionId = null;
        var administrator = User();
        administrator.Role = UserRole.Administrator;

        Assert.Contains(AccountErrors.InstitutionRequired.Message, Messages(new UserFormValidator().Validate(coordinator), nameof(UserForm.InstitutionId)));
        Assert.Contains(AccountErrors.AdministratorHasNoInstitution.Message, Messages(new UserFormValidator().Validate(administrator), nameof(UserForm.InstitutionId)));
    }

    [Fact]
    public void A_complete_institution_form_is_valid()
    {
        var result = new InstitutionFormValidator().Validate(Institution());

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void An_institution_with_an_invalid_brin_board_number_or_without_names_is_refused_field_by_field()
    {
        var form = new InstitutionForm { Brin = "5KO", Name = " ", Sector = (Sector)9, BoardNumber = "4100", BoardName = string.Empty };

        var result = new InstitutionFormValidator().Validate(form);

        Assert.Contains(DomainErrors.Institution.BrinInvalid.Message, Messages(result, nameof(InstitutionForm.Brin)));
        Assert.Contains(DomainErrors.Institution.NameRequired.Message, Messages(result, nameof(InstitutionForm.Name)));
        Assert.Contains(DomainErrors.Institution.SectorInvalid.Message, Messages(result, nameof(InstitutionForm.Sector)));
        Assert.Contains(DomainErrors.Institution.BoardNumberInvalid.Message, Messages(result, nameof(InstitutionForm.BoardNumber)));
        Assert.Contains(DomainErrors.Institution.BoardNameRequired.Message, Messages(result, nameof(InstitutionForm.BoardName)));
    }

    private static List<string> Messages(ValidationResult result, string property) =>
        [.. result.Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage)];

    private static RouteForm Route() => new()
    {
        Name = "Bouw en infra", Type = RouteType.Continuous, Profile = VmboProfile.BouwenWonenInterieur, Tracks = [Track.KB, Track.BB],
        TargetIsCrebo = true, Crebo = "25140", Level = MboLevel.Level3, EntryYear = 3, FirstSchoolYear = "2026-2027",
        Location = TeachingLocation.MboInstitution,
        Partners =
        [
            new PartnerLine { InstitutionId = Guid.NewGuid(), Name = "De Horizon", Brin = "05KO", Sector = Sector.Vo },
            new PartnerLine { InstitutionId = Guid.NewGuid(), Name = "ROC Rivierenland", Brin = "25PG", Sector = Sector.Mbo },
        ],
    };

    private static UserForm User() => new()
    {
        Email = "carla@horizon.example", DisplayName = "Carla", Role = UserRole.Coordinator, InstitutionId = Guid.NewGuid(),
    };

    private static InstitutionForm Institution() => new()
    {
        Brin = "05KO", Name = "De Horizon", Sector = Sector.Vo, BoardNumber = "41000", BoardName = "Stichting Horizon",
        Municipality = "Culemborg", Province = Province.Gelderland, // R-MON-1
    };
}
