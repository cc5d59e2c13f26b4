using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DoorlopendeLeerroutes.Benchmarks;

// In process (no generated project to build per benchmark: quicker and works offline), as a cold single call each
// iteration (Monitoring): a count or an import is one user action, not a hot loop. 2 warm-ups, 10 measured iterations.
var config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(10))
    .AddColumn(StatisticColumn.Max)
    .WithOptions(ConfigOptions.JoinSummary);

// `-- probe`: one timed run of the national count's actions, to check a change quickly before a full run.
if (args is ["probe", ..])
{
    await NationalCountProbe.RunAsync();
    return;
}

BenchmarkSwitcher.FromTypes([typeof(CountBenchmarks), typeof(ImportBenchmarks), typeof(PdfInspectionBenchmarks), typeof(MonitorBenchmarks), typeof(RouteFinderBenchmarks), typeof(NationalCountBenchmarks)]).Run(args, config);
