using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Institutions;
using MudBlazor;
using static DoorlopendeLeerroutes.Web.Components.Shared.DutchLabels;

namespace DoorlopendeLeerroutes.Web.Components.Routes;

/// <summary>The non-rendering part of <c>PupilImportPanel</c>: state, loading and the answers to the user's clicks.</summary>
public sealed partial class PupilImportPanel
{
    /// <summary>The list shows this many errors; the count above it is always exact.</summary>
    public const int MaxErrorsShown = 200;

    private PupilImportPreview? _preview;
    private ITimer? _release;
    private IReadOnlyList<PupilImportError> _errors = [];
    private PupilImportProgress? _progress;
    private string? _result;
    private bool _busy;
    private int _inputKey;
    private Guid? _vo;
    private Guid? _mbo;

    [Parameter, EditorRequired]
    public Guid RouteId { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<PartnerView> Partners { get; set; } = [];

    /// <summary>Pupils were stored: the page shows its pupil list again.</summary>
    [Parameter]
    public EventCallback OnImported { get; set; }

    protected override void OnParametersSet()
    {
        _vo ??= Default(Sector.Vo);
        _mbo ??= Default(Sector.Mbo);
    }

    private bool Choosing(Sector sector) => Partners.Count(p => p.Sector == sector) > 1;

    // As on the enrolment form: the user's own institution, or the only partner of that kind.
    private Guid? Default(Sector sector) => PartnerView.DefaultIn(Partners, sector);

    private string Name(Guid? id) => Partners.FirstOrDefault(p => p.InstitutionId == id)?.Name ?? string.Empty;

    private async Task ChooseAsync(InputFileChangeEventArgs e)
    {
        if (_busy)
        {
            return;
        }

        Clear();
        if (e.File.Size > PupilImportFormat.MaxBytes)
        {
            // Checked before anything is read: the browser does not send a byte of it.
            _errors = [PupilImportError.ForFile(PupilImportErrors.FileTooLarge)];
            return;
        }

        _busy = true;
        try
        {
            await using var content = e.File.OpenReadStream(maxAllowedSize: PupilImportFormat.MaxBytes);
            var preview = await Import.PreviewAsync(RouteId, content, new PupilImportChoice(_vo, _mbo), new Progress<PupilImportProgress>(Show));
            if (preview.HasErrors)
            {
                _errors = preview.Errors;
            }
            else
            {
                _preview = preview;
                ReleaseLater(preview);
            }
        }
        finally
        {
            _busy = false;
            _progress = null;
            _inputKey++; // a fresh input, so choosing the same file again is seen as a new choice
        }
    }

    private async Task ConfirmAsync()
    {
        if (_busy || _preview is not { CanConfirm: true } preview)
        {
            return; // a second click while importing does nothing
        }

        _busy = true;
        try
        {
            var outcome = await Import.ConfirmAsync(preview, new Progress<PupilImportProgress>(Show));
            _preview = null;
            if (!outcome.IsSuccess)
            {
                _errors = outcome.Errors;
                return;
            }

            _result = outcome.Totals.Summary() + ".";
            await OnImported.InvokeAsync();
        }
        finally
        {
            _busy = false;
            _progress = null;
        }
    }

    private void Cancel() => Clear();

    /// <summary>
    /// The preview holds the file's full pupil numbers; a forgotten tab must not keep them in the server's memory, so it
    /// is dropped after <see cref="PupilImportPreview.Lifetime"/> (the use case refuses an older one anyway).
    /// </summary>
    private void ReleaseLater(PupilImportPreview preview)
    {
        _release?.Dispose();
        _release = Time.CreateTimer(
            _ => _ = InvokeAsync(() =>
            {
                if (ReferenceEquals(_preview, preview) && !_busy)
                {
                    Clear();
                    _errors = [PupilImportError.ForFile(PupilImportErrors.PreviewExpired)];
                    StateHasChanged();
                }
            }),
            null, PupilImportPreview.Lifetime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _release?.Dispose();

    private void Clear()
    {
        _release?.Dispose();
        _release = null;
        _preview = null;
        _errors = [];
        _result = null;
    }

    private void Show(PupilImportProgress progress)
    {
        _progress = progress;
        StateHasChanged();
    }

    private double? Percent => _progress is { Total: > 0 } p ? 100.0 * p.Done / p.Total : null;

    private string ProgressText => _progress switch
    {
        { Stage: PupilImportStage.Checking, Total: > 0 } p => $"Regel {N(p.Done)} van {N(p.Total)} gecontroleerd",
        { Stage: PupilImportStage.Storing } p => $"{N(p.Total)} wijzigingen worden opgeslagen…",
        _ => "Het bestand wordt gelezen…",
    };

    private static string N(int value) => Number(value);

    private static string StatusText(PupilImportStatus status) => status switch
    {
        PupilImportStatus.New => "nieuw",
        PupilImportStatus.PhaseChange => "fasewijziging",
        PupilImportStatus.TrackChange => "leerwegwijziging",
        _ => "ongewijzigd",
    };
}
