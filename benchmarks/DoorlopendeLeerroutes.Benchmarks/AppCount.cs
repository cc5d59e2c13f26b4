using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// The app's side of the count benchmarks (<see cref="CountBenchmarks"/>, <see cref="NationalCountBenchmarks"/>): each
/// call one user action in its own scope, as a page or download would make it.
/// </summary>
public static class AppCount
{
    /// <summary>Every row with its full number (<see cref="CountExportQuery"/>, what the CSV export writes).</summary>
    public static async Task<int> ExportAsync(BenchmarkDatabase database, UserContext user, SchoolYear year)
    {
        await using var scope = database.ScopeFor(user);
        return (await scope.ServiceProvider.GetRequiredService<CountExportQuery>().ExecuteAsync(year, "csv")).Count;
    }

    /// <summary>The totals per institution and route (<see cref="CountOverviewQuery"/>).</summary>
    public static async Task<int> OverviewAsync(BenchmarkDatabase database, UserContext user, SchoolYear year)
    {
        await using var scope = database.ScopeFor(user);
        return (await scope.ServiceProvider.GetRequiredService<CountOverviewQuery>().ExecuteAsync(year)).Pupils;
    }

    /// <summary>What CountOverviewPage (/teldatum) asks for when it opens: the totals, then the grid's first page of 50 rows.</summary>
    public static async Task<int> FirstViewAsync(BenchmarkDatabase database, UserContext user, SchoolYear year)
    {
        await using var scope = database.ScopeFor(user);
        var overview = await scope.ServiceProvider.GetRequiredService<CountOverviewQuery>().ExecuteAsync(year);
        var rows = await scope.ServiceProvider.GetRequiredService<CountPupilRowsQuery>().ExecuteAsync(year, new PageRequest(0, 50));
        return overview.Pupils + rows.Items.Count;
    }
}
