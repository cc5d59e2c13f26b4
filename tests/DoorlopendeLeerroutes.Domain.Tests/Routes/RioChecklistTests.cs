using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Routes;

public class RioChecklistTests
{
    private static readonly DateTime Now = TestData.Utc(2025, 5, 20);
    private static readonly DateOnly ReportedOn = new(2025, 5, 19);

    private static List<Institution> Institutions(TestRoute t) => [t.VoSchool, t.MboCollege];

    [Fact]
    public void R_RIO_1_vo_side_registers_its_offer_with_the_mbo_partner_and_the_start_date_without_crebo()
    {
        var t = TestRoute.Registered();

        var list = RioChecklist.For(t.Route, t.VoSchool.Id, Institutions(t))!;

        Assert.Equal("05KO", list.Own.Brin);
        Assert.Equal(RioChecklist.ContinuousCharacteristic, list.Characteristic);
        var partner = Assert.Single(list.CooperatingProviders);
        Assert.Equal(("ROC Midden", "25LX"), (partner.Name, partner.Brin));
        Assert.Equal(new DateOnly(2025, 8, 1), list.StartDate);
        Assert.False(list.IsMboSide);
        Assert.Null(list.Crebo);
        Assert.Null(list.Level);
        Assert.Null(list.Report);
    }

    [Fact]
    public void R_RIO_1_mbo_side_also_registers_crebo_and_niveau()
    {
        var t = TestRoute.Registered();

        var list = RioChecklist.For(t.Route, t.MboCollege.Id, Institutions(t))!;

        Assert.True(list.IsMboSide);
        Assert.Equal("25180", list.Crebo);
        Assert.Equal(MboLevel.Level3, list.Level);
        Assert.Equal("05KO", Assert.Single(list.CooperatingProviders).Brin);
    }

    [Fact]
    public void R_RIO_1_integrated_route_has_the_integrated_characteristic()
    {
        var t = TestRoute.Registered(TestData.ValidDefinition(RouteType.Integrated, MboLevel.Level2, [Track.BB]));

        Assert.Equal("geïntegreerde leerroute vmbo-mbo", RioChecklist.For(t.Route, t.VoSchool.Id, Institutions(t))!.Characteristic);
    }

    [Fact]
    public void R_RIO_1_no_checklist_before_registration_or_for_an_outsider()
    {
        var draft = TestRoute.Draft().WithAgreement();
        Assert.Null(RioChecklist.For(draft.Route, draft.VoSchool.Id, Institutions(draft)));

        var t = TestRoute.Registered();
        Assert.Null(RioChecklist.For(t.Route, Guid.NewGuid(), Institutions(t)));
    }

    [Fact]
    public void R_RIO_1_coordinator_confirms_for_own_institution_and_the_checklist_shows_it()
    {
        var t = TestRoute.Registered();

        AssertResult.Succeeds(t.Route.ConfirmRioRegistration(t.VoSchool.Id, ReportedOn, t.VoCoordinator, Now));

        var report = RioChecklist.For(t.Route, t.VoSchool.Id, Institutions(t))!.Report!;
        Assert.Equal(ReportedOn, report.ReportedOn);
        Assert.Equal(t.VoCoordinator.UserId, report.ConfirmedBy);
        Assert.Equal(Now, report.ConfirmedAt);
        Assert.Equal([t.MboCollege.Id], t.Route.PartnersWithoutRioReport().Select(p => p.InstitutionId));
        Assert.Equal(RouteEvent.ReportedInRio, t.Route.History[^1].Event);
        Assert.Equal(t.VoSchool.Id, t.Route.History[^1].InstitutionId);
    }

    [Fact]
    public void R_RIO_1_only_a_coordinator_of_that_partner_confirms()
    {
        var t = TestRoute.Registered();

        AssertResult.FailsOnly(t.Route.ConfirmRioRegistration(t.MboCollege.Id, ReportedOn, t.VoCoordinator, Now), "rio.own_institution_only");
        AssertResult.FailsOnly(t.Route.ConfirmRioRegistration(t.VoSchool.Id, ReportedOn, t.VoViewer, Now), "access.read_only");
        AssertResult.FailsOnly(t.Route.ConfirmRioRegistration(t.VoSchool.Id, ReportedOn, t.Administrator, Now), "rio.own_institution_only");
        var outsider = TestData.VoSchool("07AB");
        AssertResult.FailsOnly(
            t.Route.ConfirmRioRegistration(outsider.Id, ReportedOn, TestData.CoordinatorOf(outsider), Now), "route.not_a_partner");
        Assert.All(t.Route.Partners, p => Assert.False(p.HasReportedToRio));
    }

    [Fact]
    public void R_RIO_1_only_a_registered_version_is_confirmed()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();

        AssertResult.FailsOnly(t.Route.ConfirmRioRegistration(t.VoSchool.Id, ReportedOn, t.VoCoordinator, Now), "rio.only_registered");
    }

    [Fact]
    public void R_RIO_1_the_date_is_not_in_the_future_and_not_before_the_agreement_was_signed()
    {
        var t = TestRoute.Registered();

        // 20 May 23:30 UTC is already 21 May in the Netherlands: 21 May is today, 22 May the future.
        var lateEvening = TestData.Utc(2025, 5, 20, 23, 30);
        AssertResult.Succeeds(t.Route.ConfirmRioRegistration(t.VoSchool.Id, new DateOnly(2025, 5, 21), t.VoCoordinator, lateEvening));
        AssertResult.FailsOnly(
            t.Route.ConfirmRioRegistration(t.VoSchool.Id, new DateOnly(2025, 5, 22), t.VoCoordinator, lateEvening), "rio.date.future");
        AssertResult.FailsOnly(
            t.Route.ConfirmRioRegistration(t.VoSchool.Id, TestData.SignedOn.AddDays(-1), t.VoCoordinator, Now), "rio.date.before_agreement");
        AssertResult.Succeeds(t.Route.ConfirmRioRegistration(t.VoSchool.Id, TestData.SignedOn, t.VoCoordinator, Now));
        Assert.Equal(TestData.SignedOn, t.Route.Partners.Single(p => p.InstitutionId == t.VoSchool.Id).RioReportedOn);
    }

    [Fact]
    public void R_RIO_1_a_new_version_asks_again()
    {
        var t = TestRoute.Registered();
        TestData.Ok(t.Route.ConfirmRioRegistration(t.VoSchool.Id, ReportedOn, t.VoCoordinator, Now));
        TestData.Ok(t.Route.ConfirmRioRegistration(t.MboCollege.Id, ReportedOn, t.MboCoordinator, Now));

        var next = TestData.Ok(t.Route.StartNewVersion(t.VoCoordinator, TestData.Utc(2025, 9, 1)));
        t.ConfirmAll(next);
        TestData.Ok(next.Submit(t.VoCoordinator, TestData.Utc(2025, 9, 2)));
        TestData.Ok(next.Register(t.Administrator, TestData.Utc(2025, 9, 3), t.Route));

        Assert.All(next.Partners, p => Assert.False(p.HasReportedToRio));
        Assert.Equal(2, next.PartnersWithoutRioReport().Count());
        Assert.Null(RioChecklist.For(next, t.VoSchool.Id, Institutions(t))!.Report);
        AssertResult.FailsOnly(
            t.Route.ConfirmRioRegistration(t.VoSchool.Id, ReportedOn, t.VoCoordinator, Now), "rio.only_registered");
    }
}
