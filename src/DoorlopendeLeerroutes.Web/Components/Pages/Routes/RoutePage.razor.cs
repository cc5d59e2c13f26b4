using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Components.Routes;
using MudBlazor;
using System.Globalization;
using static DoorlopendeLeerroutes.Web.Components.Shared.DutchLabels;

namespace DoorlopendeLeerroutes.Web.Components.Pages.Routes;

/// <summary>The non-rendering part of <c>RoutePage</c>: state, loading and the answers to the user's clicks.</summary>
public sealed partial class RoutePage
{
    private RouteDetails? _route;
    private RoutePupilList? _pupilList;
    private int _tab;
    private bool? _transferOptionHint;
    private bool _busy;
    private bool _showUpload;
    [Parameter]
    public Guid Id { get; set; }

    /// <summary>The tab to open with, from a link such as the start page's tasks (R-TASK-1): <c>leerlingen</c> or <c>rio</c>.</summary>
    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _tab = OpeningTab(_route, Tab) ?? _tab;
    }

    /// <summary>The index of the named tab, when the route shows it: Gegevens 0, Leerlingen 1, RIO 2 (both only on registered versions).</summary>
    private static int? OpeningTab(RouteDetails? route, string? tab) => (route?.Status, tab) switch
    {
        (RouteStatus.Registered or RouteStatus.Superseded or RouteStatus.Ended, "leerlingen") => 1,
        (RouteStatus.Registered, "rio") => 2,
        _ => null,
    };

    private async Task LoadAsync()
    {
        _route = await Query.ExecuteAsync(Id);
        if (_route is null)
        {
            // Another institution's route and a route that does not exist look the same (R-ACCESS-1).
            Navigation.NotFound();
            return;
        }

        // The reviewer's hint (not a rule): does the PDF's text mention the overstapoptie? Learned once at upload and
        // stored with the agreement version; the page never reads the PDF.
        _transferOptionHint = _route.Actions.CanReview ? (_route.Agreements.Count > 0 ? _route.Agreements[0].MentionsTransferOption : null) : null;
    }

    private async Task ActAsync(RouteAction action)
    {
        if (_route is null || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            // The page asks what the action needs; the Application layer acts.
            var answers = await AnswersAsync(action);
            if (answers is null)
            {
                return;
            }

            var result = await Perform.ExecuteAsync(Id, _route.Version, action, answers);
            if (result.IsSuccess && result.Value.ContinueOnRoute is { } next)
            {
                Snackbar.Add(result.Value.Message, Severity.Success);
                Navigation.NavigateTo($"leerroutes/{next}/wijzigen");
                return;
            }

            Report(result);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The answers the action needs, or null when the user cancelled.</summary>
    private async Task<RouteActionAnswers?> AnswersAsync(RouteAction action)
    {
        switch (PerformRouteAction.QuestionFor(action))
        {
            case RouteActionQuestion.Reason:
                var rejection = await AskAsync("Leerroute afwijzen", "Waarom wijs je deze leerroute af? De partners zien de reden.", "Afwijzen", askDate: false);
                return rejection is null ? null : new RouteActionAnswers(rejection.Reason);
            case RouteActionQuestion.ReasonAndDate:
                var ending = await AskAsync("Leerroute beëindigen", "Vanaf welke datum stopt deze leerroute, en waarom?", "Beëindigen", askDate: true);
                return ending?.Date is { } endDate ? new RouteActionAnswers(ending.Reason, endDate) : null;
            case RouteActionQuestion.Confirmation:
                var sure = await Dialogs.ShowMessageBoxAsync("Intrekken", "Deze leerroute wordt niet ingediend en verdwijnt uit de lijst.", yesText: "Intrekken", cancelText: "Annuleren");
                return sure == true ? RouteActionAnswers.None : null;
            default:
                return RouteActionAnswers.None;
        }
    }

    private async Task AgreementAddedAsync()
    {
        _showUpload = false;
        Snackbar.Add("De overeenkomst is toegevoegd.", Severity.Success);
        await LoadAsync();
    }

    private async Task PupilsImportedAsync()
    {
        await LoadAsync();
        if (_pupilList is not null)
        {
            await _pupilList.ReloadAsync(); // the list shows the imported pupils and phases at once
        }
    }

    private async Task<ReasonDialog.ReasonAnswer?> AskAsync(string title, string explanation, string confirm, bool askDate)
    {
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(title, new DialogParameters<ReasonDialog>
        {
            { d => d.Explanation, explanation }, { d => d.ConfirmText, confirm }, { d => d.AskDate, askDate },
        });
        var answer = await dialog.Result;
        return answer is { Canceled: false, Data: ReasonDialog.ReasonAnswer reason } ? reason : null;
    }

    private void Report(Result<RouteActionOutcome> result)
    {
        if (result.IsSuccess)
        {
            Snackbar.Add(result.Value.Message, Severity.Success);
            return;
        }

        foreach (var error in result.Errors)
        {
            Snackbar.Add(error.Message, Severity.Error);
        }
    }
}
