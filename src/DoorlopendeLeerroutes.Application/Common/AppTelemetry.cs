using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>
/// The app's own traces and metrics, all in one place (issue 17): one <see cref="ActivitySource"/> and one
/// <see cref="Meter"/>, both named <see cref="Name"/>. OpenTelemetry exports them only when OTLP is configured
/// (Web/Observability/Telemetry.cs); without a listener an instrument or a span costs a flag check. No tag ever holds
/// personal data: only kinds and steps.
/// </summary>
public static class AppTelemetry
{
    /// <summary>The name of the activity source and the meter, as OpenTelemetry subscribes to them.</summary>
    public const string Name = "DoorlopendeLeerroutes";

    public const string CountDurationName = "dlr.count.duration";
    public const string ImportDurationName = "dlr.import.duration";
    public const string RowsImportedName = "dlr.import.rows";
    public const string CircuitsOpenName = "dlr.circuits.open";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> CountDuration = Meter.CreateHistogram<double>(
        CountDurationName, "s", "How long one count (1 October, R-COUNT-*) took: reading and calculating.");

    private static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>(
        ImportDurationName, "s", "How long one step of a pupil import (preview or confirm) took.");

    private static readonly Counter<long> RowsImported = Meter.CreateCounter<long>(
        RowsImportedName, "{row}", "Rows of pupil imports stored, by what they did (new, phase_change, track_change, unchanged).");

    private static readonly UpDownCounter<long> CircuitsOpen = Meter.CreateUpDownCounter<long>(
        CircuitsOpenName, "{circuit}", "Blazor Server circuits (open interactive pages) held by this instance.");

    /// <summary>Times one count and spans it as <c>dlr.count</c>; <paramref name="kind"/> says which variant.</summary>
    public static Measurement MeasureCount(string kind) =>
        new(CountDuration, Source.StartActivity("dlr.count"), new KeyValuePair<string, object?>("dlr.count.kind", kind));

    /// <summary>Times one step of a pupil import and spans it as <c>dlr.import.{step}</c>.</summary>
    public static Measurement MeasureImport(string step) =>
        new(ImportDuration, Source.StartActivity("dlr.import." + step), new KeyValuePair<string, object?>("dlr.import.step", step));

    /// <summary>The rows a confirmed import stored, by what they did.</summary>
    public static void RecordRowsImported(int created, int phaseChanges, int trackChanges, int unchanged)
    {
        if (!RowsImported.Enabled)
        {
            return;
        }

        RowsImported.Add(created, new KeyValuePair<string, object?>("dlr.import.status", "new"));
        RowsImported.Add(phaseChanges, new KeyValuePair<string, object?>("dlr.import.status", "phase_change"));
        RowsImported.Add(trackChanges, new KeyValuePair<string, object?>("dlr.import.status", "track_change"));
        RowsImported.Add(unchanged, new KeyValuePair<string, object?>("dlr.import.status", "unchanged"));
    }

    public static void CircuitOpened() => CircuitsOpen.Add(1);

    public static void CircuitClosed() => CircuitsOpen.Add(-1);

    /// <summary>A running span and timer; disposing it ends the span and records the duration in seconds.</summary>
    public readonly struct Measurement : IDisposable
    {
        private readonly Histogram<double> _histogram;
        private readonly KeyValuePair<string, object?> _tag;
        private readonly long _started;

        internal Measurement(Histogram<double> histogram, Activity? activity, KeyValuePair<string, object?> tag)
        {
            _histogram = histogram;
            _tag = tag;
            _started = Stopwatch.GetTimestamp();
            Activity = activity;
            activity?.SetTag(tag.Key, tag.Value);
        }

        /// <summary>The span, or null when nobody listens.</summary>
        public Activity? Activity { get; }

        public void Dispose()
        {
            if (_histogram.Enabled)
            {
                _histogram.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, _tag);
            }

            Activity?.Dispose();
        }
    }
}
