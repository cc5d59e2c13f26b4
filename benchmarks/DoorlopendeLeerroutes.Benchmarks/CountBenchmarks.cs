using System.Globalization;
using BenchmarkDotNet.Attributes;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Infrastructure.Pupils;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

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

        // The two ways must agree, or the comparison means nothing.
        var app = await AppCountAsync();
        var raw = RawCount();
        if (app.Rows != raw.Rows || app.Vo != raw.Vo || app.Mbo != raw.Mbo || app.NoPhase != raw.NoPhase || app.Late != raw.Late)
        {
            throw new InvalidOperationException($"App and SQL disagree: app {app}, SQL {raw}.");
        }

        Console.WriteLine($"// Count {_year}: {app}");
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _database.DisposeAsync();

    [Benchmark(Baseline = true, Description = "SQL: count rows + totals (one query, data reader)")]
    public CountFigures Sql() => RawCount();

    [Benchmark(Description = "App: all rows with numbers (export query)")]
    public async Task<int> AppExport()
    {
        await using var scope = _database.ScopeFor(BenchmarkDatabase.Administrator);
        return (await scope.ServiceProvider.GetRequiredService<CountExportQuery>().ExecuteAsync(_year, "csv")).Count;
    }

    [Benchmark(Description = "App: totals per institution and route (overview query)")]
    public async Task<int> AppOverview()
    {
        await using var scope = _database.ScopeFor(BenchmarkDatabase.Administrator);
        return (await scope.ServiceProvider.GetRequiredService<CountOverviewQuery>().ExecuteAsync(_year)).Pupils;
    }

    [Benchmark(Description = "App: /teldatum opened (totals + first 50 rows)")]
    public async Task<int> AppPage()
    {
        await using var scope = _database.ScopeFor(BenchmarkDatabase.Administrator);
        var overview = await scope.ServiceProvider.GetRequiredService<CountOverviewQuery>().ExecuteAsync(_year);
        var rows = await scope.ServiceProvider.GetRequiredService<CountPupilRowsQuery>().ExecuteAsync(_year, new PageRequest(0, 50));
        return overview.Pupils + rows.Items.Count;
    }

    private async Task<CountFigures> AppCountAsync()
    {
        await using var scope = _database.ScopeFor(BenchmarkDatabase.Administrator);
        var overview = await scope.ServiceProvider.GetRequiredService<CountOverviewQuery>().ExecuteAsync(_year);
        var rows = await scope.ServiceProvider.GetRequiredService<CountExportQuery>().ExecuteAsync(_year, "csv");
        return new CountFigures(
            rows.Count,
            overview.Institutions.Sum(i => i.FundedAsVo),
            overview.Institutions.Sum(i => i.FundedAsMbo),
            rows.Count(r => r.Status == CountStatus.NoPhase),
            rows.Count(r => r.Status == CountStatus.CountedLateChange));
    }

    /// <summary>
    /// R-COUNT-2…5 in SQL: active enrolments on the count date, the phase in force among registrations recorded before the
    /// cut-off, the phase known today (for "te laat"), the funded institution; every row read and its number decrypted.
    /// </summary>
    private CountFigures RawCount()
    {
        const string sql = """
            WITH active AS (
                SELECT e.Id, e.PupilId, e.RouteId, e.VoInstitutionId, e.MboInstitutionId
                FROM Enrolments e
                WHERE e.StartDate <= $countDate AND (e.EndDate IS NULL OR e.EndDate >= $countDate)
            ), phased AS (
                SELECT a.*,
                    (SELECT r.Phase FROM PhaseRegistrations r
                     WHERE r.EnrolmentId = a.Id AND r.ValidFrom <= $countDate AND r.RecordedAt < $cutoff
                     ORDER BY r.ValidFrom DESC, r.RecordedAt DESC LIMIT 1) AS CountedPhase,
                    (SELECT r.Phase FROM PhaseRegistrations r
                     WHERE r.EnrolmentId = a.Id AND r.ValidFrom <= $countDate
                     ORDER BY r.ValidFrom DESC, r.RecordedAt DESC LIMIT 1) AS PhaseNow
                FROM active a
            )
            SELECT p.NumberEncrypted, p.FirstName, p.Prefix, p.LastName, ro.Code, ro.Name, x.CountedPhase, x.PhaseNow,
                   CASE x.CountedPhase WHEN 'Vo' THEN x.VoInstitutionId WHEN 'Mbo' THEN x.MboInstitutionId END AS Funded
            FROM phased x
            JOIN Pupils p ON p.Id = x.PupilId
            JOIN Routes ro ON ro.Id = x.RouteId
            """;
        var protector = _database.Get<PupilNumberProtector>();
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$countDate", _year.CountDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$cutoff", FundingCount.CutoffUtc(_year).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));

        int rows = 0, vo = 0, mbo = 0, noPhase = 0, late = 0;
        var perInstitution = new Dictionary<string, int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows++;
            _ = protector.Decrypt(reader.GetString(0)).Value; // the export shows the full number
            var counted = reader.IsDBNull(6) ? null : reader.GetString(6);
            var now = reader.IsDBNull(7) ? null : reader.GetString(7);
            switch (counted)
            {
                case null: noPhase++; break;
                case "Vo": vo++; break;
                default: mbo++; break;
            }

            if (counted is not null && now != counted)
            {
                late++;
            }

            if (!reader.IsDBNull(8))
            {
                var funded = reader.GetString(8);
                perInstitution[funded] = perInstitution.GetValueOrDefault(funded) + 1;
            }
        }

        return new CountFigures(rows, vo, mbo, noPhase, late);
    }
}

/// <summary>What both ways of counting must agree on.</summary>
public sealed record CountFigures(int Rows, int Vo, int Mbo, int NoPhase, int Late);
