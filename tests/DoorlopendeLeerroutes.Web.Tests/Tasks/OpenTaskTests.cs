using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Application.Tasks;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Tasks;

/// <summary>R-TASK-1 per role on the real database and today's date: each kind appears, and goes once it is done.</summary>
public sealed class OpenTaskTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RouteWorkflow _flow = new(app);
    private readonly OpenTaskKit _tasks = new(app);

    [Fact]
    public async Task R_TASK_1_a_draft_asks_each_partner_to_confirm_until_it_has()
    {
        var id = await _flow.CreateAsync("Taken bevestigen");

        var vo = Assert.Single(await _tasks.AboutAsync(SignIn.VoCoordinator, "Taken bevestigen"));
        Assert.Equal(OpenTaskKind.ConfirmRoute, vo.Kind);
        Assert.StartsWith("Bevestig je deelname aan leerroute Taken bevestigen (LR-", vo.Text, StringComparison.Ordinal);
        Assert.Equal($"leerroutes/{id}", vo.Link);
        Assert.Null(vo.DaysLeft);
        Assert.Equal(OpenTaskKind.ConfirmRoute, Assert.Single(await _tasks.AboutAsync(SignIn.MboCoordinator, "Taken bevestigen")).Kind);

        RouteWorkflow.Ok(await _flow.ConfirmAsync(id, SignIn.VoCoordinator));

        Assert.Empty(await _tasks.AboutAsync(SignIn.VoCoordinator, "Taken bevestigen"));
        Assert.Single(await _tasks.AboutAsync(SignIn.MboCoordinator, "Taken bevestigen"));
        Assert.Empty(await _tasks.AboutAsync(SignIn.VoViewer, "Taken bevestigen")); // a viewer cannot confirm
    }

    [Fact]
    public async Task R_TASK_1_a_rejected_route_shows_the_reason_briefly_until_it_is_withdrawn()
    {
        var id = await _flow.CreateAsync("Taken afgewezen");
        await _flow.ReadyAndSubmitAsync(id);
        Assert.Contains(await _tasks.TasksAsync(SignIn.Administrator), t => t.Link == $"leerroutes/{id}");
        var reason = "De overstapoptie ontbreekt.\nWerk die uit voor leerlingen die in het tweede jaar stoppen, en leg vast wie hen "
                     + "begeleidt naar een andere opleiding binnen of buiten de samenwerking.";
        RouteWorkflow.Ok(await _flow.RejectAsync(id, reason));

        var task = Assert.Single(await _tasks.AboutAsync(SignIn.MboCoordinator, "Taken afgewezen"));
        Assert.Equal(OpenTaskKind.CorrectRejectedRoute, task.Kind);
        Assert.Contains("is afgewezen: De overstapoptie ontbreekt. Werk die uit voor leerlingen", task.Text, StringComparison.Ordinal);
        Assert.EndsWith("… Pas hem aan of trek hem in.", task.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("buiten de samenwerking", task.Text, StringComparison.Ordinal); // the route page has the whole reason
        Assert.DoesNotContain(await _tasks.TasksAsync(SignIn.Administrator), t => t.Link == $"leerroutes/{id}");

        var withdrawn = await (await app.ServiceAsAsync<WithdrawRoute>(SignIn.VoCoordinator))
            .ExecuteAsync(id, (await _flow.DetailsAsync(id)).Version, Ct);
        RouteWorkflow.Ok(withdrawn);

        Assert.Empty(await _tasks.AboutAsync(SignIn.MboCoordinator, "Taken afgewezen"));
        Assert.Empty(await _tasks.AboutAsync(SignIn.VoCoordinator, "Taken afgewezen"));
    }

    [Fact]
    public async Task R_TASK_1_missing_RIO_confirmations_the_own_as_an_action_the_partners_as_a_reminder()
    {
        var id = await _flow.RegisteredAsync("Taken RIO");
        var own = Assert.Single(await _tasks.AboutAsync(SignIn.VoCoordinator, "Taken RIO"));
        Assert.Equal(OpenTaskKind.ConfirmRioRegistration, own.Kind);
        Assert.StartsWith("Registreer leerroute Taken RIO (LR-", own.Text, StringComparison.Ordinal);
        Assert.Equal($"leerroutes/{id}?tab=rio", own.Link);

        await ConfirmRioAsync(id, SignIn.VoCoordinator);

        var reminder = Assert.Single(await _tasks.AboutAsync(SignIn.VoCoordinator, "Taken RIO"));
        Assert.Equal(OpenTaskKind.ConfirmRioRegistration, reminder.Kind);
        Assert.EndsWith(") heeft ROC Rivierenland de registratie in RIO nog niet bevestigd.", reminder.Text, StringComparison.Ordinal);
        Assert.StartsWith("Registreer", Assert.Single(await _tasks.AboutAsync(SignIn.MboCoordinator, "Taken RIO")).Text, StringComparison.Ordinal);

        await ConfirmRioAsync(id, SignIn.MboCoordinator);

        Assert.Empty(await _tasks.AboutAsync(SignIn.VoCoordinator, "Taken RIO"));
        Assert.Empty(await _tasks.AboutAsync(SignIn.MboCoordinator, "Taken RIO"));
    }

    [Fact]
    public async Task R_TASK_1_the_own_RIO_registration_comes_before_the_partners_and_after_confirmations()
    {
        // Demo: Horizon has not confirmed RIO for the care route; ROC Rivierenland has, so it reminds about Horizon.
        var draft = await _flow.CreateAsync("Taken volgorde");
        var tasks = await _tasks.TasksAsync(SignIn.MboCoordinator);

        var confirm = IndexOf(tasks, t => t.Link == $"leerroutes/{draft}");
        var rejected = IndexOf(tasks, t => t.Kind == OpenTaskKind.CorrectRejectedRoute); // demo: Ondernemen en retail
        var reminder = IndexOf(tasks, t => t.Text.Contains("heeft Vakcollege De Horizon de registratie in RIO", StringComparison.Ordinal));
        Assert.True(rejected < confirm && confirm < reminder, string.Join(Environment.NewLine, tasks.Select(t => t.Text)));
        Assert.Equal(tasks.Count, tasks.Select(t => t.Text).Distinct().Count());
    }

    [Fact]
    public async Task R_ACCESS_1_another_institution_never_sees_the_tasks_of_routes_it_is_not_in()
    {
        var draft = await _flow.CreateAsync("Taken geheim concept");
        var rejected = await _flow.CreateAsync("Taken geheim afgewezen");
        await _flow.ReadyAndSubmitAsync(rejected);
        RouteWorkflow.Ok(await _flow.RejectAsync(rejected, "Nog niet volledig."));
        var registered = await _flow.RegisteredAsync("Taken geheim geregistreerd");
        Assert.Equal(3, (await _tasks.TasksAsync(SignIn.VoCoordinator)).Count(t => t.Text.Contains("Taken geheim", StringComparison.Ordinal)));

        foreach (var outsider in new[] { SignIn.UnrelatedCoordinator, SignIn.VoViewer, SignIn.MboViewer })
        {
            var tasks = await _tasks.TasksAsync(outsider);
            Assert.DoesNotContain(tasks, t => t.Text.Contains("Taken geheim", StringComparison.Ordinal));
            Assert.DoesNotContain(tasks, t => new[] { draft, rejected, registered }.Any(id => t.Link.Contains(id.ToString(), StringComparison.Ordinal)));
        }

        // The outsider's own tasks are there: its demo route has no RIO confirmation at all.
        Assert.Contains(await _tasks.AboutAsync(SignIn.UnrelatedCoordinator, OpenTaskKit.GreenRoute), t => t.Kind == OpenTaskKind.ConfirmRioRegistration);
        Assert.DoesNotContain(await _tasks.TasksAsync(SignIn.VoCoordinator), t => t.Text.Contains(OpenTaskKit.GreenRoute, StringComparison.Ordinal));
    }

    [Fact]
    public async Task R_TASK_1_the_administrator_reviews_oldest_first_with_the_overdue_on_top()
    {
        var first = await _flow.CreateAsync("Taken beoordelen eerst");
        var second = await _flow.CreateAsync("Taken beoordelen later");
        await _flow.ReadyAndSubmitAsync(first);
        await _flow.ReadyAndSubmitAsync(second);

        var tasks = await _tasks.TasksAsync(SignIn.Administrator);

        // The demo's techniek route was submitted 15 days before the demo was loaded: longer than 14 days ago.
        var overdue = tasks[0];
        Assert.Equal(OpenTaskKind.ReviewOverdue, overdue.Kind);
        Assert.Contains(OpenTaskKit.TechRoute, overdue.Text, StringComparison.Ordinal);
        Assert.Contains("wacht al 15 dagen (langer dan 14 dagen)", overdue.Text, StringComparison.Ordinal);
        Assert.Equal($"leerroutes/{await _tasks.RouteIdAsync(OpenTaskKit.TechRoute)}", overdue.Link);
        var firstAt = IndexOf(tasks, t => t.Link == $"leerroutes/{first}");
        var secondAt = IndexOf(tasks, t => t.Link == $"leerroutes/{second}");
        Assert.True(firstAt < secondAt);
        Assert.Equal(OpenTaskKind.ReviewRoute, tasks[firstAt].Kind);
        Assert.EndsWith($"ingediend op {DutchFormat.LongDate(DutchTime.Today(DateTime.UtcNow))} (vandaag).", tasks[firstAt].Text, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.True(t.Kind is OpenTaskKind.ReviewRoute or OpenTaskKind.ReviewOverdue, t.Text));
    }

    [Fact]
    public async Task R_TASK_1_a_viewer_has_no_tasks_and_sees_the_count_preview_of_the_own_institution()
    {
        var start = await _tasks.StartPageAsync(SignIn.VoViewer);

        Assert.True(start.Tasks.IsEmpty);
        var preview = Assert.IsType<Application.Counting.CountOverview>(start.CountPreview);
        Assert.True(preview.IsPreview);
        Assert.Equal(OpenTasksQuery.ComingCount(DutchTime.Today(DateTime.UtcNow)).CountDate, preview.CountDate);
        Assert.True(preview.Pupils > 0);
        Assert.Contains(preview.Routes, r => r.Name == OpenTaskKit.CareRoute);
        Assert.DoesNotContain(preview.Routes, r => r.Name == OpenTaskKit.GreenRoute); // R-ACCESS-1
        Assert.Null((await _tasks.StartPageAsync(SignIn.VoCoordinator)).CountPreview);
    }

    [Theory]
    [InlineData(SignIn.Administrator)]
    [InlineData(SignIn.VoCoordinator)]
    [InlineData(SignIn.MboCoordinator)]
    [InlineData(SignIn.UnrelatedCoordinator)]
    [InlineData(SignIn.VoViewer)]
    public async Task R_TASK_1_the_list_without_a_sign_in_is_the_start_page_list(string email)
    {
        var page = await _tasks.TasksAsync(email);
        var digest = await _tasks.WithoutSignInAsync(email);

        Assert.Equal(page, digest);
        Assert.Equal(email != SignIn.VoViewer, digest.Count > 0);
    }

    private async Task ConfirmRioAsync(Guid routeId, string asUser)
    {
        var version = (await _flow.DetailsAsync(routeId)).Version;
        RouteWorkflow.Ok(await (await app.ServiceAsAsync<ConfirmRioRegistration>(asUser))
            .ExecuteAsync(routeId, version, DutchTime.Today(DateTime.UtcNow), Ct));
    }

    private static int IndexOf(IReadOnlyList<OpenTask> tasks, Func<OpenTask, bool> match)
    {
        var index = tasks.ToList().FindIndex(t => match(t));
        Assert.True(index >= 0, "Task not found in: " + string.Join(Environment.NewLine, tasks.Select(t => t.Text)));
        return index;
    }
}
