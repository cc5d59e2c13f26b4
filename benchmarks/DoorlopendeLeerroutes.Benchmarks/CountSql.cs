using System.Globalization;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Infrastructure.Pupils;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// The count of one school year as hand-written SQL over a raw data reader: the baseline of <see cref="CountBenchmarks"/>
/// and <see cref="NationalCountBenchmarks"/> (one place for both).
/// </summary>
public static class CountSql
{
    /// <summary>
    /// The app's count (overview and export as an administrator) beside <see cref="Count"/>: the run stops when they
    /// differ, for then the comparison means nothing.
    /// </summary>
    public static async Task<CountFigures> CheckAgreesWithAppAsync(BenchmarkDatabase database, SchoolYear year)
    {
        await using var scope = database.ScopeFor(BenchmarkDatabase.Administrator);
        var overview = await scope.ServiceProvider.GetRequiredService<CountOverviewQuery>().ExecuteAsync(year);
        var rows = await scope.ServiceProvider.GetRequiredService<CountExportQuery>().ExecuteAsync(year, "csv");
        var app = new CountFigures(
            rows.Count,
            overview.Institutions.Sum(i => i.FundedAsVo),
            overview.Institutions.Sum(i => i.FundedAsMbo),
            rows.Count(r => r.Status == CountStatus.NoPhase),
            rows.Count(r => r.Status == CountStatus.CountedLateChange));
        var raw = Count(database, year);
        if (app != raw)
        {
            throw new InvalidOperationException($"App and SQL disagree: app {app}, SQL {raw}.");
        }

        return app;
    }

    /// <summary>
    /// R-COUNT-2…5 in SQL: active enrolments on the count date, the phase in force among registrations recorded before the
    /// cut-off, the phase known today (for "te laat"), the funded institution; every row read and its number decrypted.
    /// </summary>
    public static CountFigures Count(BenchmarkDatabase database, SchoolYear year)
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
        var protector = database.Get<PupilNumberProtector>();
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$countDate", year.CountDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$cutoff", FundingCount.CutoffUtc(year).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));

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
