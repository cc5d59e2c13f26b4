using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DoorlopendeLeerroutes.Benchmarks;

namespace DoorlopendeLeerroutes.CircuitBenchmark;

/// <summary>
/// The real app as production runs it: published in Release, started as its own process (<c>dotnet
/// DoorlopendeLeerroutes.Web.dll</c>) in the Production environment, so with every start-up requirement of
/// <c>ProductionRequirements</c> met: https on a free loopback port, a host list, the pupil-number keys from the environment
/// and certificates for the data-protection keys and API tokens (one self-signed certificate made for this run). Its
/// database is a copy of the national benchmark template, whose pupil numbers the benchmark keys decrypt.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private AppUnderTest(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        _folder = folder;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>Publishes the app (Release) into <paramref name="publishFolder"/>; an unchanged app publishes in seconds.</summary>
    public static async Task PublishAsync(string repositoryRoot, string publishFolder)
    {
        var project = Path.Combine(repositoryRoot, "src", "DoorlopendeLeerroutes.Web", "DoorlopendeLeerroutes.Web.csproj");
        await RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", publishFolder, "--nologo", "-v", "q"]);
    }

    /// <summary>Starts the published app on <paramref name="databaseFile"/> and waits until /health/ready answers.</summary>
    public static async Task<AppUnderTest> StartAsync(string publishFolder, string databaseFile, string runFolder)
    {
        Directory.CreateDirectory(runFolder);
        const string certificatePassword = "circuit-benchmark";
        var certificateFile = Path.Combine(runFolder, "benchmark.pfx");
        await File.WriteAllBytesAsync(certificateFile, SelfSignedCertificate(certificatePassword));
        var port = FreePort();
        var address = new Uri($"https://127.0.0.1:{port}/");

        var start = new ProcessStartInfo("dotnet", [Path.Combine(publishFolder, "DoorlopendeLeerroutes.Web.dll")])
        {
            WorkingDirectory = publishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = address.ToString(),
            ["AllowedHosts"] = "127.0.0.1",
            // HTTP/1.1, as the app gets its requests from the reverse proxy in production: each tab's Blazor WebSocket on a
            // connection of its own. (Over HTTP/2 Chromium carries all 100 WebSockets on one connection, and reloading a
            // tab with 100 open then hung here.)
            ["Kestrel__EndpointDefaults__Protocols"] = "Http1",
            ["Kestrel__Certificates__Default__Path"] = certificateFile,
            ["Kestrel__Certificates__Default__Password"] = certificatePassword,
            ["DataProtection__CertificatePath"] = certificateFile,
            ["DataProtection__CertificatePassword"] = certificatePassword,
            ["Api__TokenCertificatePath"] = certificateFile,
            ["Api__TokenCertificatePassword"] = certificatePassword,
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Sqlite"] = $"Data Source={databaseFile}",
            ["PupilNumbers__EncryptionKey"] = BenchmarkDatabase.EncryptionKey,
            ["PupilNumbers__LookupKey"] = BenchmarkDatabase.LookupKey,
            ["Storage__AgreementsFolder"] = Path.Combine(runFolder, "agreements"),
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppUnderTest(process, address, runFolder);
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if ((await http.GetAsync(new Uri(address, "health/ready"))).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        await app.DisposeAsync();
        throw new InvalidOperationException("The app did not become ready:" + Environment.NewLine + string.Join(Environment.NewLine, output));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS's temp clean-up
        }
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }

    /// <summary>One certificate for Kestrel's https, the data-protection keys and the API tokens of this run only.</summary>
    private static byte[] SelfSignedCertificate(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return certificate.Export(X509ContentType.Pfx, password);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })
                            ?? throw new InvalidOperationException($"{file} did not start.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}.");
        }
    }
}
