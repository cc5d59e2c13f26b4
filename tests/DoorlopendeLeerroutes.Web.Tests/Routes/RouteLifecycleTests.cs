using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Routes;

/// <summary>
/// The life cycle of docs/domain.md §4.3 through the Application layer on the real database: every step as the person who
/// may take it, and every forbidden step refused with its rule's message.
/// </summary>
public sealed class RouteLifecycleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RouteWorkflow _flow = new(app);

    [Fact]
    public async Task Draft_confirm_submit_reject_edit_resubmit_register_new_version_register_end()
    {
        var id = await _flow.CreateAsync("Bouw en infra");
        Assert.Equal(RouteStatus.Draft, (await _flow.DetailsAsync(id)).Status);

        // R-ROUTE-7: not without an agreement; R-ROUTE-8: not before every partner confirmed.
        RouteWorkflow.Refused(await _flow.SubmitAsync(id), "route.submit.agreement_required");
        RouteWorkflow.Ok(await _flow.AddAgreementAsync(id, TestPdf.Agreement()));
        RouteWorkflow.Ok(await _flow.ConfirmAsync(id, SignIn.VoCoordinator));
        RouteWorkflow.Refused(await _flow.SubmitAsync(id), "route.submit.not_all_confirmed");
        RouteWorkflow.Ok(await _flow.ConfirmAsync(id, SignIn.MboCoordinator));
        RouteWorkflow.Ok(await _flow.SubmitAsync(id, SignIn.MboCoordinator));

        // R-ROUTE-9: only an administrator decides, and a rejection needs a reason.
        RouteWorkflow.Refused(await _flow.RegisterAsync(id, SignIn.VoCoordinator), "route.review.administrator_only");
        RouteWorkflow.Refused(await _flow.RejectAsync(id, "  "), "route.reason.required");
        RouteWorkflow.Ok(await _flow.RejectAsync(id, "De overstapoptie is niet uitgewerkt voor het tweede jaar."));
        var rejected = await _flow.DetailsAsync(id, SignIn.MboViewer);
        Assert.Equal(RouteStatus.Rejected, rejected.Status);
        Assert.Equal("De overstapoptie is niet uitgewerkt voor het tweede jaar.", rejected.RejectionReason);

        // Editing a rejected route makes it a draft again; the partners confirm again.
        var form = (await (await app.ServiceAsAsync<RouteDetailsQuery>(SignIn.VoCoordinator)).LoadFormAsync(id, Ct))!;
        form.Name = "Bouw en infra (herzien)";
        RouteWorkflow.Ok(await (await app.ServiceAsAsync<EditRoute>(SignIn.VoCoordinator)).ExecuteAsync(id, form, Ct));
        var edited = await _flow.DetailsAsync(id);
        Assert.Equal(RouteStatus.Draft, edited.Status);
        Assert.All(edited.Partners, p => Assert.Null(p.ConfirmedAt));

        await _flow.ReadyAndSubmitAsync(id, withAgreement: false);
        RouteWorkflow.Ok(await _flow.RegisterAsync(id));
        Assert.Equal(RouteStatus.Registered, (await _flow.DetailsAsync(id)).Status);

        // R-ROUTE-10: a registered route is not edited in place; a new version is, and replaces it when registered.
        var registeredForm = form;
        registeredForm.Version = (await _flow.DetailsAsync(id)).Version;
        RouteWorkflow.Refused(await (await app.ServiceAsAsync<EditRoute>(SignIn.VoCoordinator)).ExecuteAsync(id, registeredForm, Ct), "route.registered.not_editable");
        var next = await (await app.ServiceAsAsync<StartNewRouteVersion>(SignIn.MboCoordinator)).ExecuteAsync(id, (await _flow.DetailsAsync(id)).Version, Ct);
        RouteWorkflow.Ok(next);
        Assert.Equal(RouteStatus.Registered, (await _flow.DetailsAsync(id)).Status); // still in force
        await _flow.ReadyAndSubmitAsync(next.Value, withAgreement: false);
        RouteWorkflow.Ok(await _flow.RegisterAsync(next.Value));
        Assert.Equal(RouteStatus.Superseded, (await _flow.DetailsAsync(id)).Status);
        Assert.Equal(2, (await _flow.DetailsAsync(next.Value)).VersionNumber);

        // R-ROUTE-11: ending is for administrators, with a reason.
        var end = await app.ServiceAsAsync<EndRoute>(SignIn.Administrator);
        var version = (await _flow.DetailsAsync(next.Value)).Version;
        RouteWorkflow.Refused(await end.ExecuteAsync(next.Value, version, DutchTime.Today(DateTime.UtcNow), null, Ct), "route.reason.required");
        RouteWorkflow.Ok(await end.ExecuteAsync(next.Value, version, DutchTime.Today(DateTime.UtcNow), "De partners stoppen met deze route.", Ct));
        var ended = await _flow.DetailsAsync(next.Value);
        Assert.Equal(RouteStatus.Ended, ended.Status);
        Assert.Contains(ended.History, h => h.Event == RouteEvent.Ended && h.Reason == "De partners stoppen met deze route.");
    }

    [Fact]
    public async Task Viewers_and_unrelated_coordinators_change_nothing()
    {
        var id = await _flow.CreateAsync("Alleen lezen");

        RouteWorkflow.Refused(await _flow.ConfirmAsync(id, SignIn.VoViewer), "access.read_only");
        RouteWorkflow.Refused(await _flow.ConfirmAsync(id, SignIn.UnrelatedCoordinator), RouteErrors.NotFound.Code);
        RouteWorkflow.Refused(await _flow.AddAgreementAsync(id, TestPdf.Agreement(), asUser: SignIn.MboViewer), "access.read_only");
        RouteWorkflow.Refused(await _flow.AddAgreementAsync(id, TestPdf.Agreement(), asUser: SignIn.UnrelatedCoordinator), RouteErrors.NotFound.Code);
        Assert.Null(await (await app.ServiceAsAsync<RouteDetailsQuery>(SignIn.UnrelatedCoordinator)).ExecuteAsync(id, Ct));

        var details = await _flow.DetailsAsync(id);
        Assert.Empty(details.Agreements);
        Assert.All(details.Partners, p => Assert.Null(p.ConfirmedAt));
        Assert.False((await _flow.DetailsAsync(id, SignIn.VoViewer)).Actions.Any);
    }

    [Fact]
    public async Task Two_coordinators_editing_the_same_draft_the_second_gets_the_conflict_message_and_the_first_change_stays()
    {
        var id = await _flow.CreateAsync("Samen bewerken");
        var mine = (await (await app.ServiceAsAsync<RouteDetailsQuery>(SignIn.VoCoordinator)).LoadFormAsync(id, Ct))!;
        var theirs = (await (await app.ServiceAsAsync<RouteDetailsQuery>(SignIn.MboCoordinator)).LoadFormAsync(id, Ct))!;

        theirs.Name = "Samen bewerken (ROC)";
        RouteWorkflow.Ok(await (await app.ServiceAsAsync<EditRoute>(SignIn.MboCoordinator)).ExecuteAsync(id, theirs, Ct));
        mine.Name = "Samen bewerken (Horizon)";
        var result = await (await app.ServiceAsAsync<EditRoute>(SignIn.VoCoordinator)).ExecuteAsync(id, mine, Ct);

        RouteWorkflow.Refused(result, CommonErrors.ConcurrencyConflict.Code);
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("Samen bewerken (ROC)", (await _flow.DetailsAsync(id)).Definition.Name);
    }

    [Fact]
    public async Task R_ROUTE_3_form_refuses_an_integrated_route_from_KB_with_the_rules_message()
    {
        var form = await _flow.NewFormAsync("GLR vanuit KB");
        form.Type = RouteType.Integrated;
        form.Level = MboLevel.Level2;

        var created = await (await app.ServiceAsAsync<CreateRoute>(SignIn.VoCoordinator)).ExecuteAsync(form, Ct);
        var validation = await new RouteFormValidator().ValidateAsync(form, Ct);

        RouteWorkflow.Refused(created, "route.integrated.requires_bb");
        Assert.Contains(validation.Errors, e => e.PropertyName == nameof(RouteForm.Tracks)
                                              && e.ErrorMessage.Contains("basisberoepsgerichte leerweg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R_ROUTE_10_registering_a_new_version_takes_the_enrolled_pupils_along_and_R_ROUTE_11_ending_needs_them_ended()
    {
        Guid care;
        int pupils;
        await using (var db = await app.OpenDbContextAsync())
        {
            care = (await db.Routes.SingleAsync(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo", Ct)).Id;
            pupils = await db.Enrolments.CountAsync(e => e.RouteId == care && e.EndDate == null, Ct);
        }

        Assert.True(pupils > 0);
        var end = await app.ServiceAsAsync<EndRoute>(SignIn.Administrator);
        RouteWorkflow.Refused(
            await end.ExecuteAsync(care, (await _flow.DetailsAsync(care)).Version, DutchTime.Today(DateTime.UtcNow), "Stoppen.", Ct),
            "route.end.pupils_enrolled");

        // R-ROUTE-9: a route that is not submitted cannot be registered.
        var next = await (await app.ServiceAsAsync<StartNewRouteVersion>(SignIn.VoCoordinator)).ExecuteAsync(care, (await _flow.DetailsAsync(care)).Version, Ct);
        RouteWorkflow.Ok(next);
        RouteWorkflow.Refused(await _flow.RegisterAsync(next.Value), "route.register.only_submitted");

        await _flow.ReadyAndSubmitAsync(next.Value, withAgreement: false);
        RouteWorkflow.Ok(await _flow.RegisterAsync(next.Value));

        await using var check = await app.OpenDbContextAsync();
        Assert.Equal(0, await check.Enrolments.CountAsync(e => e.RouteId == care && e.EndDate == null, Ct));
        Assert.Equal(pupils, await check.Enrolments.CountAsync(e => e.RouteId == next.Value && e.EndDate == null, Ct));
        Assert.Equal(pupils, (await _flow.DetailsAsync(next.Value)).ActivePupils);
    }

    [Fact]
    public async Task R_ROUTE_10_after_withdrawing_a_new_version_another_can_be_started_with_the_next_number()
    {
        var id = await _flow.CreateAsync("Terugtrekken en opnieuw");
        await _flow.ReadyAndSubmitAsync(id);
        RouteWorkflow.Ok(await _flow.RegisterAsync(id));
        var start = await app.ServiceAsAsync<StartNewRouteVersion>(SignIn.VoCoordinator);

        var first = await start.ExecuteAsync(id, (await _flow.DetailsAsync(id)).Version, Ct);
        RouteWorkflow.Ok(await (await app.ServiceAsAsync<WithdrawRoute>(SignIn.MboCoordinator)).ExecuteAsync(first.Value, (await _flow.DetailsAsync(first.Value)).Version, Ct));
        var second = await start.ExecuteAsync(id, (await _flow.DetailsAsync(id)).Version, Ct);

        RouteWorkflow.Ok(second);
        Assert.Equal(RouteStatus.Withdrawn, (await _flow.DetailsAsync(first.Value)).Status);
        Assert.Equal(2, (await _flow.DetailsAsync(first.Value)).VersionNumber);
        Assert.Equal(3, (await _flow.DetailsAsync(second.Value)).VersionNumber);
        Assert.Equal(second.Value, (await _flow.DetailsAsync(id)).PendingVersionId);
    }

    [Fact]
    public async Task Routes_created_at_the_same_moment_get_different_codes()
    {
        var forms = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => _flow.NewFormAsync("Tegelijk " + i)));

        var results = await Task.WhenAll(forms.Select(async form =>
            await (await app.ServiceAsAsync<CreateRoute>(SignIn.VoCoordinator)).ExecuteAsync(form, Ct)));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.ToString()));
        var codes = await Task.WhenAll(results.Select(async r => (await _flow.DetailsAsync(r.Value)).Code));
        Assert.Equal(codes.Length, codes.Distinct().Count());
    }
}
