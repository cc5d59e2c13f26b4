using System.Diagnostics;

namespace DoorlopendeLeerroutes.EndToEnd.Tests.Support;

/// <summary>
/// The app's clock during the journey: it starts on a chosen moment and runs on in real time from there, so the
/// journey is the same whatever day it runs (pupils enrolled in September, counted on 1 October). A test can jump it
/// forward, as the calendar would between two visits.
/// </summary>
public sealed class JourneyClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _jumpedTicks;

    public override DateTimeOffset GetUtcNow() =>
        start + Stopwatch.GetElapsedTime(_startedAt) + TimeSpan.FromTicks(Interlocked.Read(ref _jumpedTicks));

    /// <summary>Moves the clock forward to <paramref name="moment"/>; time never runs backwards.</summary>
    public void JumpTo(DateTimeOffset moment)
    {
        var by = moment - GetUtcNow();
        if (by < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The clock is already past {moment:O}.");
        }

        Interlocked.Add(ref _jumpedTicks, by.Ticks);
    }
}
