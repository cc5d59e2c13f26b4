using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils;

/// <summary>
/// R-PUPIL-8: with every logger at Debug (also EF Core's SQL and ASP.NET Core's request details), importing pupils,
/// changing phases, looking a pupil up and reading and exporting the count leave no pupil number in the log.
/// </summary>
public sealed class PupilLogPrivacyTests(PupilLogPrivacyTests.DebugLoggingApp app) : IClassFixture<PupilLogPrivacyTests.DebugLoggingApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PUPIL_8_import_phase_changes_lookup_and_count_at_debug_level_log_no_pupil_number()
    {
        var kit = new ImportKit(app);
        var route = await kit.NewRouteAsync("Logroute");
        string first = ImportKit.NewNumber(), second = ImportKit.NewNumber(), third = ImportKit.NewNumber();
        const string invalid = "123456780"; // fails the elfproef; a user's typo must not reach the log either

        // An import refused for one bad row, then the good file, then the same file with a phase change.
        var refused = await kit.PreviewAsync(route, ImportKit.File(ImportKit.Row(first), ImportKit.Row(invalid)));
        Assert.True(refused.HasErrors);
        await kit.ImportAsync(route, ImportKit.File(ImportKit.Row(first), ImportKit.Row(second, lastName: "Smit")));
        await kit.ImportAsync(route, ImportKit.File(ImportKit.Row(first), ImportKit.Row(second, lastName: "Smit", phase: "mbo", phaseFrom: ImportKit.Date(ImportKit.Start.AddDays(7)))));

        // One pupil enrolled by hand, one phase changed by hand, then everyone to mbo in bulk.
        var enrol = await app.ServiceAsAsync<EnrolPupil>(SignIn.VoCoordinator);
        var details = await new RouteWorkflow(app).DetailsAsync(route);
        RouteWorkflow.Ok(await enrol.ExecuteAsync(route, new EnrolForm
        {
            PupilNumber = third, LastName = "Visser", FirstName = "Noor", BirthDate = ImportKit.Start.AddYears(-15),
            StartDate = ImportKit.Start, VoInstitutionId = details.Partners.First(p => p.Brin == "05KO").InstitutionId,
            MboInstitutionId = details.Partners.First(p => p.Brin == "25PG").InstitutionId,
        }, Ct));
        var enrolments = await kit.EnrolmentsAsync(route);
        var recordPhase = await app.ServiceAsAsync<RecordPhase>(SignIn.VoCoordinator);
        var firstEnrolment = enrolments.Single(e => e.Number == first).Enrolment;
        RouteWorkflow.Ok(await recordPhase.ExecuteAsync(firstEnrolment.Id, firstEnrolment.Version, Phase.Mbo, ImportKit.Start.AddDays(3), Ct));
        var bulk = await app.ServiceAsAsync<BulkPhaseChange>(SignIn.VoCoordinator);
        Assert.True((await bulk.ExecuteAsync(route, enrolments.Select(e => e.Enrolment.Id).ToList(), Phase.Mbo, ImportKit.Start.AddDays(10), Ct)).IsSuccess);

        // Look-ups by number (found, not found, invalid) and the count in every form.
        var lookup = await app.ServiceAsAsync<FundingPhaseLookup>(SignIn.MboViewer);
        Assert.True((await lookup.ExecuteAsync(second, ImportKit.Start, Ct)).IsSuccess);
        Assert.True((await lookup.ExecuteAsync(ImportKit.NewNumber(), ImportKit.Start, Ct)).IsFailure);
        Assert.True((await lookup.ExecuteAsync(invalid, ImportKit.Start, Ct)).IsFailure);
        var year = SchoolYear.Containing(ImportKit.Start);
        await (await app.ServiceAsAsync<CountOverviewQuery>(SignIn.VoCoordinator)).ExecuteAsync(year, Ct);
        await (await app.ServiceAsAsync<CountPupilRowsQuery>(SignIn.VoCoordinator)).ExecuteAsync(year, new PageRequest(0, 50), CountRowFilter.All, Ct);
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);
        var export = await client.GetStringAsync($"/teldatum/{year}/export.csv", Ct);
        Assert.Contains(first, export, StringComparison.Ordinal); // the export itself does hold the number

        var log = await app.ReadLogAsync();
        Assert.Contains("[DBG]", log, StringComparison.Ordinal); // Debug really was on…
        Assert.Contains("Executed DbCommand", log, StringComparison.Ordinal); // …also for the SQL EF Core sends
        Assert.Contains("Pupil import preview for route", log, StringComparison.Ordinal);
        foreach (var number in new[] { first, second, third, invalid })
        {
            Assert.DoesNotContain(number, log, StringComparison.Ordinal);
            Assert.DoesNotContain(number[1..], log, StringComparison.Ordinal); // nor its 8 digits without the leading one
        }

        Assert.DoesNotMatch(PersonalData.NineDigits(), log);
    }



    /// <summary>The app with every log source at Debug, as someone chasing a problem in production might set it.</summary>
    public sealed class DebugLoggingApp : AppFactory
    {
        /// <summary>The seeding of the demo pupils is logged at Debug too, and must leave no number in this app's log.</summary>
        protected override bool StartsFromTemplate => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:MinimumLevel:Default"] = "Debug",
                ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
                ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Debug",
            }));
        }
    }
}
