using DoorlopendeLeerroutes.Infrastructure.Persistence;

namespace DoorlopendeLeerroutes.Web.Hosting;

/// <summary>
/// <c>migrate</c>: applies the migrations (and makes sure the roles exist), then exits without starting the web server.
/// Run it with the owner's connection string, so that the app itself can run with a login that only reads and writes
/// data (<c>Database:MigrateOnStartup=false</c>); docker-compose.yml does exactly that.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        options.MigrateOnStartup = true; // the whole point of the command, whatever the app's own setting
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(allowDemoData: false);
        await Console.Out.WriteLineAsync("Database bijgewerkt.");
        return 0;
    }
}
