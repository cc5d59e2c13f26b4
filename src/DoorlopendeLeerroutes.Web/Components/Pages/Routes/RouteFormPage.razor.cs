using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Institutions;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;
using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Components.Pages.Routes;

/// <summary>The non-rendering part of <c>RouteFormPage</c>: state, loading and the answers to the user's clicks.</summary>
public sealed partial class RouteFormPage
{
    private RouteForm? _form;
    private MudForm? _mudForm;
    private Guid? _ownInstitution;
    private List<string> _errors = [];
    private List<string> _partnerErrors = [];
    private IReadOnlyList<SchoolYear> _years = [];
    private MudAutocomplete<InstitutionChoice>? _partnerSearch;
    private bool _saving;
    private bool _conflict;

    [Parameter]
    public Guid? Id { get; set; }

    private string Title => Id is null ? "Nieuwe leerroute" : "Leerroute wijzigen";

    protected override async Task OnParametersSetAsync()
    {
        var today = DutchTime.Today(Time.GetUtcNow().UtcDateTime);
        var current = SchoolYear.Containing(today);
        _years = SchoolYear.Selectable(today);
        _ownInstitution = Scope.User.InstitutionId;

        if (Id is { } id)
        {
            _form = await Details.LoadFormAsync(id);
            if (_form is null)
            {
                Navigation.NotFound();
            }

            return;
        }

        _form = new RouteForm { FirstSchoolYear = current.Next.ToString() };
        if (_ownInstitution is { } own && await Directory.FindAsync(own) is { } institution)
        {
            _form.Partners.Add(new PartnerLine { InstitutionId = institution.Id, Name = institution.Name, Brin = institution.Brin, Sector = institution.Sector });
        }
    }

    private async Task<IEnumerable<InstitutionChoice>> SearchPartnersAsync(string? text, CancellationToken cancellationToken)
    {
        var found = await Directory.SearchAsync(text, cancellationToken);
        return found.Where(i => _form?.Partners.All(p => p.InstitutionId != i.Id) ?? true);
    }

    private async Task AddPartner(InstitutionChoice? choice)
    {
        if (choice is null || _form is null || _form.Partners.Any(p => p.InstitutionId == choice.Id))
        {
            return;
        }

        _form.Partners.Add(new PartnerLine { InstitutionId = choice.Id, Name = choice.Name, Brin = choice.Brin, Sector = choice.Sector });
        CheckPartners();

        // The partner now stands in the table above; an empty search box says the next one can be looked up.
        if (_partnerSearch is not null)
        {
            await _partnerSearch.ClearAsync();
        }
    }

    private void RemovePartner(PartnerLine partner)
    {
        _form?.Partners.Remove(partner);
        CheckPartners();
    }

    // R-ROUTE-1 as the partner list changes, with the same validator the save uses.
    private void CheckPartners() =>
        _partnerErrors = Validator.Validate(
                FluentValidation.ValidationContext<RouteForm>.CreateWithOptions(_form!, o => o.IncludeProperties(nameof(RouteForm.Partners))))
            .Errors.Select(e => e.ErrorMessage).ToList();

    private bool _tracksTouched;

    // The leerwegen are a multiple choice, validated here with the same domain rules (R-ROUTE-3) as the other fields.
    private List<string> TrackErrors => _form is null || !_tracksTouched
        ? []
        : _form.ToDefinition().Errors
            .Where(e => _form!.PropertyOf(e) == nameof(RouteForm.Tracks)).Select(e => e.Message).ToList();

    private void TracksChanged(IReadOnlyCollection<Track> tracks)
    {
        _form!.Tracks = tracks;
        _tracksTouched = true;
    }

    private async Task SaveAsync()
    {
        if (_form is null || _mudForm is null || _saving)
        {
            return;
        }

        // Set before anything is awaited: a second click while checking must not create a second route.
        _saving = true;
        try
        {
            await SaveCheckedAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task SaveCheckedAsync()
    {
        await _mudForm!.ValidateAsync();
        _tracksTouched = true;
        var partners = await Validator.ValidateAsync(
            FluentValidation.ValidationContext<RouteForm>.CreateWithOptions(_form!, o => o.IncludeProperties(nameof(RouteForm.Partners))));
        _partnerErrors = partners.Errors.Select(e => e.ErrorMessage).ToList();
        if (!_mudForm.IsValid || _partnerErrors.Count > 0 || TrackErrors.Count > 0)
        {
            return;
        }

        if (Id is { } id)
        {
            var edited = await Edit.ExecuteAsync(id, _form!);
            if (edited.IsFailure)
            {
                // The form stays as the user filled it: nothing typed is lost, also on a conflict.
                _errors = edited.Errors.Select(e => e.Message).ToList();
                _conflict = edited.HasError(Application.Common.CommonErrors.ConcurrencyConflict.Code);
                return;
            }

            Snackbar.Add("De leerroute is gewijzigd. De partners bevestigen hun deelname opnieuw.", Severity.Success);
            Navigation.NavigateTo($"leerroutes/{id}");
            return;
        }

        var created = await Create.ExecuteAsync(_form!);
        if (created.IsFailure)
        {
            _errors = created.Errors.Select(e => e.Message).ToList();
            return;
        }

        Snackbar.Add("De leerroute is aangemaakt. Voeg de overeenkomst toe en bevestig de deelname.", Severity.Success);
        Navigation.NavigateTo($"leerroutes/{created.Value}");
    }

    /// <summary>
    /// After a conflict: take the newest version as the base and keep everything typed, so the user can compare with the
    /// route page (opened in a new tab) and save their own input deliberately.
    /// </summary>
    private async Task UseNewestVersionAsync()
    {
        if (Id is { } id && _form is not null && await Details.ExecuteAsync(id) is { } newest)
        {
            _form.Version = newest.Version;
            _conflict = false;
            _errors = ["De nieuwste versie is nu de basis. Je eigen invoer staat er nog; controleer en sla opnieuw op."];
        }
    }
}
