using System.Diagnostics;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// A quick look before a full run (`dotnet run -c Release --project benchmarks/DoorlopendeLeerroutes.Benchmarks -- probe`):
/// each of <see cref="NationalCountBenchmarks"/>' app actions once cold and three times after, with their times and
/// allocations, on the one-year national set. Not a measurement to quote: BenchmarkDotNet's is.
/// </summary>
public static class NationalCountProbe
{
    public static async Task RunAsync()
    {
        await using var database = await NationalBenchmarkDatabase.OpenAsync(NationalDataSet.OneYear);
        var year = BenchmarkDatabase.CountedYear;
        var admin = BenchmarkDatabase.Administrator;
        var mbo = await database.CoordinatorOfAsync(NationalBenchmarkDatabase.MboInstitutionBrin(NationalDataSet.OneYear, 0));
        await TimeAsync("SQL count", () => Task.FromResult(CountSql.Count(database, year).Rows));
        await TimeAsync("overview, administrator", () => AppCount.OverviewAsync(database, admin, year));
        await TimeAsync("first view, administrator", () => AppCount.FirstViewAsync(database, admin, year));
        await TimeAsync("first view, mbo coordinator", () => AppCount.FirstViewAsync(database, mbo, year));
        await TimeAsync("export, administrator", () => AppCount.ExportAsync(database, admin, year));
    }

    private static async Task TimeAsync(string what, Func<Task<int>> action)
    {
        for (var i = 0; i < 4; i++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var result = await action();
            Console.WriteLine($"{what,-32} {stopwatch.Elapsed.TotalMilliseconds,8:F0} ms {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6,8:F1} MB  ({result})");
        }
    }
}
