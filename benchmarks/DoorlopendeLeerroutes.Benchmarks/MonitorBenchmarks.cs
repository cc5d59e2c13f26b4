using BenchmarkDotNet.Attributes;
using DoorlopendeLeerroutes.Application.Monitoring;
using DoorlopendeLeerroutes.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// The monitor of one school year (R-MON-3) over the national data set (<see cref="NationalBenchmarkDatabase"/>: 1,500
/// routes, 60,000 pupils on top of the demo), as the administrator opens it (<see cref="MonitorQuery"/>: the whole count
/// plus the tables) and exports it (<see cref="MonitorExport"/>: the same and the xlsx workbook of eight sheets).
/// </summary>
[MemoryDiagnoser]
public class MonitorBenchmarks
{
    private BenchmarkDatabase _database = null!;
    private readonly SchoolYear _year = BenchmarkDatabase.CountedYear;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _database = await NationalBenchmarkDatabase.OpenAsync();
        var report = await OpenMonitorAsync();
        if (report.RoutesRegistered < NationalBenchmarkDatabase.RouteCount || report.Pupils < NationalBenchmarkDatabase.PupilCount * 9 / 10)
        {
            throw new InvalidOperationException($"The national data set is not what it should be: {report.RoutesRegistered} routes, {report.Pupils} pupils.");
        }

        Console.WriteLine($"// Monitor {_year}: {report.RoutesRegistered} routes registered, {report.RoutesWithPupils} with pupils, "
            + $"{report.VoSchoolsWithPupils} vo schools, {report.Pupils} pupils counted, {report.PupilsWithoutPhase} without phase.");
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _database.DisposeAsync();

    [Benchmark(Baseline = true, Description = "App: /beheer/monitor opened (count + tables)")]
    public async Task<int> Monitor()
    {
        var report = await OpenMonitorAsync();
        return MonitorTables.Build(report).Count + report.Pupils;
    }

    [Benchmark(Description = "App: monitor exported (xlsx, 8 sheets)")]
    public async Task<long> Export()
    {
        await using var scope = _database.ScopeFor(BenchmarkDatabase.Administrator);
        using var workbook = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<MonitorExport>().WriteAsync(_year, workbook);
        return workbook.Length;
    }

    private async Task<MonitorReport> OpenMonitorAsync()
    {
        await using var scope = _database.ScopeFor(BenchmarkDatabase.Administrator);
        return await scope.ServiceProvider.GetRequiredService<MonitorQuery>().ExecuteAsync(_year);
    }
}
