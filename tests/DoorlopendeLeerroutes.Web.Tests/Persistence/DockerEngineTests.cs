using System.Diagnostics;
using System.Net.Sockets;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Persistence;

/// <summary>The SQL Server tests decide quickly whether a Docker engine runs (issue 17): never a hang, always a reason.</summary>
public sealed class DockerEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_engine_that_answers_ping_is_found()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dlr-docker-{Guid.NewGuid():N}.sock");
        using var server = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        server.Bind(new UnixDomainSocketEndPoint(path));
        server.Listen();
        var answering = Task.Run(async () =>
        {
            using var connection = await server.AcceptAsync(Ct);
            await connection.ReceiveAsync(new byte[256], Ct);
            await connection.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"u8.ToArray(), Ct);
        }, Ct);

        try
        {
            Assert.Null(await DockerEngine.ProbeAsync(TimeSpan.FromSeconds(5), ["unix://" + path]));
            await answering;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task No_engine_gives_a_reason_within_the_timeout()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"dlr-docker-{Guid.NewGuid():N}.sock");
        var watch = Stopwatch.StartNew();

        var reason = await DockerEngine.ProbeAsync(TimeSpan.FromSeconds(1), ["unix://" + missing, "tcp://127.0.0.1:1"]);

        Assert.NotNull(reason);
        Assert.Contains(missing, reason, StringComparison.Ordinal);
        Assert.Contains("tcp://127.0.0.1:1", reason, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
