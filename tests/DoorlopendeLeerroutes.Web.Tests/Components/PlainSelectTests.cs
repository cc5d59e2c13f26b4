using Bunit;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Components.Shared;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>Issue 17: the light filters of the pages that stay open are the browser's own select, labelled and in Dutch.</summary>
public sealed class PlainSelectTests : ComponentTestContext
{
    private static readonly RouteStatus?[] Statuses = [RouteStatus.Draft, RouteStatus.Submitted, RouteStatus.Registered];

    [Fact]
    public void The_select_has_its_label_an_all_option_and_one_option_per_value_with_the_current_one_chosen()
    {
        var cut = RenderStatusFilter(p => p.Add(s => s.Value, RouteStatus.Submitted));

        var label = cut.Find("label");
        Assert.Equal("filter-status", label.GetAttribute("for"));
        Assert.Equal("Status", label.TextContent);
        var select = cut.Find("select#filter-status");
        Assert.Equal(["Alle", "Concept", "Ingediend", "Geregistreerd"], select.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.Equal("1", select.GetAttribute("value")); // Ingediend, by its place in the list
    }

    [Fact]
    public void Choosing_an_option_gives_its_value_and_choosing_all_gives_no_value()
    {
        var chosen = new List<RouteStatus?>();
        var cut = RenderStatusFilter(p => p.Add(s => s.ValueChanged, value => chosen.Add(value)));

        cut.Find("select").Change("2");
        cut.Find("select").Change(string.Empty);
        cut.Find("select").Change("99"); // not an option (a tampered request): no value, never an exception

        Assert.Equal([RouteStatus.Registered, null, null], chosen);
    }

    [Fact]
    public void An_outlined_select_without_an_all_option_offers_only_its_values_and_ignores_any_other_answer()
    {
        var chosen = new List<int>();
        var cut = Render<PlainSelect<int>>(p => p
            .Add(s => s.Id, "school-year")
            .Add(s => s.Label, "Schooljaar")
            .Add(s => s.Options, [2025, 2026])
            .Add(s => s.Text, y => $"{y}-{y + 1}")
            .Add(s => s.Outlined, true)
            .Add(s => s.Value, 2026)
            .Add(s => s.ValueChanged, value => chosen.Add(value))
            .AddUnmatched("data-testid", "school-year"));

        var select = cut.Find("select[data-testid=school-year]");
        Assert.Equal(["2025-2026", "2026-2027"], select.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.Equal("1", select.GetAttribute("value"));
        Assert.Equal("Schooljaar", cut.Find("fieldset legend").TextContent);

        // No "no choice" here, so an empty or unknown key (a tampered request) is no answer: /teldatum keeps its school year.
        select.Change(string.Empty);
        select.Change("7");
        select.Change("0");
        Assert.Equal([2025], chosen);
    }

    /// <summary>The route list's status filter: a select with "Alle" first.</summary>
    private IRenderedComponent<PlainSelect<RouteStatus?>> RenderStatusFilter(Action<ComponentParameterCollectionBuilder<PlainSelect<RouteStatus?>>> more) =>
        Render<PlainSelect<RouteStatus?>>(p =>
        {
            p.Add(s => s.Id, "filter-status")
                .Add(s => s.Label, "Status")
                .Add(s => s.Options, Statuses)
                .Add(s => s.Text, s => s!.Value.Label())
                .Add(s => s.EmptyText, "Alle");
            more(p);
        });
}
