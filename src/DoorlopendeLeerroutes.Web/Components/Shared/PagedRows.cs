using DoorlopendeLeerroutes.Application.Common;

namespace DoorlopendeLeerroutes.Web.Components.Shared;

/// <summary>
/// The one page of rows a list page shows, loaded from the server page by page: the page keeps only these rows (issue 17:
/// open pages stay light). A new load cancels the one still running, so a slow answer to an old filter never replaces the
/// answer to the new one. Pair it with a plain table and <see cref="SlicePager"/>.
/// </summary>
public sealed class PagedRows<T>(Func<PageRequest, CancellationToken, Task<PagedResult<T>>> load, int pageSize = 25) : IDisposable
{
    private CancellationTokenSource? _loading;

    /// <summary>The page shown, from 0.</summary>
    public int Page { get; private set; }

    public int PageSize { get; private set; } = pageSize;

    /// <summary>The rows of the page shown; empty until the first load.</summary>
    public IReadOnlyList<T> Items { get; private set; } = [];

    /// <summary>Rows in all pages together.</summary>
    public int Total { get; private set; }

    /// <summary>False until the first load has answered (e.g. while the page is prerendered).</summary>
    public bool Loaded { get; private set; }

    /// <summary>Loads the first page again, e.g. after a filter changed.</summary>
    public Task ReloadAsync() => ShowAsync(0);

    public Task ShowAsync(int page)
    {
        Page = Math.Max(0, page);
        return LoadAsync();
    }

    public Task ChangePageSizeAsync(int pageSize)
    {
        PageSize = Math.Clamp(pageSize, 1, PageRequest.MaxPageSize);
        return ShowAsync(0);
    }

    // Cancelled, not disposed: a source without a timer holds nothing to free, and a load still running keeps using its token.
    public void Dispose() => _loading?.Cancel();

    private async Task LoadAsync()
    {
        _loading?.Cancel();
        var loading = _loading = new CancellationTokenSource();
        try
        {
            var result = await load(new PageRequest(Page, PageSize), loading.Token);
            if (!loading.IsCancellationRequested)
            {
                (Items, Total, Loaded) = (result.Items, result.TotalItems, true);
            }
        }
        catch (OperationCanceledException) when (loading.IsCancellationRequested)
        {
            // A newer load (or leaving the page) replaced this one; its answer no longer matters.
        }
    }
}
