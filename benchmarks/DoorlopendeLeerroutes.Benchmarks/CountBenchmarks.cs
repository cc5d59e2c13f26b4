using BenchmarkDotNet.Attributes;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Common;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// The 1 October count of one school year over 50,000 enrolled pupils with 150,000 phase registrations, as an
/// administrator sees it (every route). Each app query calculates the whole count (every row and the totals, R-COUNT-1…5)
/// and returns part of it: every row with its full pupil number (<see cref="CountExportQuery"/>, what the CSV export
/// writes), the totals (<see cref="CountOverviewQuery"/>), and both as the /teldatum page asks for them. Beside them the
/// same answer from one hand-written SQL query read with a raw data reader, numbers decrypted the same way.
/// </summary>
[MemoryDiagnoser]
public class CountBenchmarks
{
    private BenchmarkDatabase _database = null!;
    private readonly SchoolYear _year = BenchmarkDatabase.CountedYear;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _database = await BenchmarkDatabase.OpenAsync();

        var app = await CountSql.CheckAgreesWithAppAsync(_database, _year);
        Console.WriteLine($"// Count {_year}: {app}");
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _database.DisposeAsync();

    [Benchmark(Baseline = true, Description = "SQL: count rows + totals (one query, data reader)")]
    public CountFigures Sql() => CountSql.Count(_database, _year);

    [Benchmark(Description = "App: all rows with numbers (export query)")]
    public Task<int> AppExport() => AppCount.ExportAsync(_database, BenchmarkDatabase.Administrator, _year);

    [Benchmark(Description = "App: totals per institution and route (overview query)")]
    public Task<int> AppOverview() => AppCount.OverviewAsync(_database, BenchmarkDatabase.Administrator, _year);

    [Benchmark(Description = "App: /teldatum opened (totals + first 50 rows)")]
    public Task<int> AppPage() => AppCount.FirstViewAsync(_database, BenchmarkDatabase.Administrator, _year);
}

/// <summary>What both ways of counting must agree on.</summary>
public sealed record CountFigures(int Rows, int Vo, int Mbo, int NoPhase, int Late);
