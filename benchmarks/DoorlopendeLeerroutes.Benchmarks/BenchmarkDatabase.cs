using DoorlopendeLeerroutes.Application.Counting;
using System.Globalization;
using System.Reflection;
using DoorlopendeLeerroutes.Application;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Infrastructure;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// The database the benchmarks run on: the demo data plus <see cref="PupilCount"/> pupils with
/// <see cref="RegistrationsPerPupil"/> phase registrations each, spread over the two registered demo routes. Building it
/// takes a minute, so it is built once into a template file in the temp folder and copied for every benchmark run.
/// </summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const int PupilCount = 50_000;
    public const int RegistrationsPerPupil = 3;

    // Raise when the way the data is generated changes, so an old template is not reused.
    private const int DataVersion = 1;

    // Fixed keys: the template's encrypted numbers must stay readable in every later run (also by the app the circuit
    // benchmark starts on a copy). Benchmark data only.
    public const string EncryptionKey = "YmVuY2htYXJrLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=";
    public const string LookupKey = "YmVuY2htYXJrLWxvb2t1cC1rZXktMzItYnl0ZXMtMDE=";

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "doorlopende-leerroutes-benchmarks");

    private readonly ServiceProvider _services;

    private BenchmarkDatabase(string file, ServiceProvider services)
    {
        File = file;
        _services = services;
    }

    /// <summary>The SQLite file of this run (a copy of the template).</summary>
    public string File { get; }

    public string ConnectionString => $"Data Source={File}";

    /// <summary>The school year whose count has passed most recently, as the demo data counts it.</summary>
    public static SchoolYear CountedYear
    {
        get
        {
            var today = DutchTime.Today(DateTime.UtcNow);
            var current = SchoolYear.Containing(today);
            return today > current.CountDate ? current : SchoolYear.FromStartYear(current.StartYear - 1);
        }
    }

    /// <summary>A fresh copy of the template (built first when missing), with the app's services on top of it.</summary>
    public static Task<BenchmarkDatabase> OpenAsync() =>
        OpenAsync($"template-v{DataVersion}-{PupilCount}-{CountedYear}.db", AddPupilsAsync);

    /// <summary>
    /// A fresh copy of the template named <paramref name="templateName"/>: the demo data plus what <paramref name="addData"/>
    /// adds, built first when missing (another data set, e.g. <see cref="NationalBenchmarkDatabase"/>).
    /// </summary>
    public static async Task<BenchmarkDatabase> OpenAsync(string templateName, Func<IDbContextFactory<AppDbContext>, Task> addData)
    {
        Directory.CreateDirectory(Folder);
        var template = Path.Combine(Folder, $"{LatestMigration}-{templateName}");
        if (!System.IO.File.Exists(template))
        {
            await BuildTemplateAsync(template, addData);
        }

        var file = Path.Combine(Folder, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        System.IO.File.Copy(template, file);
        return new BenchmarkDatabase(file, BuildServices(file));
    }

    /// <summary>
    /// The id of the newest SQLite migration: part of every template's file name, so a template built before a schema
    /// change is never copied (it would lack the new columns) and is rebuilt instead.
    /// </summary>
    private static string LatestMigration { get; } = Assembly.Load("DoorlopendeLeerroutes.Migrations.Sqlite").GetTypes()
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Max(StringComparer.Ordinal)!
        .Split('_')[0];

    /// <summary>A scope whose services act for <paramref name="user"/>, as a signed-in page would.</summary>
    public AsyncServiceScope ScopeFor(UserContext user)
    {
        var scope = _services.CreateAsyncScope();
        ((BenchmarkUser)scope.ServiceProvider.GetRequiredService<ICurrentUser>()).User = user;
        return scope;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<UserContext> CoordinatorOfAsync(string brin)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var institution = (await db.Institutions.AsNoTracking().ToListAsync()).Single(i => i.Brin.Value == brin);
        return new UserContext(Guid.NewGuid(), $"coordinator@{brin}.example", UserRole.Coordinator, institution.Id);
    }

    public async Task<Guid> RouteIdAsync(string name)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.Routes.AsNoTracking().ToListAsync()).Single(r => r.Definition.Name == name && r.Status == RouteStatus.Registered).Id;
    }

    public static UserContext Administrator { get; } =
        new(DemoData.AdministratorUserId, "beheerder@benchmark.example", UserRole.Administrator, null);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TryDelete(File);
    }

    internal static ServiceProvider BuildServices(string file)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:MigrateOnStartup"] = "true",
            ["Database:SeedDemoData"] = "true",
            ["ConnectionStrings:Sqlite"] = $"Data Source={file}",
            ["PupilNumbers:EncryptionKey"] = EncryptionKey,
            ["PupilNumbers:LookupKey"] = LookupKey,
            ["Storage:AgreementsFolder"] = Path.Combine(Folder, "agreements"),
        }).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(); // no providers: the benchmark measures the work, not the console
        services.AddDataProtection();
        services.AddScoped<ICurrentUser, BenchmarkUser>(); // before AddInfrastructure, whose default only fills a gap
        services.AddApplication();
        services.AddInfrastructure(Folder);
        return services.BuildServiceProvider();
    }

    private static async Task BuildTemplateAsync(string template, Func<IDbContextFactory<AppDbContext>, Task> addData)
    {
        var building = template + ".building";
        SqliteConnection.ClearAllPools(); // a pooled connection would still see a half-built file of an earlier try
        TryDelete(building);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using (var services = BuildServices(building))
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(allowDemoData: true);
            }

            await addData(services.GetRequiredService<IDbContextFactory<AppDbContext>>());

            // As StoredCountJob does after a deployment (issue 17): the current school year counted and stored once, so
            // every benchmark measures what a user meets on any later day.
            var counting = System.Diagnostics.Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<RefreshStoredCount>().RunAsync(CancellationToken.None);
            }

            Console.WriteLine($"// The current school year counted and stored in {counting.Elapsed.TotalSeconds:F1} s (once per deployment).");
        }

        SqliteConnection.ClearAllPools();
        System.IO.File.Move(building, template);
        Console.WriteLine($"// Benchmark database built in {started.Elapsed.TotalSeconds:F0} s: {template}");
    }

    /// <summary>
    /// Adds the pupils through the domain (so every row is one the app itself could have written), in batches of 2,500.
    /// The mix per 20 pupils: one without a phase on the count date, one with a change recorded too late, one whose
    /// enrolment ended on 30 September, the rest moved to the mbo-fase on 1 August (half of them corrected back to vo).
    /// </summary>
    private static async Task AddPupilsAsync(IDbContextFactory<AppDbContext> contexts)
    {
        var year = CountedYear;
        var countDate = year.CountDate;
        var cutoff = DutchTime.EndOfDayUtc(countDate);
        const int batchSize = 2_500;
        var nowUtc = DateTime.UtcNow;

        // Nothing is recorded in the future, whatever day the benchmark runs (the server sets the moment, R-PUPIL-4).
        DateTime NotAfterNow(DateTime moment) => moment < nowUtc ? moment : nowUtc.AddMinutes(-1);

        for (var batchStart = 0; batchStart < PupilCount; batchStart += batchSize)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var routes = await db.Routes.Where(r => r.Status == RouteStatus.Registered).ToListAsync();
            var care = routes.Single(r => r.Definition.Type == RouteType.Continuous);
            var green = routes.Single(r => r.Definition.Type == RouteType.Integrated);
            var institutions = (await db.Institutions.AsNoTracking().ToListAsync()).ToDictionary(i => i.Brin.Value, i => i.Id);

            for (var i = batchStart; i < Math.Min(PupilCount, batchStart + batchSize); i++)
            {
                var onGreen = i % 5 == 4;
                var route = onGreen ? green : care;
                var (vo, mbo) = onGreen ? (institutions["21CD"], institutions["27HK"]) : (institutions["05KO"], institutions["25PG"]);
                var actor = Actor.Coordinator(onGreen ? DemoData.OtherVoCoordinatorUserId : DemoData.VoCoordinatorUserId, vo);
                var cohort = onGreen ? i % 2 : i % 3; // years before the counted one (the green route is one year younger)
                var start = year.FirstDay.AddYears(-cohort).AddDays(16);
                var pupil = Pupil.Create(
                    PupilNumbers.Make(i), $"Achternaam{i}", i % 7 == 0 ? "van" : null, $"Voornaam{i % 500}",
                    start.AddYears(-15).AddDays(-(i % 300))).Value;
                var enrolment = Enrolment.Start(pupil, route, vo, mbo, start, [], actor, DutchTime.Today(nowUtc)).Value;
                db.Pupils.Add(pupil);
                db.Enrolments.Add(enrolment);

                var moveOn = start > year.FirstDay ? start : year.FirstDay;
                DateTime At(DateOnly day, int hour) => NotAfterNow(DutchTime.StartOfDayUtc(day).AddHours(hour));
                switch (i % 20)
                {
                    case 0: // no phase in force on the count date: the first phase starts two weeks after it
                        Check(enrolment.RecordPhase(Phase.Vo, countDate.AddDays(14), actor, At(start, 10)));
                        Check(enrolment.RecordPhase(Phase.Mbo, countDate.AddDays(14), actor, At(countDate.AddDays(15), 10)));
                        Check(enrolment.RecordPhase(Phase.Vo, countDate.AddDays(60), actor, At(countDate.AddDays(20), 10)));
                        break;
                    case 1: // the move to mbo recorded the day after the count date: too late (R-COUNT-3)
                        Check(enrolment.RecordPhase(Phase.Vo, start, actor, At(start, 10)));
                        Check(enrolment.RecordPhase(Phase.Mbo, moveOn, actor, NotAfterNow(cutoff.AddHours(10))));
                        Check(enrolment.RecordPhase(Phase.Vo, countDate.AddDays(30), actor, NotAfterNow(cutoff.AddDays(2))));
                        break;
                    default: // to mbo on 1 August in time; every other pupil corrected back to vo the next day
                        Check(enrolment.RecordPhase(Phase.Vo, start, actor, At(start, 10)));
                        Check(enrolment.RecordPhase(Phase.Mbo, moveOn, actor, At(year.FirstDay.AddDays(20), 9)));
                        Check(i % 2 == 0
                            ? enrolment.RecordPhase(Phase.Vo, moveOn, actor, At(year.FirstDay.AddDays(21), 9))
                            : enrolment.RecordPhase(Phase.Vo, countDate.AddDays(45), actor, At(countDate.AddDays(46), 9)));
                        if (i % 20 == 2)
                        {
                            Check(enrolment.End(new DateOnly(year.StartYear, 9, 30), EnrolmentOutcome.TransferOption, null, actor));
                        }

                        break;
                }
            }

            await db.SaveChangesAsync();
        }
    }

    private static void Check(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException("Benchmark data refused by the domain: " + result);
        }
    }

    private static void TryDelete(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            if (System.IO.File.Exists(path))
            {
                System.IO.File.Delete(path);
            }
        }
    }

    /// <summary>The signed-in user of a benchmark scope.</summary>
    private sealed class BenchmarkUser : ICurrentUser
    {
        public UserContext? User { get; set; }
    }
}
