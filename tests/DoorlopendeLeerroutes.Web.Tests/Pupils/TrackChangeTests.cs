using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils;

/// <summary>R-MON-3 on the pupil page: the leerweg is shown ("onbekend" when empty) and changed by the pupil's own coordinators only.</summary>
public sealed class TrackChangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_MON_3_a_coordinator_of_the_pupils_school_sets_and_clears_the_leerweg_and_it_is_recorded()
    {
        var id = await HorizonEnrolmentAsync();
        var query = await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.VoCoordinator);
        var before = (await query.ExecuteAsync(id, Ct))!;
        var choice = before.RouteTracks.First(t => t != before.Track);

        var set = await (await app.ServiceAsAsync<ChangeTrack>(SignIn.VoCoordinator)).ExecuteAsync(id, before.Version, choice, Ct);
        var afterSet = (await query.ExecuteAsync(id, Ct))!;
        var cleared = await (await app.ServiceAsAsync<ChangeTrack>(SignIn.MboCoordinator)).ExecuteAsync(id, afterSet.Version, null, Ct);
        var afterClear = (await query.ExecuteAsync(id, Ct))!;
        var stale = await (await app.ServiceAsAsync<ChangeTrack>(SignIn.VoCoordinator)).ExecuteAsync(id, before.Version, choice, Ct);

        Assert.True(set.IsSuccess, set.ToString());
        Assert.Equal(choice, afterSet.Track);
        Assert.True(cleared.IsSuccess, cleared.ToString());
        Assert.Null(afterClear.Track); // shown as "onbekend"
        Assert.Contains(stale.Errors, e => e.Code == CommonErrors.ConcurrencyConflict.Code);
        await using var db = await app.OpenDbContextAsync();
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Kind == AuditKind.TrackChanged && a.ObjectId == id, Ct)); // R-PRIV-2
    }

    [Fact]
    public async Task R_MON_3_a_leerweg_the_route_does_not_have_is_refused_with_its_message()
    {
        var id = await HorizonEnrolmentAsync(skip: 1);
        var details = (await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.VoCoordinator)).ExecuteAsync(id, Ct))!;
        var missing = Enum.GetValues<Track>().First(t => !details.RouteTracks.Contains(t));

        var result = await (await app.ServiceAsAsync<ChangeTrack>(SignIn.VoCoordinator)).ExecuteAsync(id, details.Version, missing, Ct);
        var form = new TrackFormValidator().Validate(new TrackForm { Track = missing, RouteTracks = details.RouteTracks });

        Assert.Equal("enrolment.track.not_in_route", Assert.Single(result.Errors).Code);
        Assert.Equal(DomainErrors.Enrolment.TrackNotInRoute(details.RouteTracks).Message, Assert.Single(form.Errors).ErrorMessage);
        Assert.True(new TrackFormValidator().Validate(new TrackForm { Track = null, RouteTracks = details.RouteTracks }).IsValid);
    }

    [Fact]
    public async Task R_ACCESS_1_R_MON_3_a_viewer_cannot_change_the_leerweg_and_another_institution_does_not_find_the_pupil()
    {
        var id = await HorizonEnrolmentAsync(skip: 2);
        var details = (await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.VoViewer)).ExecuteAsync(id, Ct))!;
        var choice = details.RouteTracks[0] == details.Track && details.RouteTracks.Count > 1 ? details.RouteTracks[1] : details.RouteTracks[0];

        var viewer = await (await app.ServiceAsAsync<ChangeTrack>(SignIn.VoViewer)).ExecuteAsync(id, details.Version, choice == details.Track ? null : choice, Ct);
        var outsider = await (await app.ServiceAsAsync<ChangeTrack>(SignIn.UnrelatedCoordinator)).ExecuteAsync(id, details.Version, choice == details.Track ? null : choice, Ct);

        Assert.False(details.CanChange);
        Assert.Contains(viewer.Errors, e => e.Code == "access.read_only");
        Assert.Contains(outsider.Errors, e => e.Code == PupilErrors.EnrolmentNotFound.Code);
        await using var db = await app.OpenDbContextAsync();
        Assert.Equal(details.Track, (await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == id, Ct)).Track);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Kind == AuditKind.AccessRefused && a.ObjectId == id, Ct)); // both refusals are recorded
    }

    private async Task<Guid> HorizonEnrolmentAsync(int skip = 0)
    {
        await using var db = await app.OpenDbContextAsync();
        var horizon = (await db.Institutions.ToListAsync(Ct)).Single(i => i.Brin.Value == "05KO").Id;
        // A route with more than one leerweg, so there is always another one to choose.
        var routes = (await db.Routes.AsNoTracking().ToListAsync(Ct)).Where(r => r.Definition.Tracks.Count > 1).Select(r => r.Id).ToList();
        return await db.Enrolments.Where(e => e.VoInstitutionId == horizon && e.EndDate == null && routes.Contains(e.RouteId))
            .OrderByDescending(e => e.StartDate).ThenBy(e => e.Id).Skip(skip).Select(e => e.Id).FirstAsync(Ct);
    }
}
