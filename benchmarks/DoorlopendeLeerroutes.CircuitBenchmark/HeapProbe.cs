using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace DoorlopendeLeerroutes.CircuitBenchmark;

/// <summary>What the app's managed heap held right after a full, blocking GC that the probe forced.</summary>
/// <param name="HeapBytes">All generations (0, 1, 2, large and pinned object heap) after the GC, free space included.</param>
/// <param name="LiveBytes">What survived the GC (the promoted bytes of every generation): the objects still reachable.</param>
/// <param name="WorkingSetBytes">The process's resident memory (working set) just after the GC.</param>
public sealed record HeapReading(long HeapBytes, long LiveBytes, long WorkingSetBytes);

/// <summary>How many objects of one type the heap holds, and their bytes (shallow: each object's own size).</summary>
public sealed record HeapType(long Count, long Bytes);

/// <summary>
/// Forces a full GC in another .NET process and reads its heap from outside, as dotnet-gcdump does: an EventPipe session
/// over the diagnostics port with the runtime provider's GCHeapCollect keyword makes the runtime run an induced, blocking
/// gen-2 collection; the GC keyword on the same session delivers that collection's GCStart and GCHeapStats events. Nothing
/// is added to the app for this (no endpoint, no setting): any .NET process on the same machine and user can be probed.
/// </summary>
public static partial class HeapProbe
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";

    /// <summary>Forces <paramref name="collections"/> full GCs one after another (finalised objects go in the second) and reads the last.</summary>
    public static async Task<HeapReading> ReadAfterFullGcAsync(int processId, int collections = 2)
    {
        HeapReading? reading = null;
        for (var i = 0; i < collections; i++)
        {
            reading = await ForceOneAsync(processId);
        }

        return reading!;
    }

    /// <summary>
    /// What the heap holds per type (objects and bytes), from a heap dump of the process taken and read with
    /// <c>dotnet-dump</c> (the tool at <paramref name="dotnetDump"/>: <c>collect --type Heap</c>, then <c>dumpheap -stat</c>).
    /// Unlike dotnet-gcdump's event stream, a dump drops nothing; call it right after <see cref="ReadAfterFullGcAsync"/> so
    /// what it lists is (almost) only what is still reachable.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, HeapType>> TypesAsync(string dotnetDump, int processId, string folder)
    {
        var file = Path.Combine(folder, $"heap-{processId}-{Environment.TickCount64}.dmp");
        try
        {
            await RunAsync(dotnetDump, ["collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "--type", "Heap", "-o", file]);
            var output = await RunAsync(dotnetDump, ["analyze", file, "-c", "dumpheap -stat", "-c", "exit"]);
            var types = new Dictionary<string, HeapType>(StringComparer.Ordinal);
            foreach (var line in output.Split('\n'))
            {
                // "        MT  Count  TotalSize Class Name": the method table, the count, the bytes, then the type's name.
                var match = StatisticsLine().Match(line);
                if (match.Success)
                {
                    var name = match.Groups["name"].Value.Trim();
                    var count = long.Parse(match.Groups["count"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
                    var bytes = long.Parse(match.Groups["bytes"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
                    types[name] = types.TryGetValue(name, out var known) ? new HeapType(known.Count + count, known.Bytes + bytes) : new HeapType(count, bytes);
                }
            }

            return types;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(string tool, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{tool} did not start.");
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var output = await process.StandardOutput.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} ended with {process.ExitCode}: {output}");
    }

    [GeneratedRegex(@"^\s*[0-9a-f]{8,16}\s+(?<count>[\d,]+)\s+(?<bytes>[\d,]+)\s+(?<name>\S.*)$")]
    private static partial Regex StatisticsLine();

    private static async Task<HeapReading> ForceOneAsync(int processId)
    {
        var provider = new EventPipeProvider(
            RuntimeProvider, EventLevel.Informational, (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect));
        var client = new DiagnosticsClient(processId);
        using var session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 64, CancellationToken.None);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = -1;
        var done = new TaskCompletionSource<(long Heap, long Live)>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCStart += e =>
        {
            if (induced < 0 && e.Depth == 2 && e.Reason is GCReason.Induced or GCReason.InducedNotForced or GCReason.InducedCompacting)
            {
                induced = e.Count;
            }
        };
        source.Clr.GCHeapStats += e =>
        {
            if (induced >= 0)
            {
                var live = e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3 + e.TotalPromotedSize4;
                done.TrySetResult((e.TotalHeapSize, live));
            }
        };
        var processing = Task.Run(source.Process);
        var finished = await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        await session.StopAsync(CancellationToken.None);
        await processing;
        if (finished != done.Task)
        {
            throw new TimeoutException($"Process {processId} ran no induced full GC within a minute of the EventPipe request.");
        }

        var (heap, liveBytes) = await done.Task;
        using var process = Process.GetProcessById(processId);
        return new HeapReading(heap, liveBytes, process.WorkingSet64);
    }
}
