using BenchmarkDotNet.Attributes;
using DoorlopendeLeerroutes.Application.RouteFinder;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// Issue 16: the public route finder (R-MON-2) over <see cref="RouteCount"/> registered routes between
/// <see cref="InstitutionCount"/> institutions in all twelve provinces (routes only: the finder reads no pupils). Cold:
/// the cache emptied first, so the set is read from SQLite and filtered; warm: from the cache; and a filtered search
/// (province + profiel + a place) on the warm cache. The database is built through the domain objects, one save.
/// </summary>
[MemoryDiagnoser]
public class RouteFinderBenchmarks
{
    public const int RouteCount = 1_500;
    public const int InstitutionCount = 360;

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "doorlopende-leerroutes-benchmarks");

    private ServiceProvider _services = null!;
    private string _file = null!;

    private static readonly Dictionary<string, string?> Everything = [];

    private static readonly Dictionary<string, string?> Filtered = new()
    {
        [RouteFinderLink.ProvinceKey] = "gelderland", [RouteFinderLink.ProfileKey] = "zw", [RouteFinderLink.SearchKey] = "plaats 1",
    };

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        Directory.CreateDirectory(Folder);
        _file = Path.Combine(Folder, $"finder-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        _services = BenchmarkDatabase.BuildServices(_file); // demo data is not loaded: InitialiseAsync(allowDemoData: false)
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(allowDemoData: false);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            AddRoutes(db);
            await db.SaveChangesAsync();
        }

        var all = await FindAsync(Everything, cold: true);
        var filtered = await FindAsync(Filtered, cold: false);
        if (all.Total != RouteCount || filtered.Total == 0)
        {
            throw new InvalidOperationException($"Unexpected data: {all.Total} routes, {filtered.Total} filtered.");
        }

        Console.WriteLine($"// Route finder data built in {started.Elapsed.TotalSeconds:F1} s: {all.Total} routes, " +
                          $"{all.Groups.Count} provinces, filtered search finds {filtered.Total}");
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Benchmark(Baseline = true, Description = "Finder cold: read 1,500 routes + group (cache empty)")]
    public async Task<int> Cold() => (await FindAsync(Everything, cold: true)).Total;

    [Benchmark(Description = "Finder warm: all routes from the cache + group")]
    public async Task<int> Warm() => (await FindAsync(Everything, cold: false)).Total;

    [Benchmark(Description = "Finder warm: provincie + profiel + search on a place")]
    public async Task<int> FilteredSearch() => (await FindAsync(Filtered, cold: false)).Total;

    private async Task<RouteFinderResult> FindAsync(Dictionary<string, string?> query, bool cold)
    {
        if (cold)
        {
            _services.GetRequiredService<PublicRouteCache>().Invalidate();
        }

        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FindRoutes>()
            .ExecuteAsync(key => query.GetValueOrDefault(key));
    }

    /// <summary>
    /// Institutions spread over the twelve provinces (a third of them mbo), each route between one vo school and one or
    /// two mbo institutions, every profiel, niveau and both types, and every route submitted and registered.
    /// </summary>
    private static void AddRoutes(AppDbContext db)
    {
        var now = DateTime.UtcNow;
        var firstYear = SchoolYear.Containing(DutchTime.Today(now));
        var provinces = Provinces.All;
        var institutions = Enumerable.Range(0, InstitutionCount).Select(i =>
        {
            var sector = i % 3 == 0 ? Sector.Mbo : Sector.Vo;
            var brin = (10 + (i / 26 % 90)).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
                       + (char)('A' + (i % 26)) + (char)('A' + (i / 26 / 90 % 26) + (i / 2340));
            var institution = Institution.Create(brin, $"{(sector == Sector.Vo ? "Vmbo" : "ROC")} {i}", sector,
                (10_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"Bestuur {i}").Value;
            var province = provinces[i % provinces.Count];
            Check(institution.SetPlace($"Plaats {i}", province, $"RMC {Provinces.Name(province)} {i % 4}"));
            return institution;
        }).ToList();
        db.Institutions.AddRange(institutions);

        var vo = institutions.Where(i => i.Sector == Sector.Vo).ToList();
        var mbo = institutions.Where(i => i.Sector == Sector.Mbo).ToList();
        var admin = Actor.Administrator(Guid.NewGuid());
        var file = StoredFile.Create("benchmark/overeenkomst.pdf", "overeenkomst.pdf", 1_000, new string('a', 64), 12).Value;
        var pages = new Dictionary<AgreementItem, int>
        {
            [AgreementItem.TransferOption] = 4, [AgreementItem.JoiningAndChanges] = 9, [AgreementItem.ProgrammeAndResponsibilities] = 5,
        };
        var profiles = Enum.GetValues<VmboProfile>();
        for (var r = 0; r < RouteCount; r++)
        {
            var school = vo[r % vo.Count];
            var partners = new List<Institution> { school, mbo[r * 7 % mbo.Count] };
            if (r % 4 == 0)
            {
                partners.Add(mbo[(r * 7 + 1) % mbo.Count]);
            }

            var integrated = r % 5 == 0;
            var level = integrated ? MboLevel.Level2 : (MboLevel)(2 + (r % 3));
            var definition = RouteDefinition.Create(
                $"Leerroute {r}", integrated ? RouteType.Integrated : RouteType.Continuous, profiles[r % profiles.Length],
                integrated ? [Track.BB] : [Track.KB, Track.GL], r % 6 == 0 ? null : (25_000 + r % 900).ToString(System.Globalization.CultureInfo.InvariantCulture),
                r % 6 == 0 ? "Opleidingsdomein " + (r % 10) : null, level, 3, firstYear, TeachingLocation.Both).Value;
            var coordinator = Actor.Coordinator(Guid.NewGuid(), school.Id);
            var route = Route.Create($"LR-B-{r:00000}", definition, partners.Select(p => new RoutePartnerInput(p)).ToList(), coordinator, now).Value;
            Check(route.AddAgreement(AgreementKind.CooperationAgreement, DutchTime.Today(now).AddDays(-30), file, pages, false, false, coordinator, now));
            foreach (var partner in partners)
            {
                Check(route.ConfirmParticipation(partner.Id, Actor.Coordinator(Guid.NewGuid(), partner.Id), now));
            }

            Check(route.Submit(coordinator, now));
            Check(route.Register(admin, now));
            db.Routes.Add(route);
        }
    }

    private static void Check(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException("Benchmark data refused by the domain: " + result);
        }
    }
}
