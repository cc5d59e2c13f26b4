using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Routes;

public class RouteVersionTests
{
    private static readonly DateTime NewVersionAt = TestData.Utc(2025, 11, 3);

    [Fact]
    public void R_ROUTE_10_new_version_copies_partners_unconfirmed_and_the_agreement()
    {
        var t = TestRoute.Registered();

        var next = TestData.Ok(t.Route.StartNewVersion(t.VoCoordinator, NewVersionAt));

        Assert.NotEqual(t.Route.Id, next.Id);
        Assert.Equal(t.Route.Definition, next.Definition);
        Assert.Equal(
            t.Route.Partners.Select(p => p.InstitutionId).Order(),
            next.Partners.Select(p => p.InstitutionId).Order());
        Assert.All(next.Partners, p => Assert.False(p.HasConfirmed));
        var copied = Assert.Single(next.Agreements);
        Assert.Equal(t.Route.CurrentAgreement!.File, copied.File);
        Assert.Equal(RouteEvent.NewVersionStarted, t.Route.History[^1].Event);
    }

    [Fact]
    public void R_ROUTE_10_registered_version_stays_in_force_until_new_one_is_registered()
    {
        var t = TestRoute.Registered();
        var next = TestData.Ok(t.Route.StartNewVersion(t.VoCoordinator, NewVersionAt));
        t.ConfirmAll(next);
        TestData.Ok(next.Submit(t.VoCoordinator, NewVersionAt.AddDays(1)));

        Assert.Equal(RouteStatus.Registered, t.Route.Status);
        Assert.True(t.Route.AcceptsPupilsOn(new DateOnly(2025, 11, 10)));
        Assert.False(next.AcceptsPupilsOn(new DateOnly(2025, 11, 10)));

        AssertResult.Succeeds(next.Register(t.Administrator, NewVersionAt.AddDays(2), t.Route));

        Assert.Equal(RouteStatus.Superseded, t.Route.Status);
        Assert.False(t.Route.AcceptsPupilsOn(new DateOnly(2025, 11, 10)));
        Assert.True(next.AcceptsPupilsOn(new DateOnly(2025, 11, 10)));
        Assert.Equal(RouteEvent.Superseded, t.Route.History[^1].Event);
        Assert.Equal(RouteStatus.Superseded, t.Route.History[^1].StatusAfter);
    }

    [Fact]
    public void R_ROUTE_10_new_version_only_from_a_registered_route()
    {
        var t = TestRoute.Draft();

        AssertResult.FailsOnly(t.Route.StartNewVersion(t.VoCoordinator, NewVersionAt), "route.new_version.only_registered");
    }

    [Fact]
    public void R_ROUTE_10_second_pending_version_is_refused()
    {
        var t = TestRoute.Registered();
        TestData.Ok(t.Route.StartNewVersion(t.VoCoordinator, NewVersionAt));

        AssertResult.FailsOnly(t.Route.StartNewVersion(t.MboCoordinator, NewVersionAt), "route.new_version.pending");
    }

    [Fact]
    public void R_ROUTE_10_viewer_cannot_start_a_new_version()
    {
        var t = TestRoute.Registered();

        AssertResult.FailsOnly(t.Route.StartNewVersion(t.VoViewer, NewVersionAt), "access.read_only");
        Assert.Null(t.Route.PendingVersionId);
    }

    [Fact]
    public void R_ROUTE_10_registering_new_version_without_the_version_it_replaces_is_a_bug()
    {
        var t = TestRoute.Registered();
        var next = TestData.Ok(t.Route.StartNewVersion(t.VoCoordinator, NewVersionAt));
        t.ConfirmAll(next);
        TestData.Ok(next.Submit(t.VoCoordinator, NewVersionAt));

        Assert.Throws<DomainException>(() => next.Register(t.Administrator, NewVersionAt));
        Assert.Equal(RouteStatus.Registered, t.Route.Status);
    }

    [Fact]
    public void R_ROUTE_10_adding_a_partner_needs_an_agreement_signed_by_its_board()
    {
        var t = TestRoute.Registered();
        var next = TestData.Ok(t.Route.StartNewVersion(t.VoCoordinator, NewVersionAt));
        var newMbo = TestData.MboCollege("27CD", "30002");
        var newMboCoordinator = TestData.CoordinatorOf(newMbo);

        TestData.Ok(next.Edit(next.Definition, [.. t.Partners, new(newMbo)], t.VoCoordinator, NewVersionAt));
        t.ConfirmAll(next);
        TestData.Ok(next.ConfirmParticipation(newMbo.Id, newMboCoordinator, NewVersionAt));

        Assert.Contains("agreement.not_signed_by_all", next.SubmitShortcomings().Select(e => e.Code));
        AssertResult.FailsOnly(next.Submit(t.VoCoordinator, NewVersionAt), "agreement.not_signed_by_all");

        // A new agreement version signed by all three boards; the partners confirm again.
        TestData.Ok(next.AddAgreement(
            AgreementKind.CooperationAgreement, new DateOnly(2025, 11, 1), TestData.Pdf(), TestData.MandatoryPages(),
            false, false, newMboCoordinator, NewVersionAt));
        Assert.False(next.AllPartnersConfirmed);
        t.ConfirmAll(next);
        TestData.Ok(next.ConfirmParticipation(newMbo.Id, newMboCoordinator, NewVersionAt));

        AssertResult.Succeeds(next.Submit(t.VoCoordinator, NewVersionAt));
        AssertResult.Succeeds(next.Register(t.Administrator, NewVersionAt, t.Route));
        Assert.Equal(3, next.Partners.Count);
        Assert.Equal(2, t.Route.Partners.Count);
    }

    [Fact]
    public void R_ROUTE_10_adding_a_partner_of_an_already_signed_board_still_needs_a_new_agreement_version()
    {
        // docs/domain.md R-ROUTE-10: "Adding a partner also needs an agreement version signed by that partner." The current
        // agreement was signed before this school joined, so it cannot be the version that covers it.
        var t = TestRoute.Registered();
        var next = TestData.Ok(t.Route.StartNewVersion(t.VoCoordinator, NewVersionAt));
        var sameBoardVo = TestData.VoSchool("06AB", t.VoSchool.BoardNumber.Value);

        TestData.Ok(next.Edit(next.Definition, [.. t.Partners, new(sameBoardVo)], t.VoCoordinator, NewVersionAt));

        Assert.Contains("agreement.not_signed_by_all", next.SubmitShortcomings().Select(e => e.Code));
    }

    [Fact]
    public void R_ROUTE_10_ending_a_route_with_a_pending_version_is_refused()
    {
        var t = TestRoute.Registered();
        TestData.Ok(t.Route.StartNewVersion(t.VoCoordinator, NewVersionAt));

        AssertResult.FailsOnly(
            t.Route.End(t.Administrator, new DateOnly(2026, 7, 31), "Route stopt.", 0, NewVersionAt),
            "route.end.pending_version");
    }

    [Fact]
    public void R_ROUTE_10_withdrawing_a_pending_version_frees_the_registered_route_to_end()
    {
        var t = TestRoute.Registered();
        var next = TestData.Ok(t.Route.StartNewVersion(t.VoCoordinator, NewVersionAt));

        AssertResult.Succeeds(next.Withdraw(t.MboCoordinator, NewVersionAt.AddDays(1), t.Route));

        Assert.Equal(RouteStatus.Withdrawn, next.Status);
        Assert.Null(t.Route.PendingVersionId);
        Assert.Equal(RouteStatus.Registered, t.Route.Status);
        AssertResult.Succeeds(t.Route.End(t.Administrator, new DateOnly(2026, 7, 31), "Route stopt.", 0, NewVersionAt.AddDays(2)));
    }

    [Fact]
    public void Withdraw_submitted_route_is_refused()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();

        AssertResult.FailsOnly(t.Route.Withdraw(t.VoCoordinator, NewVersionAt), "route.withdraw.only_draft");
    }

    [Fact]
    public void Withdraw_by_a_viewer_is_refused()
    {
        var t = TestRoute.Draft();

        AssertResult.FailsOnly(t.Route.Withdraw(TestData.ViewerOf(t.VoSchool), NewVersionAt), "access.read_only");
    }
}
