namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>A clock a test can move forward, to test session limits without waiting hours, or set to a fixed moment.</summary>
public sealed class MovableClock : TimeProvider
{
    private DateTimeOffset _now;

    public MovableClock()
        : this(DateTimeOffset.UtcNow)
    {
    }

    public MovableClock(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    /// <summary>Moves the clock to <paramref name="moment"/>; only forward, as time goes.</summary>
    public void MoveTo(DateTimeOffset moment)
    {
        if (moment < _now)
        {
            throw new InvalidOperationException("The clock only moves forward.");
        }

        _now = moment;
    }
}
