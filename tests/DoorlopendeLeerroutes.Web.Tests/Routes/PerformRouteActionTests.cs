using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Routes;

/// <summary>The route page's one Application entry for its actions: it runs the action's use case and says what happened.</summary>
public sealed class PerformRouteActionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RouteWorkflow _flow = new(app);

    [Fact]
    public async Task An_action_runs_its_use_case_and_a_missing_answer_is_refused()
    {
        var id = await _flow.CreateAsync("Via de ene ingang");
        var perform = await app.ServiceAsAsync<PerformRouteAction>(SignIn.VoCoordinator);

        var confirmed = await perform.ExecuteAsync(id, (await _flow.DetailsAsync(id)).Version, RouteAction.Confirm, RouteActionAnswers.None, Ct);
        var stale = await perform.ExecuteAsync(id, Guid.NewGuid(), RouteAction.Withdraw, RouteActionAnswers.None, Ct);
        var withdrawn = await perform.ExecuteAsync(id, (await _flow.DetailsAsync(id)).Version, RouteAction.Withdraw, RouteActionAnswers.None, Ct);

        Assert.True(confirmed.IsSuccess, confirmed.ToString());
        Assert.Equal("Je hebt de deelname van je instelling bevestigd.", confirmed.Value.Message);
        RouteWorkflow.Refused(stale, Application.Common.CommonErrors.ConcurrencyConflict.Code);
        Assert.Equal("De leerroute is ingetrokken.", withdrawn.Value.Message);
        Assert.Equal(RouteStatus.Withdrawn, (await _flow.DetailsAsync(id)).Status);

        var admin = await app.ServiceAsAsync<PerformRouteAction>(SignIn.Administrator);
        RouteWorkflow.Refused(
            await admin.ExecuteAsync(id, (await _flow.DetailsAsync(id)).Version, RouteAction.End, new RouteActionAnswers("Gestopt"), Ct),
            RouteErrors.EndDateRequired.Code);
        Assert.Equal(RouteActionQuestion.ReasonAndDate, PerformRouteAction.QuestionFor(RouteAction.End));
        Assert.Equal(RouteActionQuestion.Confirmation, PerformRouteAction.QuestionFor(RouteAction.Withdraw));
    }
}
