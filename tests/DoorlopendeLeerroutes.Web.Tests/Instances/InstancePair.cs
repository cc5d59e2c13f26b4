using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace DoorlopendeLeerroutes.Web.Tests.Instances;

/// <summary>
/// Two instances of the app on one database, as docker-compose.yml runs them behind the proxy (issue 17): separate hosts,
/// separate service providers and memory, nothing shared but the database. Each keeps its own log folder.
/// </summary>
public sealed class InstancePair : IAsyncLifetime
{
    public InstanceApp First { get; } = new();

    public InstanceApp Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await First.InitializeAsync(); // migrates (or copies the template) and seeds the shared database
        Second = new InstanceApp(First);
        await Second.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync(); // leaves the database to its owner
        await First.DisposeAsync();
    }
}

/// <summary>One instance; the second is made on the first one's database.</summary>
public sealed class InstanceApp : AppFactory
{
    public InstanceApp()
    {
    }

    public InstanceApp(InstanceApp first)
        : base(first.Database)
    {
        IsSecond = true;
    }

    private bool IsSecond { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (IsSecond)
        {
            // Added after the base class's source, so it wins (UseSetting would be overridden by it).
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(Database.Folder, "logs-second", "app-.log"),
            }));
        }
    }
}
