using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Persistence;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// <c>dotnet run --project src/DoorlopendeLeerroutes.Web -- create-admin --email …</c>: prepares the database and creates
/// the first administrator, then exits without starting the web server.
/// </summary>
public static class AdministratorCommand
{
    public const string Name = "create-admin";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(allowDemoData: false);
        return await scope.ServiceProvider.GetRequiredService<AdministratorBootstrap>().RunAsync(args, Console.Out);
    }
}
