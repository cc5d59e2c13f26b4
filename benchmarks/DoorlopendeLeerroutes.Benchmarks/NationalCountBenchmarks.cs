using BenchmarkDotNet.Attributes;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// The count at national scale (issue 17): 713 institutions, 1,500 routes, 60,000 pupils per school year, with only the
/// counted school year stored (<see cref="NationalDataSet.OneYear"/>) and with five (<see cref="NationalDataSet.FiveYears"/>,
/// ~300,000 enrolments). Side by side: the count of the counted year as hand-written SQL (<see cref="CountSql"/>, the
/// baseline), the app's count as an administrator (every row with its number, and the totals), and /teldatum's first
/// view (totals + the first page of 50 rows) for the administrator, a vo school's coordinator (3 routes) and an mbo
/// institution's coordinator (25 routes).
/// </summary>
[MemoryDiagnoser]
public class NationalCountBenchmarks
{
    private static CountFigures? _firstSetFigures;

    private readonly SchoolYear _year = BenchmarkDatabase.CountedYear;
    private BenchmarkDatabase _database = null!;
    private UserContext _voCoordinator = null!;
    private UserContext _mboCoordinator = null!;

    /// <summary>School years stored: 1 or 5 (the count is always of the latest counted one).</summary>
    [Params(1, 5)]
    public int SchoolYears { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var set = SchoolYears == 5 ? NationalDataSet.FiveYears : NationalDataSet.OneYear;
        _database = await NationalBenchmarkDatabase.OpenAsync(set);
        _voCoordinator = await _database.CoordinatorOfAsync(NationalBenchmarkDatabase.VoSchoolBrin(0));
        _mboCoordinator = await _database.CoordinatorOfAsync(NationalBenchmarkDatabase.MboInstitutionBrin(set, 0));

        var figures = await CountSql.CheckAgreesWithAppAsync(_database, _year);

        // The earlier cohorts have ended: the counted year must give the same figures whatever else is stored.
        if (_firstSetFigures is { } first && first != figures)
        {
            throw new InvalidOperationException($"The counted year differs between the data sets: {first} and {figures}.");
        }

        _firstSetFigures = figures;
        var vo = await AppCount.FirstViewAsync(_database, _voCoordinator, _year);
        var mbo = await AppCount.FirstViewAsync(_database, _mboCoordinator, _year);
        Console.WriteLine($"// {SchoolYears} school year(s), {set.Institutions} institutions, count {_year}: {figures}; "
            + $"first view (pupils + rows shown) of the vo coordinator {vo}, of the mbo coordinator {mbo}.");
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _database.DisposeAsync();

    [Benchmark(Baseline = true, Description = "SQL: count rows + totals (one query, data reader)")]
    public CountFigures Sql() => CountSql.Count(_database, _year);

    [Benchmark(Description = "App: all rows with numbers (export query), administrator")]
    public Task<int> AppExport() => AppCount.ExportAsync(_database, BenchmarkDatabase.Administrator, _year);

    [Benchmark(Description = "App: totals (overview query), administrator")]
    public Task<int> AppOverview() => AppCount.OverviewAsync(_database, BenchmarkDatabase.Administrator, _year);

    [Benchmark(Description = "App: /teldatum first view (totals + 50 rows), administrator")]
    public Task<int> AppPageAdministrator() => AppCount.FirstViewAsync(_database, BenchmarkDatabase.Administrator, _year);

    /// <summary>
    /// 100 phase registrations on 100 routes since the last reader (a busy day: one pupil per route changed), so the
    /// next /teldatum counts those routes' 4,000 enrolments again before it reads.
    /// </summary>
    [IterationSetup(Target = nameof(AppPageAdministratorAfterChanges))]
    public void RecordPhasesOnHundredRoutes() => RecordPhasesAsync(100).GetAwaiter().GetResult();

    [Benchmark(Description = "App: /teldatum first view after 100 phase changes on 100 routes, administrator")]
    public Task<int> AppPageAdministratorAfterChanges() => AppCount.FirstViewAsync(_database, BenchmarkDatabase.Administrator, _year);

    [Benchmark(Description = "App: /teldatum first view, vo coordinator (3 routes)")]
    public Task<int> AppPageVoCoordinator() => AppCount.FirstViewAsync(_database, _voCoordinator, _year);

    [Benchmark(Description = "App: /teldatum first view, mbo coordinator (25 routes)")]
    public Task<int> AppPageMboCoordinator() => AppCount.FirstViewAsync(_database, _mboCoordinator, _year);

    private int _round;

    /// <summary>Records a phase change (late: after the cut-off) for one counted pupil in each of <paramref name="routes"/> routes.</summary>
    private async Task RecordPhasesAsync(int routes)
    {
        _round++;
        await using var db = await _database.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var countDate = _year.CountDate;
        var firstPerRoute = await db.Enrolments
            .Where(e => e.StartDate <= countDate && (e.EndDate == null || e.EndDate >= countDate))
            .GroupBy(e => e.RouteId)
            .Select(g => g.Min(e => e.Id))
            .Take(routes)
            .ToListAsync();
        var enrolments = await db.Enrolments.Where(e => firstPerRoute.Contains(e.Id)).ToListAsync();
        var now = DateTime.UtcNow;
        foreach (var enrolment in enrolments)
        {
            var validFrom = countDate.AddDays(-_round);
            var phase = enrolment.PhaseOn(validFrom) == Phase.Mbo ? Phase.Vo : Phase.Mbo;
            var result = enrolment.RecordPhase(phase, validFrom, Actor.Coordinator(Guid.NewGuid(), enrolment.VoInstitutionId), now);
            if (result.IsFailure)
            {
                throw new InvalidOperationException(result.ToString());
            }
        }

        await db.SaveChangesAsync();
    }
}
