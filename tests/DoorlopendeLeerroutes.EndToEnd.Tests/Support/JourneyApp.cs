using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.EndToEnd.Tests.Support;

/// <summary>
/// The real app (Program.cs, real migrations, demo data and demo accounts as in Development) served by Kestrel on a free
/// loopback port, so a real browser can reach it, with a fresh SQLite database in a temporary folder.
/// </summary>
public sealed class JourneyApp : WebApplicationFactory<Program>
{
    public JourneyApp(DateTimeOffset clockStart)
    {
        Clock = new JourneyClock(clockStart);
        Folder = Path.Combine(Path.GetTempPath(), "dlr-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0)); // port 0: the OS picks a free one
    }

    public JourneyClock Clock { get; }

    /// <summary>More configuration for this app, e.g. a school federation (issue 13); set before <see cref="Start"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The temporary folder with the database, logs and uploaded agreements.</summary>
    public string Folder { get; }

    /// <summary>Starts the server (migrating the database and loading the demo data) and returns its address.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(Folder, "journey.db")};Pooling=False",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(Folder, "logs", "app-.log"),
            ["Storage:AgreementsFolder"] = Path.Combine(Folder, "agreements"),
            ["PupilNumbers:EncryptionKey"] = "ZTJlLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzLTAwMDE=",
            ["PupilNumbers:LookupKey"] = "ZTJlLWxvb2t1cC1rZXktMzItYnl0ZXMtbG9uZy0wMDE=",
        }.Concat(Settings)));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held by the finishing host; the OS cleans its temporary folder later.
        }
    }
}
