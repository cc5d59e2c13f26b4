using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Routes;

/// <summary>Issue 12, item 2: each rule once — the route's Can… methods are what the actions run and what the page offers.</summary>
public class RouteCanTests
{
    [Fact]
    public void R_ROUTE_1_CheckPartners_names_every_broken_part_in_order()
    {
        var same = Guid.NewGuid();

        var result = Route.CheckPartners([(same, Sector.Vo), (same, Sector.Vo)]);

        Assert.Equal(["route.partners.mbo_required", "route.partners.duplicate"], result.Errors.Select(e => e.Code));
        AssertResult.Succeeds(Route.CheckPartners([(Guid.NewGuid(), Sector.Vo), (Guid.NewGuid(), Sector.Mbo)]));
    }

    [Fact]
    public void R_ROUTE_7_CanSubmit_refuses_a_draft_with_the_shortcomings_the_page_lists()
    {
        var t = TestRoute.Draft();
        var actor = TestData.CoordinatorOf(t.VoSchool);

        var allowed = t.Route.CanSubmit(actor);

        Assert.Equal(t.Route.SubmitShortcomings().Select(e => e.Code), allowed.Errors.Select(e => e.Code));
        Assert.False(RouteActions.For(t.Route, actor).CanSubmit);
        Assert.Equal(allowed.Errors, t.Route.Submit(actor, TestData.SubmittedAt).Errors);
    }

    [Fact]
    public void RouteActions_is_the_projection_of_the_Can_methods_for_every_kind_of_actor()
    {
        var t = TestRoute.Registered();
        Actor[] actors =
        [
            TestData.CoordinatorOf(t.VoSchool), TestData.ViewerOf(t.VoSchool), TestData.Administrator(),
            TestData.CoordinatorOf(TestData.VoSchool("07XY")),
        ];

        foreach (var actor in actors)
        {
            var actions = RouteActions.For(t.Route, actor);
            Assert.Equal(t.Route.CanEdit(actor).IsSuccess, actions.CanEdit);
            Assert.Equal(t.Route.CanAddAgreement(actor).IsSuccess, actions.CanAddAgreement);
            Assert.Equal(t.Route.CanStartNewVersion(actor).IsSuccess, actions.CanStartNewVersion);
            Assert.Equal(t.Route.CanEnd(actor).IsSuccess, actions.CanEnd);
            Assert.Equal(t.Route.CanEnrol(actor).IsSuccess, actions.CanEnrol);
        }

        // A registered route: its partners' coordinator adds agreements, starts a version and enrols; the administrator ends it.
        Assert.True(RouteActions.For(t.Route, actors[0]) is { CanAddAgreement: true, CanStartNewVersion: true, CanEnrol: true, CanEnd: false });
        Assert.True(RouteActions.For(t.Route, actors[2]) is { CanEnd: true, CanEnrol: false, CanEdit: false });
        Assert.False(RouteActions.For(t.Route, actors[1]).Any);
        Assert.False(RouteActions.For(t.Route, actors[3]).Any);
        AssertResult.FailsOnly(t.Route.CanEnrol(actors[1]), "access.read_only");
    }
}
