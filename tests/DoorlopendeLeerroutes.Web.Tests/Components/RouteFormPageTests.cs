using Bunit;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Web.Components.Pages.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>The new-route form shows the domain's Dutch messages at the field while the coordinator types (R-ROUTE-1, R-ROUTE-6).</summary>
public sealed class RouteFormPageTests : ComponentTestContext, IClassFixture<AppFactory>
{
    public RouteFormPageTests(AppFactory app)
    {
        var user = app.UserAsync(SignIn.VoCoordinator).GetAwaiter().GetResult();
        Services.AddScoped<ICurrentUser>(_ => new TestCurrentUser(user));
        Services.AddScoped<AccessScope>();
        Services.AddSingleton<IAuditTrail>(new Support.RecordingAuditTrail());
        Services.AddScoped<Application.Institutions.InstitutionDirectory>();
        Services.AddScoped<Application.Routes.RouteDetailsQuery>();
        Services.AddScoped<Application.Common.ScopedWork>();
        Services.AddScoped<Application.Routes.RouteWork>();
        Services.AddScoped<Application.Routes.CreateRoute>();
        Services.AddScoped<Application.Routes.EditRoute>();

        // The database, clock and validator come from the real app (real migrations and demo data).
        var appServices = app.Services.CreateScope().ServiceProvider;
        Services.AddScoped(_ => appServices.GetRequiredService<IApplicationDbContextFactory>());
        Services.AddSingleton(appServices.GetRequiredService<TimeProvider>());
        Services.AddScoped(_ => appServices.GetRequiredService<FluentValidation.IValidator<Application.Routes.RouteForm>>());
    }

    [Fact]
    public async Task Typing_invalid_values_shows_each_rules_message_at_its_field()
    {
        Render<MudPopoverProvider>();
        var cut = Render<RouteFormPage>();
        cut.WaitForElement("[data-testid=route-form]");

        cut.Find("input[data-testid=route-form-crebo]").Input("2514");
        cut.WaitForAssertion(() => Assert.Contains("Een crebo-code bestaat uit precies 5 cijfers.", cut.Markup, StringComparison.Ordinal));

        cut.Find("input[data-testid=route-form-name]").Input(string.Empty);
        await cut.Find("[data-testid=route-form-save]").ClickAsync(new());
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Geef de leerroute een naam", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("Een leerroute heeft minstens één mbo-instelling als partner.", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("Kies minstens één leerweg", cut.Markup, StringComparison.Ordinal);
        });
        Assert.Contains("Vakcollege De Horizon (05KO)", cut.Markup, StringComparison.Ordinal); // own institution pre-filled
    }
}
