using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Routes;

public class RouteLifecycleTests
{
    [Fact]
    public void Full_life_cycle_from_draft_to_superseded_and_ended()
    {
        var t = TestRoute.Draft().WithAgreement();
        var route = t.Route;

        // Draft → every partner confirms → Submitted
        t.ConfirmAll(route);
        Assert.True(route.AllPartnersConfirmed);
        Assert.Empty(route.SubmitShortcomings());
        AssertResult.Succeeds(route.Submit(t.VoCoordinator, TestData.Utc(2025, 3, 5)));
        Assert.Equal(RouteStatus.Submitted, route.Status);

        // Rejection needs a reason
        AssertResult.FailsOnly(route.Reject(t.Administrator, "   ", TestData.Utc(2025, 3, 6)), "route.reason.required");
        Assert.Equal(RouteStatus.Submitted, route.Status);
        AssertResult.Succeeds(route.Reject(t.Administrator, "Overstapoptie staat niet op pagina 3.", TestData.Utc(2025, 3, 6)));
        Assert.Equal(RouteStatus.Rejected, route.Status);
        Assert.Equal("Overstapoptie staat niet op pagina 3.", route.RejectionReason);
        Assert.False(route.AllPartnersConfirmed);

        // Edit → back to draft, confirmations withdrawn
        AssertResult.Succeeds(route.Edit(TestData.ValidDefinition(), t.Partners, t.VoCoordinator, TestData.Utc(2025, 3, 7)));
        Assert.Equal(RouteStatus.Draft, route.Status);
        Assert.All(route.Partners, p => Assert.False(p.HasConfirmed));

        // Confirm → submit → register
        t.ConfirmAll(route);
        AssertResult.Succeeds(route.Submit(t.MboCoordinator, TestData.Utc(2025, 3, 8)));
        var registeredAt = TestData.Utc(2025, 4, 15, 8, 30);
        AssertResult.Succeeds(route.Register(t.Administrator, registeredAt));
        Assert.Equal(RouteStatus.Registered, route.Status);
        Assert.Equal(registeredAt, route.RegisteredAt);
        Assert.Null(route.RejectionReason);

        // StartNewVersion → the registered version stays in force
        var next = TestData.Ok(route.StartNewVersion(t.VoCoordinator, TestData.Utc(2025, 9, 1)));
        Assert.Equal(RouteStatus.Draft, next.Status);
        Assert.Equal(2, next.VersionNumber);
        Assert.Equal(route.Code, next.Code);
        Assert.Equal(route.Id, next.PreviousVersionId);
        Assert.Equal(next.Id, route.PendingVersionId);
        Assert.Equal(RouteStatus.Registered, route.Status);

        AssertResult.Succeeds(next.Edit(
            TestData.ValidDefinition(level: MboLevel.Level4), t.Partners, t.VoCoordinator, TestData.Utc(2025, 9, 2)));
        t.ConfirmAll(next);
        AssertResult.Succeeds(next.Submit(t.VoCoordinator, TestData.Utc(2025, 9, 3)));
        Assert.Equal(RouteStatus.Registered, route.Status);

        // Register the new version with the previous one → the old one is superseded
        AssertResult.Succeeds(next.Register(t.Administrator, TestData.Utc(2025, 9, 10), route));
        Assert.Equal(RouteStatus.Registered, next.Status);
        Assert.Equal(RouteStatus.Superseded, route.Status);
        Assert.Null(route.PendingVersionId);

        // End: only an administrator, only with no pupils left
        AssertResult.FailsOnly(
            next.End(t.VoCoordinator, new DateOnly(2026, 7, 31), "Opleiding stopt", 0, TestData.Utc(2026, 6, 1)),
            "route.end.administrator_only");
        AssertResult.FailsOnly(
            next.End(t.Administrator, new DateOnly(2026, 7, 31), "Opleiding stopt", 2, TestData.Utc(2026, 6, 1)),
            "route.end.pupils_enrolled");
        AssertResult.Succeeds(
            next.End(t.Administrator, new DateOnly(2026, 7, 31), "Opleiding stopt", 0, TestData.Utc(2026, 6, 1)));
        Assert.Equal(RouteStatus.Ended, next.Status);
        Assert.Equal(new DateOnly(2026, 7, 31), next.EndDate);

        Assert.Equal(
            [RouteEvent.Created, RouteEvent.AgreementAdded, RouteEvent.ParticipationConfirmed, RouteEvent.ParticipationConfirmed,
             RouteEvent.Submitted, RouteEvent.Rejected, RouteEvent.Edited, RouteEvent.ParticipationConfirmed,
             RouteEvent.ParticipationConfirmed, RouteEvent.Submitted, RouteEvent.Registered, RouteEvent.NewVersionStarted,
             RouteEvent.Superseded],
            route.History.Select(h => h.Event));
    }

    [Fact]
    public void R_ROUTE_7_submit_without_agreement_is_refused()
    {
        var t = TestRoute.Draft().ConfirmedByAll();

        var result = t.Route.Submit(t.VoCoordinator, TestData.SubmittedAt);

        AssertResult.FailsOnly(result, "route.submit.agreement_required");
        Assert.Equal(RouteStatus.Draft, t.Route.Status);
    }

    [Fact]
    public void R_ROUTE_7_SubmitShortcomings_lists_everything_still_missing()
    {
        var t = TestRoute.Draft();

        Assert.Equal(
            ["route.submit.agreement_required", "route.submit.not_all_confirmed"],
            t.Route.SubmitShortcomings().Select(e => e.Code));
    }

    [Fact]
    public void R_ROUTE_7_submit_with_agreement_and_all_confirmations_succeeds()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll();

        AssertResult.Succeeds(t.Route.Submit(t.MboCoordinator, TestData.SubmittedAt));

        Assert.Equal(RouteStatus.Submitted, t.Route.Status);
        Assert.Equal(RouteEvent.Submitted, t.Route.History[^1].Event);
        Assert.Equal(t.MboCoordinator.UserId, t.Route.History[^1].UserId);
    }

    [Fact]
    public void Submit_by_administrator_is_refused()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll();

        AssertResult.FailsOnly(t.Route.Submit(t.Administrator, TestData.SubmittedAt), "route.administrator_does_not_report");
    }

    [Fact]
    public void Viewer_submitting_is_refused_as_read_only()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll();

        AssertResult.FailsOnly(t.Route.Submit(t.VoViewer, TestData.SubmittedAt), "access.read_only");
        Assert.Equal(RouteStatus.Draft, t.Route.Status);
    }

    [Fact]
    public void Viewer_editing_is_refused_as_read_only()
    {
        var t = TestRoute.Draft();

        AssertResult.FailsOnly(
            t.Route.Edit(TestData.ValidDefinition(level: MboLevel.Level4), t.Partners, t.VoViewer, TestData.ConfirmedAt),
            "access.read_only");
        Assert.Equal(MboLevel.Level3, t.Route.Definition.Level);
    }

    [Fact]
    public void R_ROUTE_9_register_by_coordinator_is_refused()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();

        AssertResult.FailsOnly(t.Route.Register(t.VoCoordinator, TestData.RegisteredAt), "route.review.administrator_only");
        Assert.Equal(RouteStatus.Submitted, t.Route.Status);
    }

    [Fact]
    public void R_ROUTE_9_reject_by_coordinator_is_refused()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();

        AssertResult.FailsOnly(
            t.Route.Reject(t.MboCoordinator, "Niet compleet genoeg.", TestData.RegisteredAt), "route.review.administrator_only");
    }

    [Fact]
    public void R_ROUTE_9_only_a_submitted_route_is_registered_or_rejected()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll();

        AssertResult.FailsOnly(t.Route.Register(t.Administrator, TestData.RegisteredAt), "route.register.only_submitted");
        AssertResult.FailsOnly(
            t.Route.Reject(t.Administrator, "Niet compleet genoeg.", TestData.RegisteredAt), "route.reject.only_submitted");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("nee")]
    [InlineData("  kort  ")]
    public void R_ROUTE_9_rejection_needs_a_reason(string? reason)
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();

        AssertResult.FailsOnly(t.Route.Reject(t.Administrator, reason, TestData.RegisteredAt), "route.reason.required");
        Assert.Equal(RouteStatus.Submitted, t.Route.Status);
    }

    [Fact]
    public void R_ROUTE_9_rejection_records_who_when_and_why_for_the_partners()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();
        var at = TestData.Utc(2025, 3, 20, 14, 0);

        AssertResult.Succeeds(t.Route.Reject(t.Administrator, "  Overstapoptie ontbreekt.  ", at));

        Assert.Equal("Overstapoptie ontbreekt.", t.Route.RejectionReason);
        var entry = t.Route.History[^1];
        Assert.Equal(RouteEvent.Rejected, entry.Event);
        Assert.Equal(RouteStatus.Rejected, entry.StatusAfter);
        Assert.Equal(t.Administrator.UserId, entry.UserId);
        Assert.Equal(at, entry.At);
        Assert.Equal("Overstapoptie ontbreekt.", entry.Reason);
    }

    [Fact]
    public void Rejected_route_cannot_be_resubmitted_without_edit()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();
        TestData.Ok(t.Route.Reject(t.Administrator, "Overstapoptie ontbreekt.", TestData.RegisteredAt));

        AssertResult.FailsOnly(t.Route.Submit(t.VoCoordinator, TestData.RegisteredAt), "route.submit.only_draft");
        AssertResult.FailsOnly(
            t.Route.ConfirmParticipation(t.VoSchool.Id, t.VoCoordinator, TestData.RegisteredAt), "route.confirm.only_draft");
    }

    [Fact]
    public void Adding_an_agreement_to_a_rejected_route_returns_it_to_draft()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();
        TestData.Ok(t.Route.Reject(t.Administrator, "Overstapoptie ontbreekt.", TestData.RegisteredAt));

        t.WithAgreement();

        Assert.Equal(RouteStatus.Draft, t.Route.Status);
        Assert.Equal(2, t.Route.Agreements.Count);
    }

    [Fact]
    public void Edit_submitted_route_is_refused()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();

        AssertResult.FailsOnly(
            t.Route.Edit(TestData.ValidDefinition(), t.Partners, t.VoCoordinator, TestData.RegisteredAt), "route.not_editable");
    }

    [Fact]
    public void R_ROUTE_10_edit_registered_route_is_refused()
    {
        var t = TestRoute.Registered();

        var result = t.Route.Edit(
            TestData.ValidDefinition(level: MboLevel.Level4), t.Partners, t.VoCoordinator, TestData.Utc(2025, 5, 1));

        AssertResult.FailsOnly(result, "route.registered.not_editable");
        Assert.Equal(MboLevel.Level3, t.Route.Definition.Level);
        Assert.Equal(RouteStatus.Registered, t.Route.Status);
    }

    [Fact]
    public void R_ROUTE_12_registration_on_20_October_is_allowed()
    {
        var at = TestData.Utc(2025, 10, 20, 9, 0);

        var t = TestRoute.Registered(registeredAt: at);

        Assert.Equal(RouteStatus.Registered, t.Route.Status);
        Assert.Equal(at, t.Route.RegisteredAt);
    }

    [Fact]
    public void R_ROUTE_12_registration_on_31_July_is_allowed()
    {
        var at = TestData.Utc(2026, 7, 31, 21, 30);

        var t = TestRoute.Registered(registeredAt: at);

        Assert.Equal(RouteStatus.Registered, t.Route.Status);
        Assert.Equal(at, t.Route.RegisteredAt);
    }

    [Fact]
    public void R_ROUTE_12_registered_route_accepts_pupils_from_its_first_school_year()
    {
        var t = TestRoute.Registered(registeredAt: TestData.Utc(2025, 10, 20));

        Assert.False(t.Route.AcceptsPupilsOn(new DateOnly(2025, 7, 31)));
        Assert.True(t.Route.AcceptsPupilsOn(new DateOnly(2025, 8, 1)));
        Assert.True(t.Route.AcceptsPupilsOn(new DateOnly(2026, 2, 1)));
    }
}
