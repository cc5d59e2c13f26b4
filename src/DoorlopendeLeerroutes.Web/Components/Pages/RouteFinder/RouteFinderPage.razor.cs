using DoorlopendeLeerroutes.Application.RouteFinder;
using DoorlopendeLeerroutes.Domain.Institutions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Components.Pages.RouteFinder;

/// <summary>
/// The public route finder (R-MON-2, issue 16): reads the filter from the address, tolerantly, and shows the registered
/// routes per province with a chart and its counts table. An address with empty or unordered filter values (as the form
/// sends it) is redirected to the one tidy link of the same view, unless a note must be shown.
/// </summary>
public partial class RouteFinderPage
{
    private static readonly BarChartOptions ChartOptions = new() { ShowLegend = false, ShowValues = true, YAxisTicks = 1, XAxisLabelRotation = 0 };

    /// <summary>Routes listed per province; the rest is reached with a filter (the whole country is ~1,500 routes).</summary>
    private const int MaxPerGroup = 100;

    private RouteFinderResult _result = null!;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];

    [Inject]
    private FindRoutes Finder { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    private RouteFinderFilter Filter => _result.Filter;

    private string ShareAddress => Navigation.ToAbsoluteUri(_result.Link).ToString();

    protected override async Task OnInitializedAsync()
    {
        var query = HttpContext.Request.Query;
        _result = await Finder.ExecuteAsync(key => query.TryGetValue(key, out var values) ? values.FirstOrDefault() : null, HttpContext.RequestAborted);

        if (_result.Notes.Count == 0 && !IsTidy(query, _result.Link))
        {
            Navigation.NavigateTo(_result.Link);
            return;
        }

        var counts = _result.CountsPerProvince;
        _labels = [.. counts.Select(c => ShortName(c.Province))];
        _series = [new() { Name = "Leerroutes", Data = counts.Select(c => (double)c.Routes).ToArray() }];
    }

    /// <summary>Whether the address holds exactly the filter's own values (no empty ones, no others), in any order.</summary>
    private static bool IsTidy(IQueryCollection query, string link)
    {
        var separator = link.IndexOf('?', StringComparison.Ordinal);
        var tidy = QueryHelpers.ParseQuery(separator < 0 ? string.Empty : link[separator..]);
        return query.Count == tidy.Count
               && tidy.All(pair => query.TryGetValue(pair.Key, out var values) && values.Count == 1 && values[0] == pair.Value[0]);
    }

    /// <summary>"Vakcollege De Horizon (vmbo) – Culemborg, Gelderland".</summary>
    private static string PartnerText(PublicPartner partner) =>
        $"{partner.Name} ({(partner.Sector == Sector.Vo ? "vmbo" : "mbo")}) – {partner.Municipality ?? "plaats onbekend"}"
        + (partner.Province is { } province ? ", " + Provinces.Name(province) : string.Empty);

    private static string ProvinceName(Province? province) => province is { } p ? Provinces.Name(p) : "Provincie onbekend";

    // The chart's axis has little room: the usual abbreviations (the table below gives the full names).
    private static string ShortName(Province? province) => province switch
    {
        Province.Groningen => "Gr",
        Province.Fryslan => "Fr",
        Province.Drenthe => "Dr",
        Province.Overijssel => "Ov",
        Province.Flevoland => "Fl",
        Province.Gelderland => "Gld",
        Province.Utrecht => "Ut",
        Province.NoordHolland => "NH",
        Province.ZuidHolland => "ZH",
        Province.Zeeland => "Zld",
        Province.NoordBrabant => "NB",
        Province.Limburg => "Lb",
        _ => "?",
    };
}
