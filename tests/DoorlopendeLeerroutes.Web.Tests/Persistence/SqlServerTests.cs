using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Persistence;

/// <summary>
/// The app on a real SQL Server 2022 (issue 17): the server of <c>DLR_TEST_SQLSERVER</c>, or one Testcontainers starts
/// where a Docker engine runs. Where neither exists these tests are reported as skipped, with the reason. A few tests
/// that only a real server can answer: the migrations apply, the provider's refusals map to the rules' messages, and a
/// pupil import makes the round trip (encrypted numbers, dates, enums as text).
/// </summary>
public sealed class SqlServerTests(SqlServerTests.Server server) : IClassFixture<SqlServerTests.Server>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SqlServer_every_migration_applies_and_the_demo_data_loads()
    {
        var app = server.App();
        await using var db = await app.OpenDbContextAsync();

        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.True(await db.Institutions.AnyAsync(Ct));
        Assert.True(await db.Routes.AnyAsync(Ct));
    }

    [Fact]
    public async Task SqlServer_a_conflict_and_a_rules_unique_index_give_the_rules_messages()
    {
        var app = server.App();
        await using var db = await app.OpenDbContextAsync();
        var existing = await db.Institutions.FirstAsync(Ct);
        db.Institutions.Add(Institution.Create(existing.Brin.Value, "Dubbel", existing.Sector, "77777", "Bestuur").Value);

        var duplicate = await db.TrySaveChangesAsync(Ct);

        Assert.Equal([DomainErrors.Institution.BrinNotUnique], duplicate.Errors);

        await using var stale = await app.OpenDbContextAsync();
        var institution = await stale.Institutions.FirstAsync(Ct);
        stale.Entry(institution).Property(i => i.Version).OriginalValue = Guid.NewGuid();
        Assert.True(institution.Update(institution.Brin.Value, institution.Name + " (anders)", institution.Sector, institution.BoardNumber.Value, institution.BoardName).IsSuccess);

        var conflict = await stale.TrySaveChangesAsync(Ct);

        Assert.Equal([CommonErrors.ConcurrencyConflict], conflict.Errors);
    }

    [Fact]
    public async Task SqlServer_R_PUPIL_4_an_imported_pupil_reads_back_with_number_dates_and_phase()
    {
        var kit = new ImportKit(server.App());
        var route = await kit.NewRouteAsync("SQL Server");
        var number = ImportKit.NewNumber();
        var before = await kit.StoredAsync();

        await kit.ImportAsync(route, ImportKit.File(ImportKit.Row(number, phase: "mbo")));

        Assert.Equal((before.Pupils + 1, before.Enrolments + 1, before.Phases + 1), await kit.StoredAsync());
        var (storedNumber, enrolment) = Assert.Single(await kit.EnrolmentsAsync(route));
        Assert.Equal(number, storedNumber);
        Assert.Equal(ImportKit.Start, enrolment.StartDate);
        Assert.Equal(Phase.Mbo, enrolment.PhaseOn(ImportKit.Start));
    }

    /// <summary>The app on its own database of the run's SQL Server, or the reason there is none.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private OnServer? _app;
        private string? _unavailable;

        /// <summary>The app; reports the calling test as skipped, with the reason, when there is no SQL Server.</summary>
        public AppFactory App()
        {
            if (_unavailable is not null)
            {
                Assert.Skip(_unavailable);
            }

            return _app!;
        }

        public async ValueTask InitializeAsync()
        {
            var server = await SqlServerForTests.GetAsync();
            if (server.ConnectionString is null)
            {
                _unavailable = server.Unavailable;
                return;
            }

            _app = new OnServer(TestDatabase.Create(server.ConnectionString));
            await _app.InitializeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }

        /// <summary>The app on its own new database on that server, dropped afterwards.</summary>
        private sealed class OnServer(TestDatabase database) : AppFactory(database, ownsDatabase: true);
    }
}
