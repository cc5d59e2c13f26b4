using System.Globalization;
using System.Text;
using DoorlopendeLeerroutes.Benchmarks;
using DoorlopendeLeerroutes.CircuitBenchmark;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

// Issue 17, part 5: memory per open page (Blazor circuit) and page-to-interactive with many pages open in one browser.
// Usage (from the repository root, one line; docs/benchmarks.md, "Open pages at national scale (issue 17)"):
//   dotnet run -c Release --project benchmarks/DoorlopendeLeerroutes.CircuitBenchmark -- [--pages 100] [--reloads 20]
//       [--page teldatum|leerroutes|geen-toegang] [--coordinator] [--out file.md] [--dump path/to/dotnet-dump]
var options = Options.Parse(args);
var culture = CultureInfo.InvariantCulture;
var root = RepositoryRoot();
var folder = Path.Combine(Path.GetTempPath(), "doorlopende-leerroutes-benchmarks");
var runFolder = Path.Combine(folder, $"circuits-{Environment.ProcessId}");
Directory.CreateDirectory(runFolder);
var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
var started = DateTimeOffset.Now;

Console.WriteLine($"// National data set (built once into a template, then copied): {NationalDataSet.OneYear}");
var databaseFile = Path.Combine(runFolder, "national.db");
await using (var template = await NationalBenchmarkDatabase.OpenAsync(NationalDataSet.OneYear))
{
    File.Copy(template.File, databaseFile);
}

SqliteConnection.ClearAllPools();
Console.WriteLine("// Publishing the app (Release)");
var publishFolder = Path.Combine(folder, "circuit-benchmark-app");
await AppUnderTest.PublishAsync(root, publishFolder);

var results = new List<Result>();
var heapTypes = new List<(string Role, string Page, IReadOnlyDictionary<string, HeapType> Before, IReadOnlyDictionary<string, HeapType> Open)>();
await using (var app = await AppUnderTest.StartAsync(publishFolder, databaseFile, Path.Combine(runFolder, "app")))
{
    Console.WriteLine($"// App (Production, pid {app.ProcessId}) at {app.Address}");
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = File.Exists(options.Browser) ? options.Browser : null,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    var people = new List<(string Role, string Email, string? Key)> { ("beheerder", "beheerder@duo.example", AccountSeeder.DemoAdministratorAuthenticatorKey) };
    if (options.Coordinator)
    {
        people.Add(("coördinator 05KO", "coordinator@horizon.example", null));
    }

    foreach (var (role, email, key) in people)
    {
        await using var person = await OpenPages.SignInAsync(browser, app.Address, email, AccountSeeder.DemoPassword, key);
        foreach (var page in options.Page is null ? PageUnderTest.Default : PageUnderTest.Known.Where(p => p.Path == options.Page))
        {
            Console.WriteLine($"// {role}: {options.Pages} × {page.Name}");
            results.Add(await RunAsync(app.ProcessId, person, role, page));
        }
    }
}

var report = Report(results);
Console.WriteLine();
Console.WriteLine(report);
var output = options.Output ?? Path.Combine(folder, $"circuit-benchmark-{started:yyyyMMdd-HHmmss}.md");
await File.WriteAllTextAsync(output, report);
Console.WriteLine($"// Written to {output}");
try
{
    Directory.Delete(runFolder, recursive: true);
}
catch (IOException)
{
    // left for the OS's temp clean-up
}

return 0;

async Task<Result> RunAsync(int processId, OpenPages person, string role, PageUnderTest target)
{
    // Warm-up: the first opens compile code paths and fill caches that every later page shares; they are not per page.
    for (var i = 0; i < 2; i++)
    {
        var (warm, _) = await person.OpenAsync(target);
        await OpenPages.CloseAsync(warm);
    }

    await Task.Delay(2_000);
    var before = await HeapProbe.ReadAfterFullGcAsync(processId);
    var typesBefore = options.Dump is { } dumpTool ? await HeapProbe.TypesAsync(dumpTool, processId, runFolder) : null;

    var tabs = new List<IPage>(options.Pages);
    var opening = new List<double>(options.Pages);
    for (var i = 0; i < options.Pages; i++)
    {
        var (tab, milliseconds) = await person.OpenAsync(target);
        tabs.Add(tab);
        opening.Add(milliseconds);
        if ((i + 1) % 10 == 0)
        {
            Console.WriteLine(string.Create(culture, $"//   {i + 1} open, the last in {milliseconds:0} ms; /proc/loadavg {File.ReadAllText("/proc/loadavg").Trim()}"));
        }
    }

    await Task.Delay(2_000);
    var open = await HeapProbe.ReadAfterFullGcAsync(processId);
    Console.WriteLine(string.Create(culture, $"//   live heap {before.LiveBytes / 1048576.0:0.0} MB before, {open.LiveBytes / 1048576.0:0.0} MB with {options.Pages} open"));
    if (options.Dump is { } dump && typesBefore is not null)
    {
        heapTypes.Add((role, target.Name, typesBefore, await HeapProbe.TypesAsync(dump, processId, runFolder)));
    }

    var reloading = new List<double>(options.Reloads);
    foreach (var tab in tabs.Take(options.Reloads))
    {
        reloading.Add(await OpenPages.ReloadAsync(tab));
    }

    Console.WriteLine($"//   {reloading.Count} reloaded; closing");

    foreach (var tab in tabs)
    {
        await OpenPages.CloseAsync(tab);
    }

    await Task.Delay(2_000);
    var closed = await HeapProbe.ReadAfterFullGcAsync(processId);
    return new Result(role, target.Name, options.Pages, before, open, closed, opening, reloading);
}

string Report(List<Result> all)
{
    const double mb = 1024 * 1024;
    var text = new StringBuilder();
    text.AppendLine(culture, $"Circuit benchmark, {started:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores; /proc/loadavg before: {loadBefore}, after: {File.ReadAllText("/proc/loadavg").Trim()}");
    text.AppendLine(culture, $"Data: {NationalDataSet.OneYear.Institutions} institutions, {NationalBenchmarkDatabase.RouteCount} routes, {NationalBenchmarkDatabase.PupilCount} pupils; app: Release, Production, SQLite.");
    text.AppendLine();
    text.AppendLine("| who | page | open | live heap / circuit | heap / circuit | working set / circuit | live heap, 0 → N open → closed | to interactive p50 / p95 / max (opening 0…N−1 open) | p50 / p95 / max (reload, N open) |");
    text.AppendLine("|---|---|---:|---:|---:|---:|---|---|---|");
    foreach (var r in all)
    {
        string PerCircuit(Func<HeapReading, long> of) => ((of(r.Open) - of(r.Before)) / mb / r.Pages).ToString("0.00", culture) + " MB";
        string Times(List<double> ms) => ms.Count == 0 ? "–"
            : string.Create(culture, $"{Percentile(ms, 50):0} / {Percentile(ms, 95):0} / {ms.Max():0} ms");
        text.AppendLine(culture,
            $"| {r.Role} | {r.Page} | {r.Pages} | {PerCircuit(h => h.LiveBytes)} | {PerCircuit(h => h.HeapBytes)} | {PerCircuit(h => h.WorkingSetBytes)} | "
            + $"{r.Before.LiveBytes / mb:0} → {r.Open.LiveBytes / mb:0} → {r.Closed.LiveBytes / mb:0} MB | {Times(r.Opening)} | {Times(r.Reloading)} |");
    }

    foreach (var (role, page, typesBefore, typesOpen) in heapTypes)
    {
        // What one more open page adds, per type: (with N open − before) / N, the 40 types that grew most.
        text.AppendLine().AppendLine(culture, $"What one open {page} holds ({role}), by type: (heap dump with {options.Pages} open − before) / {options.Pages}, by dotnet-dump:");
        text.AppendLine().AppendLine("| type | objects / circuit | bytes / circuit |").AppendLine("|---|---:|---:|");
        var growth = typesOpen
            .Select(t => (Type: t.Key, Open: t.Value, Before: typesBefore.GetValueOrDefault(t.Key) ?? new HeapType(0, 0)))
            .Select(t => (t.Type, Count: (t.Open.Count - t.Before.Count) / (double)options.Pages, Bytes: (t.Open.Bytes - t.Before.Bytes) / (double)options.Pages))
            .OrderByDescending(t => t.Bytes)
            .ToList();
        foreach (var (type, count, bytes) in growth.Take(40))
        {
            text.AppendLine(culture, $"| `{type.Replace("|", "\\|", StringComparison.Ordinal)}` | {count:0.#} | {bytes:0} |");
        }

        text.AppendLine(culture, $"| all types ({growth.Count}) | {growth.Sum(t => t.Count):0} | {growth.Sum(t => t.Bytes):0} |");

        // The components (and their helper objects) an open page keeps, by how many: each component keeps its own state and
        // two render trees (current and previous) for as long as the page is open, so their number is what to cut.
        text.AppendLine().AppendLine(culture, $"Component types (and their helpers) one open {page} keeps ({role}), by objects per circuit:");
        text.AppendLine().AppendLine("| type | objects / circuit | bytes / circuit |").AppendLine("|---|---:|---:|");
        string[] componentNamespaces = ["MudBlazor.", "Microsoft.AspNetCore.Components.", "DoorlopendeLeerroutes.Web.Components."];
        foreach (var (type, count, bytes) in growth
                     .Where(t => t.Count >= 0.9 && componentNamespaces.Any(n => t.Type.StartsWith(n, StringComparison.Ordinal)))
                     .OrderByDescending(t => t.Count))
        {
            text.AppendLine(culture, $"| `{type.Replace("|", "\\|", StringComparison.Ordinal)}` | {count:0.#} | {bytes:0} |");
        }
    }

    return text.ToString();
}

static double Percentile(List<double> values, int percent)
{
    // Nearest rank: the smallest value with at least percent % of the values at or below it.
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
    return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
}

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "DoorlopendeLeerroutes.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the repository (DoorlopendeLeerroutes.sln not found above it).");
}

internal sealed record Result(
    string Role, string Page, int Pages, HeapReading Before, HeapReading Open, HeapReading Closed, List<double> Opening, List<double> Reloading);

internal sealed record Options(int Pages, int Reloads, string? Page, bool Coordinator, string? Output, string Browser, string? Dump)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            int.Parse(Value("--pages") ?? "100", CultureInfo.InvariantCulture),
            int.Parse(Value("--reloads") ?? "20", CultureInfo.InvariantCulture),
            Value("--page"),
            args.Contains("--coordinator"),
            Value("--out"),
            Environment.GetEnvironmentVariable("DLR_BROWSER") ?? "/usr/bin/chromium",
            Value("--dump"));
    }
}
