using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils.Import;

/// <summary>
/// R-MON-3, FORMATS.md §1: the optional <c>Leerweg</c> column. One of the route's leerwegen, case-insensitive; empty is
/// "onbekend"; another leerweg for a pupil already enrolled changes it ("leerwegwijziging", not "ongewijzigd").
/// </summary>
public sealed class PupilImportTrackTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Header = ImportKit.Header + ";Leerweg";

    private readonly ImportKit _kit = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] File(params string[] lines) => ImportKit.File(bom: true, Header, lines);

    /// <summary>A registered route from the KB and GL leerwegen.</summary>
    private async Task<Guid> KbGlRouteAsync()
    {
        var workflow = new RouteWorkflow(app);
        var form = await workflow.NewFormAsync($"Leerwegroute {Guid.NewGuid().ToString("N")[..8]}");
        form.Tracks = [Track.KB, Track.GL];
        var created = await (await app.ServiceAsAsync<CreateRoute>(SignIn.VoCoordinator)).ExecuteAsync(form, Ct);
        Assert.True(created.IsSuccess, created.ToString());
        await workflow.ReadyAndSubmitAsync(created.Value);
        RouteWorkflow.Ok(await workflow.RegisterAsync(created.Value));
        return created.Value;
    }

    [Fact]
    public async Task R_MON_3_the_leerweg_is_stored_case_insensitively_and_an_empty_one_is_unknown()
    {
        var route = await KbGlRouteAsync();
        string gl = ImportKit.NewNumber(), kb = ImportKit.NewNumber(), none = ImportKit.NewNumber();

        var (preview, _) = await _kit.ImportAsync(route, File(
            ImportKit.Row(gl) + ";GL", ImportKit.Row(kb) + "; kb ", ImportKit.Row(none) + ";"));

        Assert.Equal([Track.GL, Track.KB, (Track?)null], preview.Lines.Select(l => l.Track));
        var stored = (await _kit.EnrolmentsAsync(route)).ToDictionary(e => e.Number, e => e.Enrolment.Track);
        Assert.Equal((Track.GL, Track.KB, (Track?)null), (stored[gl], stored[kb], stored[none]));
    }

    [Fact]
    public async Task R_MON_3_a_leerweg_that_is_not_the_routes_or_no_leerweg_at_all_is_an_error_at_its_line_and_column()
    {
        var route = await KbGlRouteAsync();
        var before = await _kit.StoredAsync();

        var preview = await _kit.PreviewAsync(route, File(
            ImportKit.Row(ImportKit.NewNumber()) + ";KB",
            ImportKit.Row(ImportKit.NewNumber()) + ";BB",
            ImportKit.Row(ImportKit.NewNumber()) + ";vmbo-t"));
        var outcome = await _kit.ConfirmAsync(preview);

        Assert.Equal(
            [
                "regel 3, kolom Leerweg: " + DomainErrors.Enrolment.TrackNotInRoute([Track.KB, Track.GL]).Message,
                "regel 4, kolom Leerweg: " + PupilImportErrors.TrackInvalid("vmbo-t").Message,
            ],
            preview.Errors.Select(e => e.Text));
        Assert.False(outcome.IsSuccess);
        Assert.Equal(before, await _kit.StoredAsync()); // all or nothing
    }

    [Fact]
    public async Task R_MON_3_another_leerweg_for_an_enrolled_pupil_changes_it_and_is_not_unchanged()
    {
        var route = await KbGlRouteAsync();
        string number = ImportKit.NewNumber(), other = ImportKit.NewNumber();
        await _kit.ImportAsync(route, File(ImportKit.Row(number) + ";KB", ImportKit.Row(other) + ";KB"));

        var (preview, outcome) = await _kit.ImportAsync(route, File(ImportKit.Row(number) + ";GL", ImportKit.Row(other) + ";"));
        var again = await _kit.PreviewAsync(route, File(ImportKit.Row(number) + ";gl", ImportKit.Row(other) + ";KB"));

        // An empty cell keeps the stored leerweg: the column is optional, so a file without it changes nothing.
        Assert.Equal([PupilImportStatus.TrackChange, PupilImportStatus.Unchanged], preview.Lines.Select(l => l.Status));
        Assert.Equal(new PupilImportTotals(0, 0, 1, 1), outcome.Totals);
        Assert.Equal("0 leerlingen ingeschreven, 0 fasewijzigingen, 1 leerwegwijziging, 1 ongewijzigd", outcome.Totals.Summary());
        Assert.All(again.Lines, l => Assert.Equal(PupilImportStatus.Unchanged, l.Status));
        var stored = (await _kit.EnrolmentsAsync(route)).ToDictionary(e => e.Number, e => e.Enrolment);
        Assert.Equal((Track.GL, (Track?)Track.KB), (stored[number].Track, stored[other].Track));
        Assert.Single(stored[number].Phases); // a leerweg change is no phase registration

        await using var db = await app.OpenDbContextAsync();
        Assert.True(await db.AuditLog.AnyAsync(
            a => a.Kind == AuditKind.TrackChanged && a.ObjectId == stored[number].Id && a.Detail == "importeren", Ct)); // R-PRIV-2
    }

    [Fact]
    public async Task R_MON_3_a_phase_and_a_leerweg_change_in_one_row_are_both_stored()
    {
        var route = await KbGlRouteAsync();
        var number = ImportKit.NewNumber();
        await _kit.ImportAsync(route, File(ImportKit.Row(number) + ";KB"));

        var mboFrom = ImportKit.Date(ImportKit.Start.AddMonths(3));
        var (preview, _) = await _kit.ImportAsync(route, File(ImportKit.Row(number, phase: "mbo", phaseFrom: mboFrom) + ";GL"));

        Assert.Equal(PupilImportStatus.PhaseChange, Assert.Single(preview.Lines).Status);
        var enrolment = (await _kit.EnrolmentsAsync(route)).Single(e => e.Number == number).Enrolment;
        Assert.Equal((Track.GL, 2), (enrolment.Track!.Value, enrolment.Phases.Count));
    }
}
