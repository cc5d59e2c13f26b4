using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Web.Observability;
using DoorlopendeLeerroutes.Web.Tests.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DoorlopendeLeerroutes.Web.Tests.Observability;

/// <summary>
/// Issue 17, observability: the app's own instruments record the count, the import and the open circuits; OpenTelemetry
/// exports by OTLP only when an endpoint is configured; every request's log lines carry the correlation id and trace id.
/// </summary>
public sealed partial class TelemetryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_count_records_its_duration_and_a_span()
    {
        using var recorder = new Recorder();
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);

        using var response = await client.GetAsync($"/teldatum/{SchoolYears.LastCounted}/export.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(recorder.Measurements, m => m.Name == AppTelemetry.CountDurationName && m.Value > 0
                                                    && Equals(m.Tags["dlr.count.kind"], "export"));
        Assert.Contains(recorder.Spans, s => s.OperationName == "dlr.count" && Equals(s.GetTagItem("dlr.count.kind"), "export"));
    }

    [Fact]
    public async Task The_import_records_the_duration_of_both_steps_and_the_rows_it_stored()
    {
        using var recorder = new Recorder();
        var kit = new ImportKit(app);
        var route = await kit.NewRouteAsync("Telemetrieroute");
        var file = ImportKit.File(
            ImportKit.Row(ImportKit.NewNumber()), ImportKit.Row(ImportKit.NewNumber()), ImportKit.Row(ImportKit.NewNumber(), phase: "mbo"));

        var (_, outcome) = await kit.ImportAsync(route, file);

        Assert.Equal(3, outcome.Totals.New);
        foreach (var step in new[] { "preview", "confirm" })
        {
            Assert.Contains(recorder.Measurements, m => m.Name == AppTelemetry.ImportDurationName && m.Value > 0
                                                        && Equals(m.Tags["dlr.import.step"], step));
            Assert.Contains(recorder.Spans, s => s.OperationName == "dlr.import." + step);
        }

        Assert.Contains(recorder.Measurements, m => m.Name == AppTelemetry.RowsImportedName && m.Value == 3
                                                    && Equals(m.Tags["dlr.import.status"], "new"));
    }

    [Fact]
    public async Task The_circuit_handler_counts_open_circuits()
    {
        using var recorder = new Recorder();
        var handler = new OpenCircuits();

        await handler.OnCircuitOpenedAsync(null!, Ct);
        await handler.OnCircuitOpenedAsync(null!, Ct);
        await handler.OnCircuitClosedAsync(null!, Ct);

        var changes = recorder.Measurements.Where(m => m.Name == AppTelemetry.CircuitsOpenName).Select(m => m.Value).ToList();
        Assert.Equal(new double[] { 1, 1, -1 }, changes);
        Assert.Equal(1, changes.Sum());
    }

    [Fact]
    public void Without_an_endpoint_no_OpenTelemetry_provider_or_exporter_is_registered()
    {
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_traces_and_metrics_are_collected_for_OTLP()
    {
        await using var configured = app.WithWebHostBuilder(b => b.UseSetting(Telemetry.EndpointKey, "http://127.0.0.1:4317"));

        Assert.NotNull(configured.Services.GetService<TracerProvider>());
        Assert.NotNull(configured.Services.GetService<MeterProvider>());
        Assert.True(AppTelemetry.Source.HasListeners());
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://collector:4317", null, true)]
    [InlineData(null, "http://collector:4318", true)]
    [InlineData(" ", "", false)]
    public void OTLP_is_on_with_either_the_app_setting_or_the_standard_variable(string? own, string? standard, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Telemetry.EndpointKey] = own,
            [Telemetry.StandardEndpointKey] = standard,
        }).Build();

        Assert.Equal(expected, Telemetry.IsConfigured(configuration));
    }

    [Fact]
    public async Task Every_request_log_line_carries_the_correlation_id_and_the_trace_id()
    {
        using var response = await app.AnonymousClient().GetAsync("/account/login", Ct);
        var id = response.Headers.GetValues(CorrelationId.Header).Single();

        var lines = (await app.ReadLogAsync()).Split('\n').Where(l => l.Contains($"\"CorrelationId\":\"{id}\"", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(TraceId(), l));
    }

    [GeneratedRegex("\"TraceId\":\"[0-9a-f]{32}\"")]
    private static partial Regex TraceId();

    /// <summary>Listens to the app's own meter and activity source while a test runs.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _meters = new();
        private readonly ActivityListener _spans;

        public Recorder()
        {
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AppTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
            _meters.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
            _meters.Start();
            _spans = new ActivityListener
            {
                ShouldListenTo = source => source.Name == AppTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = Spans.Add,
            };
            ActivitySource.AddActivityListener(_spans);
        }

        public ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

        public ConcurrentBag<Activity> Spans { get; } = [];

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            Measurements.Enqueue((instrument.Name, value, copy));
        }

        public void Dispose()
        {
            _meters.Dispose();
            _spans.Dispose();
        }
    }
}
