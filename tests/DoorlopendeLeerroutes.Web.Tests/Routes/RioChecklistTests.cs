using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Privacy;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Routes;

/// <summary>R-RIO-1 through the Application layer on the real database: who confirms, what each partner sees, a new version asks again.</summary>
public sealed class RioChecklistTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DutchTime.Today(DateTime.UtcNow);

    private readonly RouteWorkflow _flow = new(app);

    private async Task<RioChecklistView> ChecklistAsync(Guid routeId, string asUser) =>
        (await (await app.ServiceAsAsync<RioChecklistQuery>(asUser)).ExecuteAsync(routeId, Ct))!;

    private async Task<Result> ConfirmAsync(Guid routeId, string asUser, DateOnly? on = null)
    {
        var version = (await _flow.DetailsAsync(routeId)).Version;
        return await (await app.ServiceAsAsync<ConfirmRioRegistration>(asUser)).ExecuteAsync(routeId, version, on ?? Today, Ct);
    }

    [Fact]
    public async Task R_RIO_1_each_partner_sees_its_own_checklist_and_confirms_for_itself()
    {
        var id = await _flow.RegisteredAsync("RIO techniek");

        var vo = await ChecklistAsync(id, SignIn.VoCoordinator);
        var mbo = await ChecklistAsync(id, SignIn.MboCoordinator);
        Assert.True(vo.CanConfirm);
        Assert.False(vo.Own!.IsMboSide);
        Assert.Null(vo.Own.Crebo);
        Assert.Equal(mbo.Own!.Own.Brin, Assert.Single(vo.Own.CooperatingProviders).Brin);
        Assert.True(mbo.Own.IsMboSide);
        Assert.Equal(vo.Own.Own.Brin, Assert.Single(mbo.Own.CooperatingProviders).Brin);
        Assert.Equal(2, vo.NotConfirmed);

        RouteWorkflow.Ok(await ConfirmAsync(id, SignIn.VoCoordinator));

        // Every partner sees who confirmed: the mbo side sees the vo side's date.
        var seenByMbo = await ChecklistAsync(id, SignIn.MboViewer);
        Assert.Equal(Today, seenByMbo.Partners.Single(p => !p.IsOwn).ReportedOn);
        Assert.Null(seenByMbo.Partners.Single(p => p.IsOwn).ReportedOn);
        Assert.Equal(1, seenByMbo.NotConfirmed);
        Assert.Contains((await _flow.DetailsAsync(id)).History, h => h.Event == RouteEvent.ReportedInRio);
    }

    [Fact]
    public async Task R_RIO_1_another_institution_cannot_see_or_confirm_and_is_recorded()
    {
        var id = await _flow.RegisteredAsync("RIO buitenstaander");

        Assert.Null(await (await app.ServiceAsAsync<RioChecklistQuery>(SignIn.UnrelatedCoordinator)).ExecuteAsync(id, Ct));
        RouteWorkflow.Refused(await ConfirmAsync(id, SignIn.UnrelatedCoordinator), RouteErrors.NotFound.Code);

        var refused = await new PrivacyKit(app).AuditOfAsync(SignIn.UnrelatedCoordinator);
        Assert.Contains(refused, a => a.Kind == AuditKind.AccessRefused && a.ObjectId == id);
        Assert.All((await ChecklistAsync(id, SignIn.VoCoordinator)).Partners, p => Assert.Null(p.ReportedOn));
    }

    [Fact]
    public async Task R_RIO_1_a_viewer_cannot_confirm_and_the_attempt_is_recorded()
    {
        var id = await _flow.RegisteredAsync("RIO lezer");

        Assert.False((await ChecklistAsync(id, SignIn.VoViewer)).CanConfirm);
        RouteWorkflow.Refused(await ConfirmAsync(id, SignIn.VoViewer), DomainErrors.Access.ReadOnly.Code);

        Assert.Contains(await new PrivacyKit(app).AuditOfAsync(SignIn.VoViewer), a => a.Kind == AuditKind.AccessRefused && a.ObjectId == id);
        Assert.All((await ChecklistAsync(id, SignIn.VoCoordinator)).Partners, p => Assert.Null(p.ReportedOn));
    }

    [Fact]
    public async Task R_RIO_1_date_in_the_future_is_refused()
    {
        var id = await _flow.RegisteredAsync("RIO toekomst");

        RouteWorkflow.Refused(await ConfirmAsync(id, SignIn.MboCoordinator, Today.AddDays(1)), DomainErrors.Rio.DateInFuture.Code);
        RouteWorkflow.Refused(await ConfirmAsync(id, SignIn.MboCoordinator, Today.AddDays(-8)), "rio.date.before_agreement");
    }

    [Fact]
    public async Task R_RIO_1_a_new_version_asks_again()
    {
        var id = await _flow.RegisteredAsync("RIO nieuwe versie");
        RouteWorkflow.Ok(await ConfirmAsync(id, SignIn.VoCoordinator));
        RouteWorkflow.Ok(await ConfirmAsync(id, SignIn.MboCoordinator));
        Assert.Equal(0, (await ChecklistAsync(id, SignIn.VoCoordinator)).NotConfirmed);

        var next = await (await app.ServiceAsAsync<StartNewRouteVersion>(SignIn.VoCoordinator))
            .ExecuteAsync(id, (await _flow.DetailsAsync(id)).Version, Ct);
        RouteWorkflow.Ok(next);
        await _flow.ReadyAndSubmitAsync(next.Value, withAgreement: false);
        RouteWorkflow.Ok(await _flow.RegisterAsync(next.Value));

        var fresh = await ChecklistAsync(next.Value, SignIn.VoCoordinator);
        Assert.Equal(2, fresh.NotConfirmed);
        Assert.Null(fresh.Own!.Report);
        Assert.True(fresh.CanConfirm);
        var old = await ChecklistAsync(id, SignIn.VoCoordinator);
        Assert.Null(old.Own); // superseded: nothing to report for it any more
        Assert.False(old.CanConfirm);
    }
}
