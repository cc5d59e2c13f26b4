using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Notifications;

/// <summary>
/// Issue 15: when the administrator rejects or registers a route, every active coordinator of every partner gets an
/// e-mail with the route's name and a link (and the reason of a rejection), sent after the save, recorded in the audit
/// log (R-PRIV-2), never with a pupil number.
/// </summary>
public sealed class RouteNoticeTests(MailApp app) : IClassFixture<MailApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RouteWorkflow _flow = new(app);

    [Fact]
    public async Task R_PRIV_2_a_rejection_mails_the_reason_and_link_to_each_partners_active_coordinators_only_and_is_audited()
    {
        var name = "Afwijzing per mail " + Guid.NewGuid().ToString("N")[..6];
        var id = await _flow.CreateAsync(name);
        await _flow.ReadyAndSubmitAsync(id);
        var (secondColleague, disabledColleague) = await HorizonColleaguesAsync();
        const string reason = "De overeenkomst mist de handtekening van het ROC.";

        var rejected = await PerformAsync(id, RouteAction.Reject, new RouteActionAnswers(reason));
        await app.OutboxIdleAsync();

        Assert.True(rejected.IsSuccess, rejected.ToString());
        Assert.Equal(RouteStatus.Rejected, (await _flow.DetailsAsync(id)).Status);
        var mails = MailsAbout(name);
        Assert.Equal(
            new[] { SignIn.VoCoordinator, SignIn.MboCoordinator, secondColleague }.Order(),
            mails.Select(m => m.To).Order());
        Assert.DoesNotContain(mails, m => m.To == SignIn.UnrelatedCoordinator || m.To == disabledColleague || m.To == SignIn.VoViewer);
        var link = $"{MailApp.PublicBaseUrl}leerroutes/{id}";
        Assert.All(mails, m =>
        {
            Assert.Equal($"Leerroute afgewezen: {name}", m.Subject);
            Assert.Contains(reason, m.Text);
            Assert.Contains(reason, m.Html);
            Assert.Contains(link, m.Text);
            Assert.Contains($"href=\"{link}\"", m.Html);
            Assert.DoesNotMatch(PersonalData.NineDigits(), m.All);
        });

        var audited = await AuditedAsync(AuditKind.RouteNoticeSent, id);
        Assert.Equal(
            (await Task.WhenAll(mails.Select(m => app.UserAsync(m.To)))).Select(u => u.UserId).Order(),
            audited.Select(a => a.ActorUserId!.Value).Order());
        Assert.All(audited, a => Assert.Equal("leerroute afgewezen", a.Detail));
        Assert.All(audited, a => Assert.DoesNotContain(reason, a.Detail));
    }

    [Fact]
    public async Task A_registration_mails_the_partners_coordinators_with_a_link_to_the_route()
    {
        var name = "Registratie per mail " + Guid.NewGuid().ToString("N")[..6];
        var id = await _flow.CreateAsync(name);
        await _flow.ReadyAndSubmitAsync(id);

        var registered = await PerformAsync(id, RouteAction.Register, RouteActionAnswers.None);
        await app.OutboxIdleAsync();

        Assert.True(registered.IsSuccess, registered.ToString());
        var mails = MailsAbout(name);
        Assert.Contains(mails, m => m.To == SignIn.VoCoordinator);
        Assert.Contains(mails, m => m.To == SignIn.MboCoordinator);
        Assert.DoesNotContain(mails, m => m.To == SignIn.UnrelatedCoordinator);
        Assert.All(mails, m =>
        {
            Assert.Equal($"Leerroute geregistreerd: {name}", m.Subject);
            Assert.Contains("geregistreerd", m.Text);
            Assert.Contains($"{MailApp.PublicBaseUrl}leerroutes/{id}", m.Text);
            Assert.DoesNotMatch(PersonalData.NineDigits(), m.All);
        });
        Assert.Equal(mails.Count, (await AuditedAsync(AuditKind.RouteNoticeSent, id)).Count);
    }

    [Fact]
    public async Task A_rejection_through_the_API_mails_the_partners_as_the_page_does()
    {
        var name = "Afwijzing via API " + Guid.NewGuid().ToString("N")[..6];
        var id = await _flow.CreateAsync(name);
        await _flow.ReadyAndSubmitAsync(id);
        var details = await _flow.DetailsAsync(id);
        using var registry = await app.ApiClientAsync(ApiClients.Registry);

        using var response = await registry.PostAsJsonAsync(
            $"{Web.Api.ApiContract.BasePath}/leerroutes/{details.Code}/afwijzen", new { versie = details.Version, reden = "Crebo klopt niet." }, Ct);
        await app.OutboxIdleAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var mails = MailsAbout(name);
        Assert.Contains(mails, m => m.To == SignIn.VoCoordinator);
        Assert.Contains(mails, m => m.To == SignIn.MboCoordinator);
        Assert.DoesNotContain(mails, m => m.To == SignIn.UnrelatedCoordinator);
        Assert.All(mails, m => Assert.Contains("Crebo klopt niet.", m.Text));
    }

    [Fact]
    public async Task Other_actions_send_nothing()
    {
        var name = "Geen mail " + Guid.NewGuid().ToString("N")[..6];
        var id = await _flow.CreateAsync(name);

        Assert.True((await PerformAsync(id, RouteAction.Confirm, RouteActionAnswers.None, SignIn.VoCoordinator)).IsSuccess);
        Assert.True((await PerformAsync(id, RouteAction.Withdraw, RouteActionAnswers.None, SignIn.VoCoordinator)).IsSuccess);
        await app.OutboxIdleAsync();

        Assert.Empty(MailsAbout(name));
    }

    private async Task<Domain.Common.Result<RouteActionOutcome>> PerformAsync(
        Guid id, RouteAction action, RouteActionAnswers answers, string asUser = SignIn.Administrator) =>
        await (await app.ServiceAsAsync<PerformRouteAction>(asUser))
            .ExecuteAsync(id, (await _flow.DetailsAsync(id)).Version, action, answers, Ct);

    private List<ReceivedMail> MailsAbout(string routeName) =>
        app.Received().Where(m => m.Subject.Contains(routeName, StringComparison.Ordinal)).ToList();

    /// <summary>Two more coordinators of De Horizon: one active, one disabled; their addresses.</summary>
    private async Task<(string Active, string Disabled)> HorizonColleaguesAsync()
    {
        var horizon = (await app.UserAsync(SignIn.VoCoordinator)).InstitutionId;
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IUserAccounts>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var active = await accounts.CreateAsync($"tweede-{suffix}@horizon.example", "Tweede Coördinator", UserRole.Coordinator, horizon, Ct);
        var disabled = await accounts.CreateAsync($"uit-{suffix}@horizon.example", "Uitgeschakelde Coördinator", UserRole.Coordinator, horizon, Ct);
        Assert.True(active.IsSuccess && disabled.IsSuccess);
        Assert.True((await accounts.SetDisabledAsync(disabled.Value.UserId, true, Ct)).IsSuccess);
        return (active.Value.Email, disabled.Value.Email);
    }

    private async Task<List<Infrastructure.Auditing.AuditEntry>> AuditedAsync(AuditKind kind, Guid routeId)
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.AuditLog.Where(a => a.Kind == kind && a.ObjectId == routeId).ToListAsync(Ct);
    }
}
