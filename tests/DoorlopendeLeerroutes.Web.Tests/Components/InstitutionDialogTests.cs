using DoorlopendeLeerroutes.Application.Auditing;
using Bunit;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Web.Tests.Support;
using DoorlopendeLeerroutes.Application.Institutions;
using DoorlopendeLeerroutes.Web.Components.Pages.Administration;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>The institution form checks as the user types, with the Application layer's validator and Dutch messages.</summary>
public sealed class InstitutionDialogTests : ComponentTestContext
{
    private readonly RecordingAuditTrail _audit = new();

    public InstitutionDialogTests()
    {
        Services.AddScoped<IValidator<InstitutionForm>, InstitutionFormValidator>();
        Services.AddScoped<ICurrentUser>(_ => new Support.TestCurrentUser(null));
        Services.AddScoped<AccessScope>();
        Services.AddScoped<IApplicationDbContextFactory, UnusedDatabase>();
        Services.AddSingleton<IAuditTrail>(_audit);
        Services.AddScoped<InstitutionFormQuery>();
        Services.AddScoped<CreateInstitution>();
        Services.AddScoped<ChangeInstitution>();
    }

    [Fact]
    public async Task Invalid_brin_and_board_number_show_dutch_messages_and_nothing_is_saved()
    {
        var host = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<InstitutionDialog>("Nieuwe instelling"));

        host.Find("input[data-testid=institution-brin]").Input("5K");
        host.Find("input[data-testid=institution-board-number]").Input("12");
        await host.Find("[data-testid=institution-save]").ClickAsync(new());

        host.WaitForAssertion(() =>
        {
            Assert.Contains("Een BRIN-code bestaat uit 2 cijfers en 2 letters", host.Markup, StringComparison.Ordinal);
            Assert.Contains("Het nummer van het bevoegd gezag bestaat uit 5 cijfers.", host.Markup, StringComparison.Ordinal);
            Assert.Contains("Vul de naam van de instelling in", host.Markup, StringComparison.Ordinal);
        });
        Assert.Empty(_audit.Recorded);
        Assert.NotEmpty(host.FindAll(".mud-dialog"));
    }

    [Fact]
    public async Task R_MON_1_gemeente_and_provincie_are_asked_for_before_saving()
    {
        var host = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<InstitutionDialog>("Nieuwe instelling"));

        host.Find("input[data-testid=institution-brin]").Input("05KO");
        host.Find("input[data-testid=institution-name]").Input("De Horizon");
        host.Find("input[data-testid=institution-board-number]").Input("41000");
        host.Find("input[data-testid=institution-board-name]").Input("Stichting Horizon");
        await host.Find("[data-testid=institution-save]").ClickAsync(new());

        host.WaitForAssertion(() =>
        {
            Assert.Contains(Domain.Common.DomainErrors.Institution.MunicipalityRequired.Message, host.Markup, StringComparison.Ordinal);
            Assert.Contains(Domain.Common.DomainErrors.Institution.ProvinceInvalid.Message, host.Markup, StringComparison.Ordinal);
        });
        Assert.Empty(_audit.Recorded);
    }

    /// <summary>An invalid form must never reach the database; any use of it fails the test.</summary>
    private sealed class UnusedDatabase : IApplicationDbContextFactory
    {
        public Task<IApplicationDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The database was used although the form was invalid.");
    }
}
