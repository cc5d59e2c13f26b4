using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>
/// The real app (Program.cs, real migrations, demo data as in Development) on its own database per test class.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public AppFactory() => Database = TestDatabase.Create();

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

    /// <summary>Where this app keeps uploaded agreements.</summary>
    public string AgreementsFolder => Path.Combine(Database.Folder, "agreements");

    /// <summary>Tests sign in often from one address; the rate-limit test sets its own low limit.</summary>
    protected virtual int LoginAttemptsPerMinute => 10_000;

    /// <summary>Where the SQLite file goes; a subclass may point into a folder that does not exist yet.</summary>
    protected virtual string SqliteConnectionString => Database.ConnectionString;

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
            ["Storage:AgreementsFolder"] = AgreementsFolder,
            ["RateLimiting:LoginAttemptsPerMinute"] = LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }

    public override async ValueTask DisposeAsync()
    {
        if (Database.IsSqlServer)
        {
            await using var db = await OpenDbContextAsync();
            await db.Database.EnsureDeletedAsync();
        }

        await base.DisposeAsync();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}
