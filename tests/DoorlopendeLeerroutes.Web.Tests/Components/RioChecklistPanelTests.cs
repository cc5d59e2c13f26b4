using Bunit;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Web.Components.Routes;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>R-RIO-1 on the route page: the own checklist, the confirmation, and every partner's status.</summary>
public sealed class RioChecklistPanelTests(AppFactory app) : ComponentTestContext, IClassFixture<AppFactory>
{
    private Task<Guid> RegisteredRouteAsync() => new RouteWorkflow(app).RegisteredAsync("RIO paneel " + Guid.NewGuid().ToString("N")[..6]);

    private async Task SignInAsAsync(string email)
    {
        var user = await app.UserAsync(email);
        Services.AddScoped<ICurrentUser>(_ => new TestCurrentUser(user));
        Services.AddScoped<AccessScope>();
        Services.AddSingleton<IAuditTrail>(new RecordingAuditTrail());
        Services.AddScoped<ScopedWork>();
        Services.AddScoped<RouteWork>();
        Services.AddScoped<RioChecklistQuery>();
        Services.AddScoped<ConfirmRioRegistration>();
        var appServices = app.Services.CreateScope().ServiceProvider;
        Services.AddScoped(_ => appServices.GetRequiredService<IApplicationDbContextFactory>());
        Services.AddSingleton(appServices.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task R_RIO_1_mbo_coordinator_sees_crebo_and_niveau_confirms_and_the_status_shows_it()
    {
        var route = await RegisteredRouteAsync();
        await SignInAsAsync(SignIn.MboCoordinator);
        Render<MudPopoverProvider>();

        var cut = Render<RioChecklistPanel>(p => p.Add(x => x.RouteId, route));
        cut.WaitForElement("[data-testid=rio-confirm]");

        var checklist = cut.Find("[data-testid=rio-checklist]").TextContent;
        Assert.Contains("doorlopende leerroute vmbo-mbo", checklist, StringComparison.Ordinal);
        Assert.Contains("Crebo", checklist, StringComparison.Ordinal);
        Assert.Contains("Niveau", checklist, StringComparison.Ordinal);
        Assert.Contains("2 partners hebben", cut.Find("[data-testid=rio-open]").TextContent, StringComparison.Ordinal);

        await cut.Find("[data-testid=rio-confirm]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains(
            cut.FindAll("[data-testid=rio-partner-status]"), s => s.TextContent.Contains("Gemeld in RIO op", StringComparison.Ordinal)));
        Assert.Contains("1 partner heeft", cut.Find("[data-testid=rio-open]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_RIO_1_viewer_sees_the_checklist_but_no_confirm_button()
    {
        var route = await RegisteredRouteAsync();
        await SignInAsAsync(SignIn.VoViewer);
        Render<MudPopoverProvider>();

        var cut = Render<RioChecklistPanel>(p => p.Add(x => x.RouteId, route));
        cut.WaitForElement("[data-testid=rio-checklist]");

        Assert.Empty(cut.FindAll("[data-testid=rio-confirm]"));
        Assert.DoesNotContain("Crebo", cut.Find("[data-testid=rio-checklist]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-testid=rio-partner]").Count);
    }
}
