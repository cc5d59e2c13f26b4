using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// When the person last did something in an open page (a click, a keystroke). The circuit's revalidation uses it to
/// apply the 30-minute idle limit to pages left open, as the cookie does for page loads.
/// </summary>
public sealed class CircuitActivity(TimeProvider time)
{
    public DateTime LastActivityUtc { get; private set; } = time.GetUtcNow().UtcDateTime;

    public void Touch() => LastActivityUtc = time.GetUtcNow().UtcDateTime;

    public bool IsIdle => time.GetUtcNow().UtcDateTime - LastActivityUtc > SessionPolicy.IdleTimeout;

    /// <summary>Records every inbound circuit event (UI events, JS calls) as activity.</summary>
    internal sealed class Tracker(CircuitActivity activity) : CircuitHandler
    {
        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
            Func<CircuitInboundActivityContext, Task> next) =>
            context =>
            {
                activity.Touch();
                return next(context);
            };
    }
}
