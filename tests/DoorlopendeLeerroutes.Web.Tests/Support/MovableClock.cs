namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>A clock a test can move forward, to test session limits without waiting hours.</summary>
public sealed class MovableClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
