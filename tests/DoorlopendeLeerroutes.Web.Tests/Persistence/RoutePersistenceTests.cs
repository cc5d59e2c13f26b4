using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Persistence;

/// <summary>The route aggregate survives a round trip through the real migrations, and its guards hold in the database.</summary>
public sealed class RoutePersistenceTests(ClockAppFactory app) : IClassFixture<ClockAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Route_round_trip_keeps_definition_partners_agreement_and_history()
    {
        var (vo, mbo) = await NewPartnersAsync("61AA", "61AB");
        var coordinator = Actor.Coordinator(Guid.NewGuid(), vo.Id);
        var definition = RouteDefinition.Create(
            "Bouw en infra", RouteType.Continuous, VmboProfile.BouwenWonenInterieur, [Track.KB, Track.BB], "25140", null,
            MboLevel.Level3, 4, SchoolYear.FromStartYear(2026), TeachingLocation.MboInstitution, includesWorkBasedTrack: true).Value;
        var route = Route.Create("LR-TEST-0001", definition, [new(vo, "61AA01"), new(mbo)], coordinator, Now).Value;
        var file = StoredFile.Create("k/1.pdf", "overeenkomst.pdf", 1234, new string('a', 64), 8).Value;
        Ok(route.AddAgreement(AgreementKind.CooperationAgreement, new DateOnly(2026, 1, 10), file,
            new Dictionary<AgreementItem, int> { [AgreementItem.TransferOption] = 2, [AgreementItem.JoiningAndChanges] = 3, [AgreementItem.ProgrammeAndResponsibilities] = 4 },
            false, false, coordinator, Now));
        Ok(route.ConfirmParticipation(vo.Id, coordinator, Now));
        await SaveAsync(db => db.Routes.Add(route));

        await using var read = await app.OpenDbContextAsync();
        var loaded = await read.Routes.Include(r => r.Agreements).Include(r => r.History).SingleAsync(r => r.Id == route.Id, Ct);

        Assert.Equal(definition, loaded.Definition);
        Assert.Equal([Track.BB, Track.KB], loaded.Definition.Tracks);
        Assert.Equal("25140", loaded.Definition.Crebo?.Value);
        Assert.True(loaded.Definition.IncludesWorkBasedTrack);
        Assert.Equal(2, loaded.Partners.Count);
        Assert.Equal("61AA01", loaded.Partners.Single(p => p.InstitutionId == vo.Id).Site?.Value);
        Assert.True(loaded.Partners.Single(p => p.InstitutionId == vo.Id).HasConfirmed);
        Assert.False(loaded.Partners.Single(p => p.InstitutionId == mbo.Id).HasConfirmed);
        var agreement = Assert.Single(loaded.Agreements);
        Assert.Equal(new string('a', 64), agreement.File.Sha256);
        Assert.Equal(3, agreement.Items.Count);
        Assert.Equal(new[] { vo.Id, mbo.Id }.Order(), agreement.Parties.Select(p => p.InstitutionId).Order());
        Assert.Equal([RouteEvent.Created, RouteEvent.AgreementAdded, RouteEvent.ParticipationConfirmed],
            loaded.History.OrderBy(h => h.At).ThenBy(h => h.Event).Select(h => h.Event));
        Assert.All(loaded.History, h => Assert.Equal(DateTimeKind.Utc, h.At.Kind));
        Assert.NotEqual(Guid.Empty, loaded.Version);
    }

    [Fact]
    public async Task R_INST_3_second_institution_with_the_same_brin_is_refused_by_the_database()
    {
        await NewPartnersAsync("62AA", "62AB");
        var duplicate = Institution.Create("62aa", "Andere school", Sector.Vo, "70000", "Ander bestuur").Value;

        await using var db = await app.OpenDbContextAsync();
        db.Institutions.Add(duplicate);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Saving_a_stale_copy_is_refused_and_the_first_save_is_kept()
    {
        var (vo, _) = await NewPartnersAsync("63AA", "63AB");

        await using var first = await app.OpenDbContextAsync();
        await using var second = await app.OpenDbContextAsync();
        var a = await first.Institutions.SingleAsync(i => i.Id == vo.Id, Ct);
        var b = await second.Institutions.SingleAsync(i => i.Id == vo.Id, Ct);
        Ok(a.Update("63AA", "Naam van eerste", Sector.Vo, "41000", "Bestuur"));
        Ok(b.Update("63AA", "Naam van tweede", Sector.Vo, "41000", "Bestuur"));

        await first.SaveChangesAsync(Ct);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        await using var check = await app.OpenDbContextAsync();
        Assert.Equal("Naam van eerste", (await check.Institutions.SingleAsync(i => i.Id == vo.Id, Ct)).Name);
    }

    [Fact]
    public async Task A_change_to_a_child_renews_the_aggregates_version_so_concurrent_edits_collide()
    {
        var (vo, mbo) = await NewPartnersAsync("64AA", "64AB");
        var voCoordinator = Actor.Coordinator(Guid.NewGuid(), vo.Id);
        var mboCoordinator = Actor.Coordinator(Guid.NewGuid(), mbo.Id);
        var route = Route.Create("LR-TEST-0004", Definition(), [new(vo), new(mbo)], voCoordinator, Now).Value;
        await SaveAsync(db => db.Routes.Add(route));

        await using var first = await app.OpenDbContextAsync();
        await using var second = await app.OpenDbContextAsync();
        var confirming = await first.Routes.SingleAsync(r => r.Id == route.Id, Ct);
        var editing = await second.Routes.SingleAsync(r => r.Id == route.Id, Ct);
        var versionBefore = confirming.Version;

        // Only a partner row changes here; the route row must still get a new version.
        Ok(confirming.ConfirmParticipation(mbo.Id, mboCoordinator, Now));
        await first.SaveChangesAsync(Ct);
        Assert.NotEqual(versionBefore, confirming.Version);

        Ok(editing.Edit(Definition("Andere naam"), [new(vo), new(mbo)], voCoordinator, Now));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Audit_columns_are_set_on_insert_and_renewed_on_update()
    {
        var (vo, _) = await NewPartnersAsync("65AA", "65AB");
        DateTime createdAt, firstModifiedAt;
        Guid firstVersion;
        await using (var db = await app.OpenDbContextAsync())
        {
            var entry = db.Entry(await db.Institutions.SingleAsync(i => i.Id == vo.Id, Ct));
            createdAt = (DateTime)entry.Property("CreatedAt").CurrentValue!;
            firstModifiedAt = (DateTime)entry.Property("ModifiedAt").CurrentValue!;
            firstVersion = entry.Entity.Version;
            Assert.True(createdAt > DateTime.UtcNow.AddMinutes(-5) && createdAt <= DateTime.UtcNow.AddSeconds(1));
            Assert.Equal(createdAt, firstModifiedAt);

            app.Clock.Advance(TimeSpan.FromSeconds(1)); // app time, which the audit interceptor reads
            Ok(entry.Entity.Update("65AA", "Nieuwe naam", Sector.Vo, "41000", "Bestuur vo"));
            await db.SaveChangesAsync(Ct);
        }

        await using var check = await app.OpenDbContextAsync();
        var updated = check.Entry(await check.Institutions.SingleAsync(i => i.Id == vo.Id, Ct));
        Assert.Equal(createdAt, updated.Property("CreatedAt").CurrentValue);
        Assert.True((DateTime)updated.Property("ModifiedAt").CurrentValue! > firstModifiedAt);
        Assert.NotEqual(firstVersion, updated.Entity.Version);
    }

    [Fact]
    public async Task R_AGR_3_a_new_agreement_version_on_a_stored_route_is_added_and_the_route_can_be_submitted()
    {
        var (vo, mbo) = await NewPartnersAsync("66AA", "66AB");
        var voCoordinator = Actor.Coordinator(Guid.NewGuid(), vo.Id);
        var mboCoordinator = Actor.Coordinator(Guid.NewGuid(), mbo.Id);
        var route = Route.Create("LR-TEST-0006", Definition(), [new(vo), new(mbo)], voCoordinator, Now).Value;
        Ok(AddAgreement(route, voCoordinator));
        await SaveAsync(db => db.Routes.Add(route));

        // A later request: load the route as a use case would, add a second version, confirm and submit.
        await using (var db = await app.OpenDbContextAsync())
        {
            var stored = await db.Routes.SingleAsync(r => r.Id == route.Id, Ct);
            Ok(AddAgreement(stored, mboCoordinator));
            Ok(stored.ConfirmParticipation(vo.Id, voCoordinator, Now));
            Ok(stored.ConfirmParticipation(mbo.Id, mboCoordinator, Now));
            Ok(stored.Submit(mboCoordinator, Now));
            await db.SaveChangesAsync(Ct);
        }

        await using var check = await app.OpenDbContextAsync();
        var reloaded = await check.Routes.SingleAsync(r => r.Id == route.Id, Ct);
        Assert.Equal([1, 2], reloaded.Agreements.Select(a => a.Number).Order());
        Assert.Equal(2, reloaded.CurrentAgreement!.Number);
        Assert.Equal(2, reloaded.CurrentAgreement.Parties.Count);
        Assert.Equal(RouteStatus.Submitted, reloaded.Status);
    }

    [Fact]
    public async Task R_ROUTE_10_a_new_version_of_a_stored_route_is_saved_registered_and_replaces_the_old_one()
    {
        var (vo, mbo) = await NewPartnersAsync("67AA", "67AB");
        var voCoordinator = Actor.Coordinator(Guid.NewGuid(), vo.Id);
        var mboCoordinator = Actor.Coordinator(Guid.NewGuid(), mbo.Id);
        var admin = Actor.Administrator(Guid.NewGuid());
        var route = Route.Create("LR-TEST-0007", Definition(), [new(vo), new(mbo)], voCoordinator, Now).Value;
        Ok(AddAgreement(route, voCoordinator));
        Ok(route.ConfirmParticipation(vo.Id, voCoordinator, Now));
        Ok(route.ConfirmParticipation(mbo.Id, mboCoordinator, Now));
        Ok(route.Submit(voCoordinator, Now));
        Ok(route.Register(admin, Now));
        await SaveAsync(db => db.Routes.Add(route));

        Guid nextId;
        await using (var db = await app.OpenDbContextAsync())
        {
            var registered = await db.Routes.SingleAsync(r => r.Id == route.Id, Ct);
            var next = registered.StartNewVersion(voCoordinator, Now).Value;
            nextId = next.Id;
            db.Routes.Add(next);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = await app.OpenDbContextAsync())
        {
            var next = await db.Routes.SingleAsync(r => r.Id == nextId, Ct);
            var previous = await db.Routes.SingleAsync(r => r.Id == route.Id, Ct);
            Assert.Equal(next.Id, previous.PendingVersionId);
            Assert.NotNull(next.CurrentAgreement);
            Ok(next.Edit(Definition("Zorg, tweede versie"), [new(vo), new(mbo)], voCoordinator, Now));
            Ok(next.ConfirmParticipation(vo.Id, voCoordinator, Now));
            Ok(next.ConfirmParticipation(mbo.Id, mboCoordinator, Now));
            Ok(next.Submit(voCoordinator, Now));
            Ok(next.Register(admin, Now, previous));
            await db.SaveChangesAsync(Ct);
        }

        await using var check = await app.OpenDbContextAsync();
        var versions = await check.Routes.Where(r => r.Code == "LR-TEST-0007").OrderBy(r => r.VersionNumber).ToListAsync(Ct);
        Assert.Equal([RouteStatus.Superseded, RouteStatus.Registered], versions.Select(v => v.Status));
        Assert.Equal("Zorg, tweede versie", versions[1].Definition.Name);
        Assert.Null(versions[0].PendingVersionId);
        Assert.Equal(versions[0].CurrentAgreement!.File.Sha256, versions[1].CurrentAgreement!.File.Sha256);
    }

    private static Result AddAgreement(Route route, Actor by) => route.AddAgreement(
        AgreementKind.CooperationAgreement, new DateOnly(2026, 1, 10),
        StoredFile.Create("k/" + Guid.NewGuid().ToString("N") + ".pdf", "overeenkomst.pdf", 1234, new string('b', 64), 8).Value,
        new Dictionary<AgreementItem, int>
        {
            [AgreementItem.TransferOption] = 2, [AgreementItem.JoiningAndChanges] = 3, [AgreementItem.ProgrammeAndResponsibilities] = 4,
        },
        false, false, by, Now);

    private static DateTime Now => DateTime.UtcNow;

    private static RouteDefinition Definition(string name = "Zorg") => RouteDefinition.Create(
        name, RouteType.Continuous, VmboProfile.ZorgWelzijn, [Track.KB], "25491", null, MboLevel.Level3, 3,
        SchoolYear.FromStartYear(2026), TeachingLocation.Both).Value;

    private async Task<(Institution Vo, Institution Mbo)> NewPartnersAsync(string voBrin, string mboBrin)
    {
        var vo = Institution.Create(voBrin, "Testschool " + voBrin, Sector.Vo, "41000", "Bestuur vo").Value;
        var mbo = Institution.Create(mboBrin, "Testcollege " + mboBrin, Sector.Mbo, "42000", "Bestuur mbo").Value;
        await SaveAsync(db => db.Institutions.AddRange(vo, mbo));
        return (vo, mbo);
    }

    private async Task SaveAsync(Action<AppDbContext> change)
    {
        await using var db = await app.OpenDbContextAsync();
        change(db);
        await db.SaveChangesAsync(Ct);
    }

    private static void Ok(Result result) => Assert.True(result.IsSuccess, result.ToString());
}
