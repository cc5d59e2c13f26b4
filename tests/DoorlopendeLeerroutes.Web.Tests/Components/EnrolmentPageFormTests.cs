using Bunit;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Components.Pages.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>The phase and end forms of the pupil page validate with their Application validators, at the field.</summary>
public sealed class EnrolmentPageFormTests : ComponentTestContext, IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public EnrolmentPageFormTests(AppFactory app)
    {
        _app = app;
        var user = app.UserAsync(SignIn.VoCoordinator).GetAwaiter().GetResult();
        Services.AddScoped<ICurrentUser>(_ => new TestCurrentUser(user));
        Services.AddScoped<AccessScope>();
        Services.AddSingleton<IAuditTrail>(new RecordingAuditTrail());
        Services.AddScoped<ScopedWork>();
        Services.AddScoped<EnrolmentDetailsQuery>();
        Services.AddScoped<PupilAccessHistoryQuery>();
        Services.AddScoped<RecordPhase>();
        Services.AddScoped<EndEnrolment>();
        Services.AddScoped<ChangeTrack>(); // issue 16

        var appServices = app.Services.CreateScope().ServiceProvider;
        Services.AddScoped(_ => appServices.GetRequiredService<IApplicationDbContextFactory>());
        Services.AddSingleton(appServices.GetRequiredService<TimeProvider>());
        Services.AddSingleton(appServices.GetRequiredService<IOptions<PrivacyOptions>>());
        Services.AddScoped(_ => appServices.GetRequiredService<FluentValidation.IValidator<PhaseForm>>());
        Services.AddScoped(_ => appServices.GetRequiredService<FluentValidation.IValidator<EndEnrolmentForm>>());
        Services.AddScoped(_ => appServices.GetRequiredService<FluentValidation.IValidator<TrackForm>>());
    }

    [Fact]
    public async Task R_MON_3_the_page_shows_the_leerweg_or_onbekend_and_offers_its_coordinator_the_routes_leerwegen()
    {
        var id = await HorizonEnrolmentAsync();
        Track? track;
        await using (var db = await _app.OpenDbContextAsync())
        {
            track = (await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == id, Xunit.TestContext.Current.CancellationToken)).Track;
        }

        Render<MudPopoverProvider>();
        var cut = Render<EnrolmentPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid=change-track]");

        Assert.Equal(Web.Components.Shared.DutchLabels.TrackText(track), cut.Find("[data-testid=pupil-track]").TextContent.Trim());
        Assert.Contains("Leerweg wijzigen", cut.Find("[data-testid=change-track]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cleared_date_is_a_message_at_its_field_not_an_exception_and_nothing_is_saved()
    {
        var id = await HorizonEnrolmentAsync();
        var phasesBefore = await PhaseCountAsync(id);
        Render<MudPopoverProvider>();
        var cut = Render<EnrolmentPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid=record-phase]");

        cut.Find("[data-testid=record-phase-date] input, input[data-testid=record-phase-date]").Change(string.Empty);
        await cut.Find("[data-testid=record-phase-save]").ClickAsync(new());
        cut.Find("[data-testid=end-enrolment-date] input, input[data-testid=end-enrolment-date]").Change(string.Empty);
        await cut.Find("[data-testid=end-enrolment-save]").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            Assert.Contains(PhaseFormValidator.ValidFromRequired.Message, cut.Markup, StringComparison.Ordinal);
            Assert.Contains(EndEnrolmentFormValidator.EndDateRequired.Message, cut.Markup, StringComparison.Ordinal);
            Assert.Contains(Domain.Common.DomainErrors.Enrolment.OutcomeRequired.Message, cut.Markup, StringComparison.Ordinal);
        });
        Assert.Equal(phasesBefore, await PhaseCountAsync(id));
    }

    private async Task<Guid> HorizonEnrolmentAsync()
    {
        await using var db = await _app.OpenDbContextAsync();
        var horizon = (await db.Institutions.ToListAsync(Xunit.TestContext.Current.CancellationToken)).Single(i => i.Brin.Value == "05KO").Id;
        return await db.Enrolments.Where(e => e.VoInstitutionId == horizon && e.EndDate == null)
            .OrderBy(e => e.StartDate).ThenBy(e => e.Id).Select(e => e.Id).FirstAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private async Task<int> PhaseCountAsync(Guid id)
    {
        await using var db = await _app.OpenDbContextAsync();
        return (await db.Enrolments.SingleAsync(e => e.Id == id, Xunit.TestContext.Current.CancellationToken)).Phases.Count;
    }
}
