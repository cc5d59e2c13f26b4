namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>
/// <c>Database:Provider</c> chooses the store: <c>Sqlite</c> (the embedded default, a file under the app's data folder)
/// or <c>SqlServer</c> (production). The connection string is <c>ConnectionStrings:Sqlite</c> or <c>ConnectionStrings:SqlServer</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string SqliteMigrationsAssembly = "DoorlopendeLeerroutes.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "DoorlopendeLeerroutes.Migrations.SqlServer";
    public const string DefaultSqliteConnectionString = "Data Source=data/doorlopende-leerroutes.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (default on; production may migrate with the script instead).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Fill an empty database with demo institutions, routes and pupils (only ever honoured in Development).</summary>
    public bool SeedDemoData { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite = 1,
    SqlServer = 2,
}
