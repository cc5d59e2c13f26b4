using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>
/// The real app (Program.cs, real migrations, demo data as in Development) on its own database per test class. On SQLite
/// that database starts as a copy of one template the first app of the run migrated and seeded (<see cref="DatabaseTemplate"/>);
/// on SQL Server each app migrates and seeds its own.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDatabase = true;
    private int _copiedTemplate;

    public AppFactory() => Database = TestDatabase.Create();

    /// <summary>A second app on another app's database (e.g. a restart with other settings); it leaves the database alone.</summary>
    protected AppFactory(TestDatabase database)
        : this(database, ownsDatabase: false)
    {
    }

    /// <summary>An app on a database made for it (e.g. on the SQL Server of <see cref="SqlServerForTests"/>), which it drops afterwards when it owns it.</summary>
    protected AppFactory(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    /// <summary>Opens a context on the app's database, configured exactly as the app configures it.</summary>
    public async Task<AppDbContext> OpenDbContextAsync()
    {
        var scope = Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        return await factory.CreateDbContextAsync();
    }

    public ValueTask InitializeAsync()
    {
        // Starting the server runs Program.cs, which migrates the database and loads the demo data.
        _ = Server;
        return ValueTask.CompletedTask;
    }

    /// <summary>The hosting environment; Development loads the demo data into the empty database.</summary>
    protected virtual string Environment => "Development";

    /// <summary>
    /// Whether the database starts as a copy of the run's template (migrated, demo data seeded at the real time with the
    /// fixed keys) rather than empty. Off outside Development (no demo data there) and on SQL Server; a subclass turns it
    /// off when the seeding itself matters: another clock, other keys, another database file, or its log.
    /// </summary>
    protected virtual bool StartsFromTemplate => Environment == "Development";

    internal const string AgreementsFolderName = "agreements";

    /// <summary>Everything the app has written to its rolling log file so far.</summary>
    public async Task<string> ReadLogAsync()
    {
        var text = string.Empty;
        foreach (var file in Directory.GetFiles(Path.Combine(Database.Folder, "logs"), "*.log"))
        {
            // The host still has the file open; share it for reading.
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            text += await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        }

        return text;
    }

    /// <summary>Where this app keeps uploaded agreements when <see cref="AgreementStorage"/> is <c>Folder</c>.</summary>
    public string AgreementsFolder => Path.Combine(Database.Folder, AgreementsFolderName);

    /// <summary><c>Storage:Agreements:Provider</c>: the database, as in production, unless a test is about the folder store.</summary>
    protected virtual string AgreementStorage => "Database";

    /// <summary>Tests sign in often from one address; the rate-limit test sets its own low limit.</summary>
    protected virtual int LoginAttemptsPerMinute => 10_000;

    /// <summary>Where the SQLite file goes; a subclass may point into a folder that does not exist yet.</summary>
    protected virtual string SqliteConnectionString => Database.ConnectionString;

    /// <summary>
    /// One fixed pair of test keys, so every test app in the process shares one EF model; a subclass may return none
    /// to exercise the generated key file.
    /// </summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> PupilNumberKeys =>
    [
        new("PupilNumbers:EncryptionKey", "dGVzdC1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcy0wMDE="),
        new("PupilNumbers:LookupKey", "dGVzdC1sb29rdXAta2V5LTMyLWJ5dGVzLWxvbmctMDE="),
    ];

    /// <summary>Copies the template before the host starts, outside the host's own start-up (which runs Program.cs).</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Once per database: a factory made with WithWebHostBuilder comes through here again, on the same database.
        if (_ownsDatabase && !Database.IsSqlServer && StartsFromTemplate && SqliteConnectionString == Database.ConnectionString
            && Interlocked.Exchange(ref _copiedTemplate, 1) == 0)
        {
            DatabaseTemplate.CopyTo(Database);
        }

        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);

        // An in-memory source, not UseSetting: UseSetting also writes empty values for the parent keys
        // ("Serilog:WriteTo:1" = ""), which Serilog would read as a sink without a name.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider,
            ["ConnectionStrings:" + Database.Provider] = Database.IsSqlServer ? Database.ConnectionString : SqliteConnectionString,
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(Database.Folder, "logs", "app-.log"),
            ["Storage:Agreements:Provider"] = AgreementStorage,
            ["Storage:Agreements:Folder"] = AgreementsFolder,
            ["RateLimiting:LoginAttemptsPerMinute"] = LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Concat(PupilNumberKeys)));
    }

    public override async ValueTask DisposeAsync()
    {
        if (Database.IsSqlServer && _ownsDatabase)
        {
            await using var db = await OpenDbContextAsync();
            await db.Database.EnsureDeletedAsync();
        }

        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            Database.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
