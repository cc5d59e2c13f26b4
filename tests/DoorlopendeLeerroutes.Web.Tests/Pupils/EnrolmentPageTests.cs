using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils;

/// <summary>The pupil page: phase history, a correction as a new registration, ending with an outcome, own pupils only.</summary>
public sealed class EnrolmentPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PUPIL_4_a_correction_is_added_to_the_history_and_the_latest_registration_counts()
    {
        var id = await HorizonEnrolmentAsync();
        var query = await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.MboCoordinator);
        var before = (await query.ExecuteAsync(id, Ct))!;
        var today = DutchTime.Today(DateTime.UtcNow);
        var other = before.PhaseToday == Phase.Vo ? Phase.Mbo : Phase.Vo;

        var result = await (await app.ServiceAsAsync<RecordPhase>(SignIn.MboCoordinator)).ExecuteAsync(id, before.Version, other, today, Ct);

        Assert.True(result.IsSuccess, result.ToString());
        var after = (await query.ExecuteAsync(id, Ct))!;
        Assert.Equal(before.Phases.Count + 1, after.Phases.Count);
        Assert.Equal(other, after.PhaseToday);
        Assert.True(after.Phases[0].InForceToday);
        Assert.Contains(after.Phases, p => p.RecordedBy.Contains("ROC Rivierenland", StringComparison.Ordinal));

        var stale = await (await app.ServiceAsAsync<RecordPhase>(SignIn.VoCoordinator)).ExecuteAsync(id, before.Version, other == Phase.Vo ? Phase.Mbo : Phase.Vo, today, Ct);
        Assert.Contains(stale.Errors, e => e.Code == CommonErrors.ConcurrencyConflict.Code);
    }

    [Fact]
    public async Task R_PUPIL_7_ending_needs_an_outcome_note_for_other_and_viewers_and_other_schools_cannot()
    {
        var id = await HorizonEnrolmentAsync(skip: 1);
        var details = (await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.VoCoordinator)).ExecuteAsync(id, Ct))!;
        var today = DutchTime.Today(DateTime.UtcNow);

        var viewer = await (await app.ServiceAsAsync<EndEnrolment>(SignIn.VoViewer)).ExecuteAsync(id, details.Version, today, EnrolmentOutcome.Moved, null, Ct);
        var outsider = await (await app.ServiceAsAsync<EndEnrolment>(SignIn.UnrelatedCoordinator)).ExecuteAsync(id, details.Version, today, EnrolmentOutcome.Moved, null, Ct);
        var noNote = await (await app.ServiceAsAsync<EndEnrolment>(SignIn.VoCoordinator)).ExecuteAsync(id, details.Version, today, EnrolmentOutcome.Other, " ", Ct);
        var ended = await (await app.ServiceAsAsync<EndEnrolment>(SignIn.VoCoordinator)).ExecuteAsync(id, details.Version, today, EnrolmentOutcome.TransferOption, null, Ct);

        Assert.Contains(viewer.Errors, e => e.Code == "access.read_only");
        Assert.Contains(outsider.Errors, e => e.Code == PupilErrors.EnrolmentNotFound.Code);
        Assert.Null(await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.UnrelatedCoordinator)).ExecuteAsync(id, Ct));
        Assert.Contains(noNote.Errors, e => e.Code == "enrolment.end.note_required");
        Assert.True(ended.IsSuccess, ended.ToString());
        var after = (await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.VoViewer)).ExecuteAsync(id, Ct))!;
        Assert.Equal(EnrolmentOutcome.TransferOption, after.Outcome);
        Assert.Equal(today, after.EndDate);
        Assert.False(after.CanChange); // a viewer never gets the forms
    }

    private async Task<Guid> HorizonEnrolmentAsync(int skip = 0)
    {
        await using var db = await app.OpenDbContextAsync();
        var horizon = (await db.Institutions.ToListAsync(Ct)).Single(i => i.Brin.Value == "05KO").Id;
        return await db.Enrolments.Where(e => e.VoInstitutionId == horizon && e.EndDate == null)
            .OrderBy(e => e.StartDate).ThenBy(e => e.Id).Skip(skip).Select(e => e.Id).FirstAsync(Ct);
    }
}

/// <summary>The route's pupil list: own pupils only, masked numbers, paged on the server.</summary>
public sealed class RoutePupilListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PUPIL_8_list_shows_masked_numbers_of_own_pupils_a_page_at_a_time()
    {
        Guid care;
        int active;
        await using (var db = await app.OpenDbContextAsync())
        {
            care = (await db.Routes.SingleAsync(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo", Ct)).Id;
            var today = DutchTime.Today(DateTime.UtcNow);
            active = await db.Enrolments.CountAsync(e => e.RouteId == care && (e.EndDate == null || e.EndDate >= today), Ct);
        }

        var query = await app.ServiceAsAsync<RoutePupilListQuery>(SignIn.MboViewer);
        var first = await query.ExecuteAsync(care, new Application.Common.PageRequest(0, 10), cancellationToken: Ct);
        var second = await query.ExecuteAsync(care, new Application.Common.PageRequest(1, 10), cancellationToken: Ct);
        var outsider = await (await app.ServiceAsAsync<RoutePupilListQuery>(SignIn.UnrelatedCoordinator))
            .ExecuteAsync(care, new Application.Common.PageRequest(0, 10), cancellationToken: Ct);

        Assert.Equal(active, first.TotalItems);
        Assert.Equal(10, first.Items.Count);
        Assert.Empty(first.Items.Select(i => i.EnrolmentId).Intersect(second.Items.Select(i => i.EnrolmentId)));
        Assert.All(first.Items, i => Assert.Matches(@"^\*{5}\d{4}$", i.MaskedNumber));
        Assert.Equal(0, outsider.TotalItems);
    }
}
