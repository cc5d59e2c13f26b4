namespace DoorlopendeLeerroutes.Domain.Routes;

/// <summary>What happened to a route, shown as its history on the route page (docs/domain.md §4.3).</summary>
public enum RouteEvent
{
    Created = 1,
    Edited = 2,
    ParticipationConfirmed = 3,
    AgreementAdded = 4,
    Submitted = 5,
    Registered = 6,
    Rejected = 7,
    Ended = 8,
    NewVersionStarted = 9,
    Superseded = 10,
    Withdrawn = 11,

    /// <summary>R-RIO-1: a partner confirmed it registered the route in RIO (the history line names the partner).</summary>
    ReportedInRio = 12,
}

/// <summary>One line of a route's history: who did what, when, and why (for rejecting and ending).</summary>
public sealed class RouteHistoryEntry : Entity
{
    internal RouteHistoryEntry(
        RouteEvent @event, RouteStatus statusAfter, Guid userId, DateTime atUtc, string? reason, Guid? institutionId)
        : base(Guid.NewGuid())
    {
        Event = @event;
        StatusAfter = statusAfter;
        UserId = userId;
        At = atUtc;
        Reason = reason;
        InstitutionId = institutionId;
    }

    // For EF Core.
    private RouteHistoryEntry()
        : base(Guid.Empty)
    {
    }

    public RouteEvent Event { get; private set; }

    public RouteStatus StatusAfter { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime At { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The partner institution on whose behalf it was done (confirmations), if any.</summary>
    public Guid? InstitutionId { get; private set; }
}
