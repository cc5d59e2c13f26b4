using Bunit;
using DoorlopendeLeerroutes.Web.Components.Shared;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>Issue 17: the pager under the plain tables of the pages that stay open (route list, count) speaks Dutch and stays in range.</summary>
public sealed class SlicePagerTests : ComponentTestContext
{
    [Fact]
    public void The_pager_shows_the_position_and_its_buttons_go_to_the_first_previous_next_and_last_page()
    {
        var pages = new List<int>();
        var cut = Render<SlicePager>(p => p
            .Add(s => s.Page, 1)
            .Add(s => s.PageSize, 25)
            .Add(s => s.Total, 1_500)
            .Add(s => s.TestId, "route-list-pager")
            .Add(s => s.PageChanged, page => pages.Add(page)));

        Assert.Contains("26–50 van 1.500", cut.Markup, StringComparison.Ordinal);
        foreach (var label in new[] { "Eerste pagina", "Vorige pagina", "Volgende pagina", "Laatste pagina" })
        {
            cut.Find($"button[aria-label='{label}']").Click();
        }

        Assert.Equal([0, 0, 2, 59], pages);
        Assert.Empty(cut.FindAll("select")); // no page sizes asked for
    }

    [Fact]
    public void On_the_last_page_next_and_last_are_disabled_and_on_the_first_previous_and_first()
    {
        var last = Render<SlicePager>(p => p.Add(s => s.Page, 2).Add(s => s.PageSize, 25).Add(s => s.Total, 60).Add(s => s.TestId, "a"));
        Assert.True(last.Find("button[aria-label='Volgende pagina']").HasAttribute("disabled"));
        Assert.True(last.Find("button[aria-label='Laatste pagina']").HasAttribute("disabled"));
        Assert.False(last.Find("button[aria-label='Vorige pagina']").HasAttribute("disabled"));
        Assert.Contains("51–60 van 60", last.Markup, StringComparison.Ordinal);

        var empty = Render<SlicePager>(p => p.Add(s => s.Page, 0).Add(s => s.PageSize, 25).Add(s => s.Total, 0).Add(s => s.TestId, "b"));
        Assert.All(empty.FindAll("button"), button => Assert.True(button.HasAttribute("disabled")));
        Assert.Contains("0 van 0", empty.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rows_per_page_choice_is_labelled_and_gives_only_an_offered_size()
    {
        var sizes = new List<int>();
        var cut = Render<SlicePager>(p => p
            .Add(s => s.Page, 0)
            .Add(s => s.PageSize, 25)
            .Add(s => s.Total, 300)
            .Add(s => s.PageSizes, [25, 50, 100])
            .Add(s => s.TestId, "count-pupils-pager")
            .Add(s => s.PageSizeChanged, size => sizes.Add(size)));

        Assert.Equal("count-pupils-pager-page-size", cut.Find("label").GetAttribute("for"));
        Assert.Equal(DutchPager<int>.RowsPerPage, cut.Find("label").TextContent);
        var select = cut.Find("select#count-pupils-pager-page-size");
        select.Change("100");
        select.Change("1000000"); // not offered (a tampered request): ignored

        Assert.Equal([100], sizes);
    }
}
