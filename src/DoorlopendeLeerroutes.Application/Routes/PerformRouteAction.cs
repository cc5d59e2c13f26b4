namespace DoorlopendeLeerroutes.Application.Routes;

/// <summary>The buttons of the route page's action panel (docs/domain.md §4), one use case each.</summary>
public enum RouteAction
{
    Confirm,
    Submit,
    Register,
    Reject,
    NewVersion,
    End,
    Withdraw,
}

/// <summary>What the user must answer before an action runs; the page asks, the action checks the answer.</summary>
public enum RouteActionQuestion
{
    None,

    /// <summary>Only "are you sure?".</summary>
    Confirmation,
    Reason,
    ReasonAndDate,
}

/// <summary>The user's answers to <see cref="RouteActionQuestion"/>.</summary>
public sealed record RouteActionAnswers(string? Reason = null, DateOnly? Date = null)
{
    public static readonly RouteActionAnswers None = new();
}

/// <summary>What an action did: for a new version, the route the user continues on.</summary>
public sealed record RouteActionOutcome(string Message, Guid? ContinueOnRoute = null);

/// <summary>
/// One entry for every action of the route page (and of the API): the page renders the panel and asks the questions,
/// this runs the action's use case and says what happened. Each use case keeps its own rules (RouteWork, the Route
/// aggregate). Once a registration or rejection is saved, the partners' coordinators get an e-mail (issue 15).
/// </summary>
public sealed class PerformRouteAction(
    ConfirmParticipation confirm, SubmitRoute submit, RegisterRoute register, RejectRoute reject, StartNewRouteVersion newVersion,
    EndRoute end, WithdrawRoute withdraw, Notifications.RouteNotices notices)
{
    public static RouteActionQuestion QuestionFor(RouteAction action) => action switch
    {
        RouteAction.Reject => RouteActionQuestion.Reason,
        RouteAction.End => RouteActionQuestion.ReasonAndDate,
        RouteAction.Withdraw => RouteActionQuestion.Confirmation,
        _ => RouteActionQuestion.None,
    };

    public async Task<Result<RouteActionOutcome>> ExecuteAsync(
        Guid routeId, Guid version, RouteAction action, RouteActionAnswers answers, CancellationToken cancellationToken = default)
    {
        if (action == RouteAction.NewVersion)
        {
            var next = await newVersion.ExecuteAsync(routeId, version, cancellationToken);
            return next.IsSuccess
                ? Result<RouteActionOutcome>.Success(new RouteActionOutcome(
                    "Een nieuwe versie is gestart; de geregistreerde versie blijft gelden.", next.Value))
                : Result<RouteActionOutcome>.Failure(next.Errors);
        }

        var result = action switch
        {
            RouteAction.Confirm => await confirm.ExecuteAsync(routeId, version, cancellationToken),
            RouteAction.Submit => await submit.ExecuteAsync(routeId, version, cancellationToken),
            RouteAction.Register => await register.ExecuteAsync(routeId, version, cancellationToken),
            RouteAction.Reject => await reject.ExecuteAsync(routeId, version, answers.Reason, cancellationToken),
            RouteAction.End when answers.Date is { } endDate => await end.ExecuteAsync(routeId, version, endDate, answers.Reason, cancellationToken),
            RouteAction.End => Result.Failure(RouteErrors.EndDateRequired),
            RouteAction.Withdraw => await withdraw.ExecuteAsync(routeId, version, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a route action."),
        };
        if (result.IsFailure)
        {
            return Result<RouteActionOutcome>.Failure(result.Errors);
        }

        // After the save: the notices are queued, never awaited on the mail server, and never fail the action.
        if (action == RouteAction.Register)
        {
            await notices.RouteRegisteredAsync(routeId, cancellationToken);
        }
        else if (action == RouteAction.Reject)
        {
            await notices.RouteRejectedAsync(routeId, cancellationToken);
        }

        return Result<RouteActionOutcome>.Success(new RouteActionOutcome(SuccessMessage(action)), result.Warnings);
    }

    private static string SuccessMessage(RouteAction action) => action switch
    {
        RouteAction.Confirm => "Je hebt de deelname van je instelling bevestigd.",
        RouteAction.Submit => "De leerroute is ingediend bij de beheerder.",
        RouteAction.Register => "De leerroute is geregistreerd.",
        RouteAction.Reject => "De leerroute is afgewezen; de partners zien de reden.",
        RouteAction.End => "De leerroute is beëindigd.",
        RouteAction.Withdraw => "De leerroute is ingetrokken.",
        _ => "Gelukt.",
    };
}
