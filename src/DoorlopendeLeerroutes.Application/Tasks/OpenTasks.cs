namespace DoorlopendeLeerroutes.Application.Tasks;

/// <summary>
/// What an open task asks someone to do (R-TASK-1). The start page and the weekly e-mail digest show the same list, so
/// both word a kind the same way.
/// </summary>
public enum OpenTaskKind
{
    /// <summary>Coordinator: a draft route waits for the own institution's confirmation of participation (R-ROUTE-8).</summary>
    ConfirmRoute = 1,

    /// <summary>Coordinator: a rejected route of the own institution to correct (or withdraw).</summary>
    CorrectRejectedRoute = 2,

    /// <summary>Coordinator: a registered route on which a partner has not confirmed its RIO registration (R-RIO-1).</summary>
    ConfirmRioRegistration = 3,

    /// <summary>Coordinator, before 1 October: pupils of the own institution with no phase on the count date.</summary>
    PupilsWithoutPhase = 4,

    /// <summary>Coordinator, before 1 October: pupils whose phase differs from the expected one (R-PUPIL-5).</summary>
    PupilsWithUnexpectedPhase = 5,

    /// <summary>Administrator: a submitted route waits for review.</summary>
    ReviewRoute = 6,

    /// <summary>Administrator: a submitted route waits for review longer than 14 days.</summary>
    ReviewOverdue = 7,
}

/// <summary>
/// One thing to do: a Dutch sentence that names the route (never a pupil), the app-relative link to the place where it
/// is done (for example <c>leerroutes/{id}</c>), and – for work due on the count date – that date and the days left.
/// </summary>
public sealed record OpenTask(
    OpenTaskKind Kind,
    string Text,
    string Link,
    DateOnly? Deadline = null,
    int? DaysLeft = null);

/// <summary>A person's open tasks, most urgent first; empty means nothing needs doing.</summary>
public sealed record OpenTaskList(IReadOnlyList<OpenTask> Tasks)
{
    public bool IsEmpty => Tasks.Count == 0;
}

/// <summary>
/// The open tasks of any given person, applying the same access rules as their own pages (R-ACCESS-1), for code that
/// runs without that person signed in – the weekly digest (issue 15). Pages use the query for the current user.
/// </summary>
public interface IOpenTasks
{
    Task<OpenTaskList> ForAsync(UserContext user, CancellationToken cancellationToken = default);
}
