using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Pupils;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// A 5,000-row pupil CSV (docs/formats.md §1, every row a new pupil) imported into a route of the 50,000-pupil database:
/// read, validated against the rules and the database, previewed, then confirmed and stored in one transaction. Beside
/// it the database's own speed: the same rows split by hand and inserted with prepared ADO.NET commands in one
/// transaction (pupil, enrolment, phase registration each; numbers encrypted and hashed the same way), without checks.
/// Every iteration gets a file of numbers not used before, so each one stores 5,000 new pupils.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    public const int Rows = 5_000;

    private BenchmarkDatabase _database = null!;
    private UserContext _coordinator = null!;
    private Guid _routeId;
    private Guid _voId;
    private Guid _mboId;
    private int _nextNumber = BenchmarkDatabase.PupilCount; // the numbers below it are taken by the database
    private byte[] _file = [];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _database = await BenchmarkDatabase.OpenAsync();
        _coordinator = await _database.CoordinatorOfAsync("05KO");
        _routeId = await _database.RouteIdAsync("Zorg en welzijn vmbo-mbo");
        _voId = _coordinator.InstitutionId!.Value;
        _mboId = (await _database.CoordinatorOfAsync("25PG")).InstitutionId!.Value;
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _database.DisposeAsync();

    [IterationSetup]
    public void NewFile() => _file = PupilFile(Rows);

    [Benchmark(Baseline = true, Description = "SQL: insert 5,000 rows (ADO.NET, one transaction)")]
    public int Sql() => RawInsert(_file);

    [Benchmark(Description = "App: import 5,000 rows (preview + confirm)")]
    public async Task<int> App()
    {
        await using var scope = _database.ScopeFor(_coordinator);
        var import = scope.ServiceProvider.GetRequiredService<ImportPupils>();
        await using var content = new MemoryStream(_file);
        var preview = await import.PreviewAsync(_routeId, content);
        var outcome = await import.ConfirmAsync(preview);
        if (!outcome.IsSuccess || outcome.Totals.New != Rows)
        {
            throw new InvalidOperationException("Import refused: " + string.Join(Environment.NewLine, preview.Errors.Concat(outcome.Errors).Take(5)));
        }

        return outcome.Totals.New;
    }

    /// <summary>A file as Dutch Excel saves it, with numbers never used before; half vo, half mbo.</summary>
    private byte[] PupilFile(int rows)
    {
        var start = SchoolYear.Containing(DutchTime.Today(DateTime.UtcNow)).FirstDay.AddDays(16);
        var text = new StringBuilder("Leerlingnummer;Achternaam;Tussenvoegsel;Voornaam;Geboortedatum;Startdatum;Fase;Fase vanaf\r\n");
        for (var i = 0; i < rows; i++)
        {
            var number = PupilNumbers.Make(_nextNumber++);
            text.Append(CultureInfo.InvariantCulture,
                $"{number};Importnaam{i};{(i % 9 == 0 ? "de" : "")};Leerling{i % 400};{start.AddYears(-15).AddDays(-(i % 250)):dd-MM-yyyy};{start:dd-MM-yyyy};{(i % 2 == 0 ? "vo" : "mbo")};\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private int RawInsert(byte[] file)
    {
        var protector = _database.Get<PupilNumberProtector>();
        var lines = Encoding.UTF8.GetString(file.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var user = _coordinator.UserId.ToString().ToUpperInvariant();

        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var pupil = Command(connection, transaction, """
            INSERT INTO Pupils (Id, NumberEncrypted, NumberHash, LastName, Prefix, FirstName, BirthDate, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy, Version)
            VALUES ($id, $encrypted, $hash, $last, $prefix, $first, $birth, $now, $user, $now, $user, $version)
            """, "$id", "$encrypted", "$hash", "$last", "$prefix", "$first", "$birth", "$now", "$user", "$version");
        using var enrolment = Command(connection, transaction, """
            INSERT INTO Enrolments (Id, PupilId, RouteId, VoInstitutionId, MboInstitutionId, StartDate, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy, Version)
            VALUES ($id, $pupil, $route, $vo, $mbo, $start, $now, $user, $now, $user, $version)
            """, "$id", "$pupil", "$route", "$vo", "$mbo", "$start", "$now", "$user", "$version");
        using var phase = Command(connection, transaction, """
            INSERT INTO PhaseRegistrations (Id, EnrolmentId, Phase, ValidFrom, RecordedAt, RecordedBy, CreatedAt, CreatedBy, ModifiedAt, ModifiedBy, Version)
            VALUES ($id, $enrolment, $phase, $from, $now, $user, $now, $user, $now, $user, $version)
            """, "$id", "$enrolment", "$phase", "$from", "$now", "$user", "$version");

        var stored = 0;
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(';');
            var number = PupilNumber.Parse(cells[0]).Value;
            var birth = DateOnly.ParseExact(cells[4], "dd-MM-yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var start = DateOnly.ParseExact(cells[5], "dd-MM-yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string pupilId = NewId(), enrolmentId = NewId();

            Run(pupil, pupilId, protector.Encrypt(number), protector.LookupHash(number), cells[1], cells[2].Length == 0 ? DBNull.Value : cells[2],
                cells[3], birth, now, user, NewId());
            Run(enrolment, enrolmentId, pupilId, Id(_routeId), Id(_voId), Id(_mboId), start, now, user, NewId());
            Run(phase, NewId(), enrolmentId, cells[6] == "vo" ? "Vo" : "Mbo", start, now, user, NewId());
            stored++;
        }

        transaction.Commit();
        return stored;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static string NewId() => Id(Guid.NewGuid());

    // EF Core's SQLite provider stores a Guid as upper-case text.
    private static string Id(Guid id) => id.ToString().ToUpperInvariant();
}
