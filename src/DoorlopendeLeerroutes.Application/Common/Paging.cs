namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>A page of a list; pages are counted from 0, as MudBlazor's grids do.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public int Skip => Math.Max(0, Page) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>One page of items and the total number of items in the whole list.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalItems);
