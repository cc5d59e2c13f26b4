using Microsoft.Data.SqlClient;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>
/// Where an integration test keeps its data. By default a fresh SQLite file in a temporary folder; when the
/// environment variable <c>DLR_TEST_SQLSERVER</c> holds a SQL Server connection string, a fresh database on that
/// server instead (its name is made unique per test class and dropped afterwards).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string SqlServerVariable = "DLR_TEST_SQLSERVER";

    /// <summary>The SQLite file's name inside <see cref="Folder"/>.</summary>
    public const string SqliteFileName = "test.db";

    private TestDatabase(string provider, string connectionString, string folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A temporary folder for this test's files (SQLite database, logs, uploads).</summary>
    public string Folder { get; }

    public bool IsSqlServer => Provider == "SqlServer";

    public static TestDatabase Create() => Create(Environment.GetEnvironmentVariable(SqlServerVariable));

    /// <summary>A fresh database on the SQL Server of <paramref name="sqlServer"/> (a connection string), or SQLite when null.</summary>
    public static TestDatabase Create(string? sqlServer)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dlr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        if (!string.IsNullOrWhiteSpace(sqlServer))
        {
            var builder = new SqlConnectionStringBuilder(sqlServer)
            {
                InitialCatalog = "dlr_test_" + Guid.NewGuid().ToString("N")[..12],
            };
            return new TestDatabase("SqlServer", builder.ConnectionString, folder);
        }

        return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, SqliteFileName)};Pooling=False", folder);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the OS temp cleaner removes it later.
        }
    }
}
