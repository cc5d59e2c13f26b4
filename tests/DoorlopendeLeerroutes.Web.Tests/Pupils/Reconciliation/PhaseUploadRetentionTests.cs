using DoorlopendeLeerroutes.Application.Pupils.Reconciliation;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils.Reconciliation;

/// <summary>
/// R-RECON-1, "uploaded files are not kept longer than the comparison needs": a kept phase file stops counting when it
/// expires and the retention job then removes it. Own app, because the test moves its clock a month on.
/// </summary>
public sealed class PhaseUploadRetentionTests(ClockAppFactory app) : IClassFixture<ClockAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_RECON_1_a_kept_phase_file_expires_and_the_retention_job_removes_it()
    {
        var today = DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime);
        var date = DemoData.CountedYear(today).CountDate; // passed: kept for at least a day after the upload
        Guid route;
        await using (var db = await app.OpenDbContextAsync())
        {
            route = await db.Routes.Where(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo").Select(r => r.Id).SingleAsync(Ct);
        }

        var reconcile = await app.ServiceAsAsync<ReconcilePhases>(SignIn.VoCoordinator);
        var uploaded = await reconcile.UploadAsync(route, date, new MemoryStream(DemoPhaseFile.For(today)), Ct);
        Assert.Empty(uploaded.Errors);
        var expiresAt = Assert.NotNull(uploaded.OwnFileExpiresAt);
        Assert.Equal(PhaseUpload.ExpiryFor(date, app.Clock.GetUtcNow().UtcDateTime), expiresAt);
        Assert.True(expiresAt <= app.Clock.GetUtcNow().UtcDateTime + PhaseUpload.MaxLifetime);

        // Just before it expires the file still counts and the job leaves it alone.
        app.Clock.MoveTo(new DateTimeOffset(expiresAt.AddMinutes(-1), TimeSpan.Zero));
        Assert.True((await reconcile.CompareAsync(route, date, Ct)).HasOwnFile);
        Assert.Equal(0, (await app.Services.GetRequiredService<RetentionJob>().RunOnceAsync(Ct)).PhaseUploads);

        // Once expired the comparison no longer sees it, and the job removes its rows from the database.
        app.Clock.MoveTo(new DateTimeOffset(expiresAt.AddMinutes(1), TimeSpan.Zero));
        Assert.False((await reconcile.CompareAsync(route, date, Ct)).HasOwnFile);
        Assert.Equal(1, (await app.Services.GetRequiredService<RetentionJob>().RunOnceAsync(Ct)).PhaseUploads);
        await using var check = await app.OpenDbContextAsync();
        Assert.False(await check.PhaseUploads.AnyAsync(u => u.RouteId == route, Ct));
    }
}
