using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils;

/// <summary>Setting the phase of a selection of pupils from one date (R-PUPIL-4): one save, or nothing at all.</summary>
public sealed class BulkPhaseChangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PUPIL_4_selected_pupils_get_a_new_registration_and_keep_their_history()
    {
        var (route, selection) = await ActiveCarePupilsAsync(3);
        var from = selection.Max(e => e.StartDate).AddDays(1);
        var before = selection.ToDictionary(e => e.Id, e => e.Phases.Count);
        var alreadyMbo = selection.Count(e => e.PhaseOn(from) == Phase.Mbo);

        var result = await (await app.ServiceAsAsync<BulkPhaseChange>(SignIn.VoCoordinator))
            .ExecuteAsync(route, selection.Select(e => e.Id).ToList(), Phase.Mbo, from, Ct);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new BulkPhaseOutcome(3 - alreadyMbo, alreadyMbo), result.Value);
        await using var db = await app.OpenDbContextAsync();
        foreach (var enrolment in selection)
        {
            var stored = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id, Ct);
            Assert.Equal(Phase.Mbo, stored.PhaseOn(from));
            Assert.Equal(before[enrolment.Id] + (enrolment.PhaseOn(from) == Phase.Mbo ? 0 : 1), stored.Phases.Count);
        }

        // The same change again registers nothing new.
        var again = await (await app.ServiceAsAsync<BulkPhaseChange>(SignIn.VoCoordinator))
            .ExecuteAsync(route, selection.Select(e => e.Id).ToList(), Phase.Mbo, from, Ct);
        Assert.Equal(new BulkPhaseOutcome(0, 3), again.Value);
    }

    [Fact]
    public async Task R_PUPIL_4_one_pupil_that_cannot_get_the_phase_stops_the_whole_selection_and_is_named()
    {
        var (route, selection) = await ActiveCarePupilsAsync(4);
        var latestStart = selection.MaxBy(e => e.StartDate)!;
        var from = latestStart.StartDate.AddDays(-1); // before that one pupil's start date
        Assert.Contains(selection, e => e.StartDate <= from); // and valid for the others
        var counts = await PhaseCountsAsync(selection);
        string name;
        await using (var db = await app.OpenDbContextAsync())
        {
            name = (await db.Pupils.SingleAsync(p => p.Id == latestStart.PupilId, Ct)).FullName;
        }

        var result = await (await app.ServiceAsAsync<BulkPhaseChange>(SignIn.VoCoordinator))
            .ExecuteAsync(route, selection.Select(e => e.Id).ToList(), Phase.Mbo, from, Ct);

        var error = Assert.Single(result.Errors, e => e.Code == DomainErrors.Enrolment.PhaseBeforeStart.Code);
        Assert.StartsWith(name + ": ", error.Message, StringComparison.Ordinal);
        Assert.Equal(counts, await PhaseCountsAsync(selection));
    }

    [Fact]
    public async Task R_ACCESS_1_viewers_outsiders_and_other_routes_pupils_change_nothing()
    {
        var (route, selection) = await ActiveCarePupilsAsync(2);
        var ids = selection.Select(e => e.Id).ToList();
        var from = selection.Max(e => e.StartDate).AddDays(1);
        var counts = await PhaseCountsAsync(selection);
        Guid otherRoutesEnrolment;
        await using (var db = await app.OpenDbContextAsync())
        {
            otherRoutesEnrolment = await db.Enrolments.Where(e => e.RouteId != route).Select(e => e.Id).FirstAsync(Ct);
        }

        var viewer = await (await app.ServiceAsAsync<BulkPhaseChange>(SignIn.VoViewer)).ExecuteAsync(route, ids, Phase.Mbo, from, Ct);
        var outsider = await (await app.ServiceAsAsync<BulkPhaseChange>(SignIn.UnrelatedCoordinator)).ExecuteAsync(route, ids, Phase.Mbo, from, Ct);
        var mixed = await (await app.ServiceAsAsync<BulkPhaseChange>(SignIn.VoCoordinator))
            .ExecuteAsync(route, [.. ids, otherRoutesEnrolment], Phase.Mbo, from, Ct);
        var nothing = await (await app.ServiceAsAsync<BulkPhaseChange>(SignIn.VoCoordinator)).ExecuteAsync(route, [], Phase.Mbo, from, Ct);

        Assert.Equal(DomainErrors.Access.ReadOnly, Assert.Single(viewer.Errors));
        Assert.Contains(outsider.Errors, e => e.Code == PupilErrors.SelectionChanged.Code);
        Assert.Contains(mixed.Errors, e => e.Code == PupilErrors.SelectionChanged.Code);
        Assert.Contains(nothing.Errors, e => e.Code == PupilErrors.NothingSelected.Code);
        Assert.Equal(counts, await PhaseCountsAsync(selection));
        Assert.Empty(await (await app.ServiceAsAsync<BulkPhaseSelectionQuery>(SignIn.VoViewer)).ExecuteAsync(route, Ct));
        Assert.Empty(await (await app.ServiceAsAsync<BulkPhaseSelectionQuery>(SignIn.UnrelatedCoordinator)).ExecuteAsync(route, Ct));
    }

    [Fact]
    public async Task Select_all_offers_exactly_the_routes_active_enrolments()
    {
        var (route, _) = await ActiveCarePupilsAsync(1);
        var today = DutchTime.Today(DateTime.UtcNow);
        List<Guid> expected;
        await using (var db = await app.OpenDbContextAsync())
        {
            expected = await db.Enrolments.Where(e => e.RouteId == route && (e.EndDate == null || e.EndDate >= today)).Select(e => e.Id).ToListAsync(Ct);
        }

        var selectable = await (await app.ServiceAsAsync<BulkPhaseSelectionQuery>(SignIn.VoCoordinator)).ExecuteAsync(route, Ct);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), selectable.Order());
    }

    private async Task<(Guid Route, List<Enrolment> Selection)> ActiveCarePupilsAsync(int count)
    {
        await using var db = await app.OpenDbContextAsync();
        var care = await db.Routes.SingleAsync(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo", Ct);
        var active = await db.Enrolments.AsNoTracking().Where(e => e.RouteId == care.Id && e.EndDate == null).ToListAsync(Ct);

        // Distinct start dates where possible, so "before the latest start" is valid for the others.
        var selection = active.GroupBy(e => e.StartDate).OrderBy(g => g.Key).Select(g => g.First()).Take(count).ToList();
        selection.AddRange(active.Except(selection).Take(count - selection.Count));
        Assert.Equal(count, selection.Count);
        return (care.Id, selection);
    }

    private async Task<Dictionary<Guid, int>> PhaseCountsAsync(IEnumerable<Enrolment> selection)
    {
        await using var db = await app.OpenDbContextAsync();
        var ids = selection.Select(e => e.Id).ToList();
        return await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Phases.Count, Ct);
    }
}
