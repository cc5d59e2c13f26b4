using Bunit;
using DoorlopendeLeerroutes.Web.Components.Shared;
using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>Issue 12, item 5: every grid's pager speaks Dutch through one component.</summary>
public sealed class DutchPagerTests : ComponentTestContext
{
    [Fact]
    public void The_pager_of_a_grid_shows_its_rows_per_page_and_position_in_Dutch()
    {
        Render<MudPopoverProvider>();

        var cut = Render<MudDataGrid<int>>(p => p
            .Add(g => g.Items, Enumerable.Range(1, 30).ToList())
            .Add(g => g.RowsPerPage, 25)
            .Add(g => g.PagerContent, builder =>
            {
                builder.OpenComponent<DutchPager<int>>(0);
                builder.CloseComponent();
            }));

        Assert.Contains(DutchPager<int>.RowsPerPage, cut.Markup, StringComparison.Ordinal);
        Assert.Contains("1–25 van 30", cut.Markup, StringComparison.Ordinal);
    }
}
