using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DoorlopendeLeerroutes.PdfWorker;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Infrastructure.Agreements;

/// <summary>What an upload's PDF is, learned once at the door (R-AGR-3) and stored with the agreement version.</summary>
public sealed record PdfInspection(int PageCount, bool? MentionsTransferOption);

/// <summary>
/// The fixed limits of <see cref="PdfInspector"/>: <c>Storage:PdfInspection:TimeoutSeconds</c> and
/// <c>Storage:PdfInspection:HeapLimitMegabytes</c>.
/// </summary>
public sealed record PdfInspectionLimits
{
    /// <summary>Wall-clock time for one file, process start included; beyond it the worker is killed and the file refused.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>The worker's managed heap (GCHeapHardLimit); a file that needs more is refused.</summary>
    public long HeapLimitBytes { get; init; } = 160L * 1024 * 1024;

    /// <summary>
    /// The worker's whole memory (working set, native memory included, which the heap limit does not cover); beyond it the
    /// worker is killed and the file refused.
    /// </summary>
    public long WorkingSetLimitBytes => 2 * HeapLimitBytes;

    /// <summary>How long an upload waits for the inspection of others before it is asked to try again.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>What one inspection cost, for tests, the benchmark and the log.</summary>
public sealed record PdfInspectionCost(TimeSpan Elapsed, long WorkerPeakBytes, long AppAllocatedBytes, string Outcome);

/// <summary>
/// Reads an untrusted PDF in a child process (<c>DoorlopendeLeerroutes.PdfWorker</c>), never in the app: PdfPig 0.1.16 has
/// no decode limit, inflates a 1.5 MB file to 1.5 GB, parses 8 MB of content into ~480 MB of objects, lets a form drawn
/// by forms take minutes, and overflows the stack on a deep ToUnicode CMap (fixed only in 0.1.17) — none of which a
/// limit inside the process can stop, since a page's text extraction is synchronous and cannot be cancelled. The worker's
/// heap is capped by the runtime, its time by a kill, and a crash ends only the worker. One inspection at a time, so the
/// extra memory of the machine stays bounded whatever is uploaded at once.
/// </summary>
public sealed class PdfInspector(PdfInspectionLimits limits, ILogger<PdfInspector> logger)
{
    private const int MaxReportChars = 16_384;
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public PdfInspectionLimits Limits => limits;

    /// <summary>The cost of the last inspection in this process (tests and the benchmark measure with it).</summary>
    public PdfInspectionCost? LastCost { get; private set; }

    public async Task<Result<PdfInspection>> InspectAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!await OneAtATime.WaitAsync(limits.QueueTimeout, cancellationToken))
        {
            logger.LogWarning("PDF inspection refused: {QueueTimeout} waiting for other inspections", limits.QueueTimeout);
            return Result<PdfInspection>.Failure(DomainErrors.Agreement.InspectionBusy);
        }

        try
        {
            return await RunWorkerAsync(path, cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<Result<PdfInspection>> RunWorkerAsync(string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        using var process = new Process { StartInfo = WorkerStart(path) };
        process.Start();
        var output = ReadBoundedAsync(process.StandardOutput);
        var errors = ReadBoundedAsync(process.StandardError);
        var peak = 0L;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        var killedForTime = false;
        try
        {
            var exited = process.WaitForExitAsync(timeout.Token);
            while (!exited.IsCompleted)
            {
                peak = Math.Max(peak, WorkingSet(process));
                if (peak > limits.WorkingSetLimitBytes)
                {
                    // Native memory grows outside the heap limit: a file that needs this much is beyond a limit too.
                    process.Kill(entireProcessTree: true);
                }

                await Task.WhenAny(exited, Task.Delay(25, CancellationToken.None));
            }

            await exited;
        }
        catch (OperationCanceledException)
        {
            killedForTime = !cancellationToken.IsCancellationRequested;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (!killedForTime)
            {
                throw;
            }
        }

        var report = killedForTime ? null : Parse(await output);
        var stderr = await errors;
        peak = Math.Max(peak, report?.PeakWorkingSetBytes ?? 0);
        var outcome = killedForTime ? "timeout" : report?.Outcome ?? "crashed";
        LastCost = new PdfInspectionCost(clock.Elapsed, peak, GC.GetTotalAllocatedBytes() - allocatedBefore, outcome);
        return Interpret(path, report, outcome, stderr, clock.Elapsed, peak);
    }

    private Result<PdfInspection> Interpret(string path, PdfWorkerReport? report, string outcome, string stderr, TimeSpan elapsed, long peak)
    {
        var file = Path.GetFileName(path);
        var ms = (long)elapsed.TotalMilliseconds;
        var mb = peak / (1024 * 1024);
        if (report is { Warnings: > 0 })
        {
            // Parser warnings: one line per upload, never a stack trace, never the file's content.
            logger.LogWarning(
                "PDF {File}: {WarningCount} parser warnings, first: {FirstWarning}", file, report.Warnings, report.FirstWarning);
        }

        switch (outcome)
        {
            case PdfWorkerReport.Readable when report!.Pages < 1:
                logger.LogWarning("PDF {File} refused: no pages ({ElapsedMs} ms)", file, ms);
                return Result<PdfInspection>.Failure(DomainErrors.Agreement.NotAPdf); // a PDF without pages is no agreement
            case PdfWorkerReport.Readable:
                if (report!.Detail is { } textProblem)
                {
                    logger.LogWarning("PDF {File}: no reviewer's hint, text not readable ({Detail})", file, textProblem);
                }

                logger.LogInformation(
                    "PDF {File} inspected: {PageCount} pages, hint {MentionsTransferOption}, {ElapsedMs} ms, worker {PeakMb} MB",
                    file, report.Pages, report.MentionsTransferOption, ms, mb);
                return Result<PdfInspection>.Success(new PdfInspection(report.Pages, report.MentionsTransferOption));
            case PdfWorkerReport.Encrypted:
                logger.LogWarning("PDF {File} refused: encrypted ({ElapsedMs} ms)", file, ms);
                return Result<PdfInspection>.Failure(DomainErrors.Agreement.FileEncrypted);
            case PdfWorkerReport.Unreadable:
                logger.LogWarning("PDF {File} refused: not readable ({Detail}, {ElapsedMs} ms)", file, report!.Detail, ms);
                return Result<PdfInspection>.Failure(DomainErrors.Agreement.NotAPdf);
            default:
                // too_complex, timeout, crashed (heap limit or stack overflow end the worker): the file is beyond a limit.
                logger.LogWarning(
                    "PDF {File} refused: beyond the inspection limits ({Outcome}: {Detail}, {ElapsedMs} ms, worker {PeakMb} MB)",
                    file, outcome, report?.Detail ?? FirstLine(stderr), ms, mb);
                return Result<PdfInspection>.Failure(DomainErrors.Agreement.FileTooComplex);
        }
    }

    private ProcessStartInfo WorkerStart(string path)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "DoorlopendeLeerroutes.PdfWorker.dll");
        if (!File.Exists(worker))
        {
            throw new InvalidOperationException($"The PDF worker is missing: {worker}.");
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(worker);
        start.ArgumentList.Add(path);
        // The hard memory limit: the runtime ends the worker (OutOfMemoryException) rather than let it grow.
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limits.HeapLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");
        return start;
    }

    /// <summary>The <c>dotnet</c> host that runs this app (or the SDK's during tests), else the one on the PATH.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var sdkHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(sdkHost) && File.Exists(sdkHost))
        {
            return sdkHost;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var rooted = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return rooted is not null && File.Exists(rooted) ? rooted : "dotnet";
    }

    private static PdfWorkerReport? Parse(string output)
    {
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (line is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line, PdfWorkerJson.Default.PdfWorkerReport);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The worker writes one short line; whatever else it writes is read and dropped, never held.
    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var kept = new System.Text.StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory())) > 0)
        {
            var room = MaxReportChars - kept.Length;
            if (room > 0)
            {
                kept.Append(buffer, 0, Math.Min(room, read));
            }
        }

        return kept.ToString();
    }

    private static long WorkingSet(Process process)
    {
        try
        {
            process.Refresh();
            return process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0; // exited in between
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
