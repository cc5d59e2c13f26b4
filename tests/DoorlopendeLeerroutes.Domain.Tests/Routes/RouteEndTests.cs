using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Routes;

public class RouteEndTests
{
    private static readonly DateOnly EndDate = new(2027, 7, 31);
    private static readonly DateTime EndedAt = TestData.Utc(2027, 6, 15);

    [Fact]
    public void R_ROUTE_11_administrator_ends_route_without_pupils()
    {
        var t = TestRoute.Registered();

        AssertResult.Succeeds(t.Route.End(t.Administrator, EndDate, "  Opleiding vervalt.  ", 0, EndedAt));

        Assert.Equal(RouteStatus.Ended, t.Route.Status);
        Assert.Equal(EndDate, t.Route.EndDate);
        var entry = t.Route.History[^1];
        Assert.Equal(RouteEvent.Ended, entry.Event);
        Assert.Equal("Opleiding vervalt.", entry.Reason);
        Assert.Equal(t.Administrator.UserId, entry.UserId);
        Assert.Equal(EndedAt, entry.At);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    public void R_ROUTE_11_ending_with_pupils_still_enrolled_is_refused(int pupils)
    {
        var t = TestRoute.Registered();

        AssertResult.FailsOnly(t.Route.End(t.Administrator, EndDate, "Opleiding vervalt.", pupils, EndedAt), "route.end.pupils_enrolled");
        Assert.Equal(RouteStatus.Registered, t.Route.Status);
        Assert.Null(t.Route.EndDate);
    }

    [Fact]
    public void R_ROUTE_11_coordinator_cannot_end_a_route()
    {
        var t = TestRoute.Registered();

        AssertResult.FailsOnly(t.Route.End(t.VoCoordinator, EndDate, "Opleiding vervalt.", 0, EndedAt), "route.end.administrator_only");
    }

    [Fact]
    public void R_ROUTE_11_viewer_cannot_end_a_route()
    {
        var t = TestRoute.Registered();

        AssertResult.FailsOnly(t.Route.End(t.VoViewer, EndDate, "Opleiding vervalt.", 0, EndedAt), "route.end.administrator_only");
    }

    [Fact]
    public void R_ROUTE_11_ending_needs_a_reason()
    {
        var t = TestRoute.Registered();

        AssertResult.FailsOnly(t.Route.End(t.Administrator, EndDate, null, 0, EndedAt), "route.reason.required");
    }

    [Fact]
    public void R_ROUTE_11_end_date_before_first_school_year_is_refused()
    {
        var t = TestRoute.Registered();

        AssertResult.FailsOnly(
            t.Route.End(t.Administrator, new DateOnly(2025, 7, 31), "Opleiding vervalt.", 0, EndedAt), "route.end.before_start");
    }

    [Fact]
    public void R_ROUTE_11_only_a_registered_route_can_be_ended()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();

        AssertResult.FailsOnly(t.Route.End(t.Administrator, EndDate, "Opleiding vervalt.", 0, EndedAt), "route.end.only_registered");
    }

    [Fact]
    public void R_ROUTE_11_ended_route_accepts_no_more_pupils()
    {
        var t = TestRoute.Registered();
        TestData.Ok(t.Route.End(t.Administrator, EndDate, "Opleiding vervalt.", 0, EndedAt));

        Assert.False(t.Route.AcceptsPupilsOn(new DateOnly(2027, 7, 1)));
        AssertResult.FailsOnly(t.Route.End(t.Administrator, EndDate, "Opleiding vervalt.", 0, EndedAt), "route.end.only_registered");
    }
}
