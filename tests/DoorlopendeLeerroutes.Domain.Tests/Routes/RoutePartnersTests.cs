using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Routes;

public class RoutePartnersTests
{
    private static Result<Route> Create(IReadOnlyList<RoutePartnerInput> partners, Actor actor) =>
        Route.Create(TestData.RouteCode, TestData.ValidDefinition(), partners, actor, TestData.CreatedAt);

    [Fact]
    public void Create_by_coordinator_of_a_partner_gives_a_draft_with_unconfirmed_partners()
    {
        var vo = TestData.VoSchool();
        var mbo = TestData.MboCollege();
        var actor = TestData.CoordinatorOf(vo);

        var result = Create([new(vo), new(mbo)], actor);

        AssertResult.Succeeds(result);
        var route = result.Value;
        Assert.Equal(RouteStatus.Draft, route.Status);
        Assert.Equal(1, route.VersionNumber);
        Assert.Equal(TestData.RouteCode, route.Code);
        Assert.Equal(2, route.Partners.Count);
        Assert.All(route.Partners, p => Assert.False(p.HasConfirmed));
        Assert.False(route.AllPartnersConfirmed);
        var created = Assert.Single(route.History);
        Assert.Equal(RouteEvent.Created, created.Event);
        Assert.Equal(actor.UserId, created.UserId);
        Assert.Equal(TestData.CreatedAt, created.At);
    }

    [Fact]
    public void Create_passes_on_the_warnings_of_the_definition()
    {
        var vo = TestData.VoSchool();
        var definition = TestData.ValidDefinition(RouteType.Continuous, MboLevel.Level4, [Track.BB]);

        var result = Route.Create(
            TestData.RouteCode, definition, [new(vo), new(TestData.MboCollege())], TestData.CoordinatorOf(vo), TestData.CreatedAt);

        AssertResult.Succeeds(result);
        AssertResult.HasWarning(result, "route.continuous.bb_to_higher_level");
    }

    [Fact]
    public void R_ROUTE_1_without_vo_partner_is_rejected()
    {
        var mbo = TestData.MboCollege();

        AssertResult.FailsOnly(Create([new(mbo)], TestData.CoordinatorOf(mbo)), "route.partners.vo_required");
    }

    [Fact]
    public void R_ROUTE_1_without_mbo_partner_is_rejected()
    {
        var vo = TestData.VoSchool();
        var otherVo = TestData.VoSchool("06AB", "41235");

        AssertResult.FailsOnly(Create([new(vo), new(otherVo)], TestData.CoordinatorOf(vo)), "route.partners.mbo_required");
    }

    [Fact]
    public void R_ROUTE_1_institution_appears_at_most_once()
    {
        var vo = TestData.VoSchool();
        var mbo = TestData.MboCollege();

        var result = Create([new(vo), new(mbo), new(vo, "05KO01")], TestData.CoordinatorOf(vo));

        AssertResult.FailsOnly(result, "route.partners.duplicate");
    }

    [Fact]
    public void R_ROUTE_1_several_vo_and_mbo_partners_are_allowed()
    {
        var vo = TestData.VoSchool();
        var result = Create(
            [new(vo), new(TestData.VoSchool("06AB", "41235")), new(TestData.MboCollege()), new(TestData.MboCollege("27CD", "30002"))],
            TestData.CoordinatorOf(vo));

        AssertResult.Succeeds(result);
        Assert.Equal(4, result.Value.Partners.Count);
    }

    [Fact]
    public void R_ROUTE_1_optional_site_must_belong_to_the_institution()
    {
        var vo = TestData.VoSchool();
        var mbo = TestData.MboCollege();
        var actor = TestData.CoordinatorOf(vo);

        var good = Create([new(vo, "05ko01"), new(mbo)], actor);
        var wrong = Create([new(vo, "25LX01"), new(mbo)], actor);

        AssertResult.Succeeds(good);
        Assert.Equal("05KO01", good.Value.Partners.Single(p => p.InstitutionId == vo.Id).Site!.Value);
        AssertResult.FailsOnly(wrong, "route.partners.site");
    }

    [Fact]
    public void R_ROUTE_8_a_school_cannot_report_a_route_it_is_not_part_of()
    {
        var outsider = TestData.VoSchool("09ZZ", "49999");

        var result = Create([new(TestData.VoSchool()), new(TestData.MboCollege())], TestData.CoordinatorOf(outsider));

        AssertResult.FailsOnly(result, "route.partners.own_institution");
    }

    [Fact]
    public void R_ROUTE_8_administrator_does_not_create_routes()
    {
        var result = Create([new(TestData.VoSchool()), new(TestData.MboCollege())], TestData.Administrator());

        AssertResult.FailsOnly(result, "route.create.coordinator_only");
    }

    [Fact]
    public void R_ROUTE_8_each_partner_confirms_for_itself()
    {
        var t = TestRoute.Draft();

        AssertResult.Succeeds(t.Route.ConfirmParticipation(t.VoSchool.Id, t.VoCoordinator, TestData.ConfirmedAt));

        Assert.True(t.Route.Partners.Single(p => p.InstitutionId == t.VoSchool.Id).HasConfirmed);
        Assert.False(t.Route.Partners.Single(p => p.InstitutionId == t.MboCollege.Id).HasConfirmed);
        Assert.False(t.Route.AllPartnersConfirmed);
        var entry = t.Route.History[^1];
        Assert.Equal(RouteEvent.ParticipationConfirmed, entry.Event);
        Assert.Equal(t.VoSchool.Id, entry.InstitutionId);
        Assert.Equal(t.VoCoordinator.UserId, entry.UserId);
    }

    [Fact]
    public void R_ROUTE_8_partner_confirming_for_another_institution_is_refused()
    {
        var t = TestRoute.Draft();

        var result = t.Route.ConfirmParticipation(t.MboCollege.Id, t.VoCoordinator, TestData.ConfirmedAt);

        AssertResult.FailsOnly(result, "route.confirm.own_institution_only");
        Assert.False(t.Route.Partners.Single(p => p.InstitutionId == t.MboCollege.Id).HasConfirmed);
    }

    [Fact]
    public void R_ROUTE_8_viewer_cannot_confirm_participation()
    {
        var t = TestRoute.Draft();

        var result = t.Route.ConfirmParticipation(t.VoSchool.Id, t.VoViewer, TestData.ConfirmedAt);

        Assert.True(result.IsFailure);
        Assert.False(t.Route.Partners.Single(p => p.InstitutionId == t.VoSchool.Id).HasConfirmed);
    }

    [Fact]
    public void R_ROUTE_8_coordinator_of_a_non_partner_cannot_confirm()
    {
        var t = TestRoute.Draft();
        var outsider = TestData.VoSchool("09ZZ", "49999");

        AssertResult.FailsOnly(
            t.Route.ConfirmParticipation(outsider.Id, TestData.CoordinatorOf(outsider), TestData.ConfirmedAt),
            "route.not_a_partner");
    }

    [Fact]
    public void R_ROUTE_8_confirming_twice_is_refused()
    {
        var t = TestRoute.Draft();
        TestData.Ok(t.Route.ConfirmParticipation(t.VoSchool.Id, t.VoCoordinator, TestData.ConfirmedAt));

        AssertResult.FailsOnly(
            t.Route.ConfirmParticipation(t.VoSchool.Id, t.VoCoordinator, TestData.ConfirmedAt), "route.confirm.already");
    }

    [Fact]
    public void R_ROUTE_8_confirming_after_submission_is_refused()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();

        AssertResult.FailsOnly(
            t.Route.ConfirmParticipation(t.VoSchool.Id, t.VoCoordinator, TestData.ConfirmedAt), "route.confirm.only_draft");
    }

    [Fact]
    public void R_ROUTE_8_submit_without_all_confirmations_is_refused()
    {
        var t = TestRoute.Draft().WithAgreement();
        TestData.Ok(t.Route.ConfirmParticipation(t.VoSchool.Id, t.VoCoordinator, TestData.ConfirmedAt));

        var result = t.Route.Submit(t.VoCoordinator, TestData.SubmittedAt);

        AssertResult.FailsOnly(result, "route.submit.not_all_confirmed");
        Assert.Equal(RouteStatus.Draft, t.Route.Status);
    }

    [Fact]
    public void R_ROUTE_8_editing_withdraws_all_confirmations()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll();
        Assert.True(t.Route.AllPartnersConfirmed);

        AssertResult.Succeeds(t.Route.Edit(
            TestData.ValidDefinition(level: MboLevel.Level4), t.Partners, t.MboCoordinator, TestData.ConfirmedAt.AddHours(1)));

        Assert.All(t.Route.Partners, p => Assert.False(p.HasConfirmed));
        Assert.Equal(MboLevel.Level4, t.Route.Definition.Level);
    }

    [Fact]
    public void R_ACCESS_edit_by_coordinator_of_another_institution_is_refused()
    {
        var t = TestRoute.Draft();
        var outsider = TestData.VoSchool("09ZZ", "49999");

        AssertResult.FailsOnly(
            t.Route.Edit(TestData.ValidDefinition(), t.Partners, TestData.CoordinatorOf(outsider), TestData.ConfirmedAt),
            "route.not_a_partner");
    }
}
