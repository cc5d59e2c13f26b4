using System.Net.Sockets;
using System.Text;
using Testcontainers.MsSql;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>
/// The SQL Server the SQL Server tests run against (issue 17), once per test run: the server of <c>DLR_TEST_SQLSERVER</c>
/// when set; otherwise SQL Server 2022 started in a container by Testcontainers when a Docker engine answers; otherwise
/// none, with the reason, which the tests report as their skip reason (never a silent pass).
/// </summary>
public static class SqlServerForTests
{
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    private static readonly Lazy<Task<Server>> Shared = new(StartAsync);

    /// <summary>A server's connection string (without a database), or why there is none.</summary>
    public sealed record Server(string? ConnectionString, string? Unavailable);

    public static Task<Server> GetAsync() => Shared.Value;

    private static async Task<Server> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(TestDatabase.SqlServerVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Server(configured, null);
        }

        var docker = await DockerEngine.ProbeAsync(TimeSpan.FromSeconds(2));
        if (docker is not null)
        {
            return new Server(null, $"No SQL Server: {TestDatabase.SqlServerVariable} is not set and no Docker engine is reachable ({docker}).");
        }

        // Started once for the run; Testcontainers' resource reaper removes it when the test process ends.
        var container = new MsSqlBuilder(Image).Build();
        await container.StartAsync();
        return new Server(container.GetConnectionString(), null);
    }
}

/// <summary>Whether a Docker engine answers, decided within a short timeout so a machine without one never hangs.</summary>
public static class DockerEngine
{
    /// <summary>Null when an engine answered <c>/_ping</c>; otherwise what was tried.</summary>
    public static async Task<string?> ProbeAsync(TimeSpan timeout, IEnumerable<string>? endpoints = null)
    {
        var tried = new List<string>();
        foreach (var endpoint in endpoints ?? Endpoints())
        {
            using var cancellation = new CancellationTokenSource(timeout);
            try
            {
                if (await PingAsync(endpoint, cancellation.Token))
                {
                    return null;
                }

                tried.Add($"{endpoint}: no answer to /_ping");
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or UriFormatException)
            {
                tried.Add($"{endpoint}: {(e is OperationCanceledException ? "timed out" : e.Message)}");
            }
        }

        return tried.Count == 0 ? "no DOCKER_HOST and no Docker socket found" : string.Join("; ", tried);
    }

    /// <summary>DOCKER_HOST when set, else the usual sockets of Docker Engine, rootless Docker and Docker Desktop that exist.</summary>
    private static IEnumerable<string> Endpoints()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(host))
        {
            yield return host;
            yield break;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        string?[] sockets =
        [
            "/var/run/docker.sock",
            runtime is null ? null : Path.Combine(runtime, "docker.sock"),
            Path.Combine(home, ".docker", "run", "docker.sock"),
            Path.Combine(home, ".docker", "desktop", "docker.sock"),
        ];
        foreach (var socket in sockets.OfType<string>().Where(File.Exists))
        {
            yield return "unix://" + socket;
        }
    }

    private static async Task<bool> PingAsync(string endpoint, CancellationToken cancellationToken)
    {
        var uri = new Uri(endpoint);
        if (uri.Scheme == "unix")
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(uri.LocalPath), cancellationToken);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await stream.WriteAsync("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            var answer = Encoding.ASCII.GetString(buffer, 0, read);
            return answer.StartsWith("HTTP/1.", StringComparison.Ordinal) && answer.Contains(" 200 ", StringComparison.Ordinal);
        }

        // tcp:// (possibly with TLS): a connection that is accepted counts as an engine; Testcontainers does the rest.
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port, cancellationToken);
        return true;
    }
}
