using System.Text;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils.Import;

/// <summary>
/// The golden file: a prepared pupil CSV is imported in August 2025, phases change before and after the count date of
/// 1 October 2025, and the count export of 2025-2026 must equal a hand-written expected CSV byte for byte (docs/formats.md §1
/// in, §2 out). The expected file was written from the rules (R-COUNT-1…5), not copied from a run.
/// </summary>
public sealed class GoldenCountTests(GoldenCountTests.August2025App app) : IClassFixture<GoldenCountTests.August2025App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SchoolYear Year = SchoolYear.FromStartYear(2025);

    [Fact]
    public async Task R_COUNT_1_to_5_importing_the_golden_file_and_exporting_the_count_gives_exactly_the_expected_csv()
    {
        // A route of school year 2025-2026, registered in the summer before it.
        var workflow = new RouteWorkflow(app);
        var route = await workflow.CreateAsync("Teldatum golden", Year);
        await workflow.ReadyAndSubmitAsync(route, signedOn: new DateOnly(2025, 6, 30));
        RouteWorkflow.Ok(await workflow.RegisterAsync(route));
        var code = (await workflow.DetailsAsync(route)).Code;

        // 25 August 2025: the school imports its pupil file. Every row is new: both phases, a phase that starts only
        // after the count date (Cem), a mid-year start (Dewi), ISO dates and a phase written in capitals.
        var kit = new ImportKit(app);
        var (preview, _) = await kit.ImportAsync(route, ReadGolden("teldatum-leerlingen.csv"));
        Assert.All(preview.Lines, l => Assert.Equal(PupilImportStatus.New, l.Status));
        var enrolments = await EnrolmentsByLastNameAsync(kit, route);

        // 20 September: Gijs moves to the mbo-fase from that day; Ivo and Bram are set to mbo from 1 September at once
        // (bulk; Bram already is, so he is unchanged). Both are recorded before the count date, so they count.
        app.Clock.MoveTo(Moment(2025, 9, 20));
        var recordPhase = await app.ServiceAsAsync<RecordPhase>(SignIn.VoCoordinator);
        var endEnrolment = await app.ServiceAsAsync<EndEnrolment>(SignIn.VoCoordinator);
        RouteWorkflow.Ok(await recordPhase.ExecuteAsync(
            enrolments["Gerritsen"].Id, enrolments["Gerritsen"].Version, Phase.Mbo, new DateOnly(2025, 9, 20), Ct));
        var bulk = await app.ServiceAsAsync<BulkPhaseChange>(SignIn.VoCoordinator);
        var outcome = await bulk.ExecuteAsync(
            route, [enrolments["Ismail"].Id, enrolments["Bakker"].Id], Phase.Mbo, new DateOnly(2025, 9, 1), Ct);
        Assert.Equal(new BulkPhaseOutcome(1, 1), outcome.Value);

        // 20 October, after the count date: Eva's enrolment is ended on 30 September (she is not counted), and Finn
        // (by a second import) and Hana (by hand) get the mbo-fase from 15 September: recorded too late to change
        // this year's funding (R-COUNT-3), so both stay counted as vo with the "te laat" status.
        app.Clock.MoveTo(Moment(2025, 10, 20));
        enrolments = await EnrolmentsByLastNameAsync(kit, route);
        recordPhase = await app.ServiceAsAsync<RecordPhase>(SignIn.VoCoordinator);
        endEnrolment = await app.ServiceAsAsync<EndEnrolment>(SignIn.VoCoordinator);
        RouteWorkflow.Ok(await endEnrolment.ExecuteAsync(
            enrolments["Evers"].Id, enrolments["Evers"].Version, new DateOnly(2025, 9, 30), EnrolmentOutcome.Moved, null, Ct));
        RouteWorkflow.Ok(await recordPhase.ExecuteAsync(
            enrolments["Hendriks"].Id, enrolments["Hendriks"].Version, Phase.Mbo, new DateOnly(2025, 9, 15), Ct));
        var late = ImportKit.File(bom: true, ImportKit.Header, "103000052;Fransen;;Finn;11-12-2009;18-08-2025;mbo;15-09-2025");
        var (latePreview, _) = await kit.ImportAsync(route, late);
        Assert.Equal(PupilImportStatus.PhaseChange, Assert.Single(latePreview.Lines).Status);

        // February 2026: the count of 2025-2026 is final. The vo coordinator downloads it.
        app.Clock.MoveTo(Moment(2026, 2, 2));
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);
        var export = await client.GetByteArrayAsync($"/teldatum/{Year}/export.csv", Ct);

        var expected = Encoding.UTF8.GetString(ReadGolden("teldatum-2025-2026-verwacht.csv")).Replace("{routecode}", code, StringComparison.Ordinal);
        var actual = Encoding.UTF8.GetString(export);
        var ours = string.Concat(actual.Split("\r\n").Where((line, i) => i == 0 || line.Contains($";{code} ", StringComparison.Ordinal)).Select(l => l + "\r\n"));
        Assert.Equal(Normalised(expected), ours);
    }

    private static async Task<Dictionary<string, Enrolment>> EnrolmentsByLastNameAsync(ImportKit kit, Guid route)
    {
        var byNumber = (await kit.EnrolmentsAsync(route)).ToDictionary(e => e.Number, e => e.Enrolment);
        var lastNames = new Dictionary<string, string>
        {
            ["103000015"] = "Bakker", ["103000040"] = "Evers", ["103000052"] = "Fransen", ["103000064"] = "Gerritsen",
            ["103000076"] = "Hendriks", ["103000088"] = "Ismail",
        };
        return lastNames.ToDictionary(p => p.Value, p => byNumber[p.Key]);
    }

    /// <summary>The golden file as committed, with CR LF line ends whatever git did to them on checkout.</summary>
    private static string Normalised(string text) =>
        string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\r\n"));

    private static byte[] ReadGolden(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pupils", "Import", "Golden", name));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Normalised(text.TrimStart('\uFEFF')))];
    }

    /// <summary>Noon in the Netherlands on that day.</summary>
    private static DateTimeOffset Moment(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The app on a clock that starts on 25 August 2025 and is moved forward by the test.</summary>
    public sealed class August2025App : AppFactory
    {
        public MovableClock Clock { get; } = new(Moment(2025, 8, 25));

        /// <summary>The demo data is seeded on this clock's day, not on the template's.</summary>
        protected override bool StartsFromTemplate => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
