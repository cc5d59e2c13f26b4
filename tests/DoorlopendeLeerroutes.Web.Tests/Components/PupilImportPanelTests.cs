using Bunit;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Web.Components.Routes;
using DoorlopendeLeerroutes.Web.Tests.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>
/// The import panel on the route page (docs/formats.md §1) with the real import service and database: errors are listed with
/// line and column and nothing is stored; a good file is previewed per row and stored by one click on Importeren.
/// </summary>
public sealed class PupilImportPanelTests(AppFactory app) : ComponentTestContext, IClassFixture<AppFactory>
{
    private readonly ImportKit _kit = new(app);

    [Fact]
    public async Task A_file_with_errors_lists_each_with_line_and_column_offers_no_import_and_stores_nothing()
    {
        var (cut, _) = await RenderPanelAsync();
        var before = await _kit.StoredAsync();

        Upload(cut, ImportKit.File(ImportKit.Row(ImportKit.NewNumber()), ImportKit.Row(ImportKit.NewNumber(), phase: "havo")));

        cut.WaitForAssertion(() => Assert.Contains("Er is 1 fout gevonden", cut.Find("[data-testid=pupil-import-error-summary]").TextContent, StringComparison.Ordinal));
        var error = Assert.Single(cut.FindAll("[data-testid=pupil-import-errors] li"));
        Assert.StartsWith("regel 3, kolom Fase:", error.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=pupil-import-confirm]"));
        Assert.Equal(before, await _kit.StoredAsync());
    }

    [Fact]
    public async Task A_good_file_is_previewed_per_row_and_stored_once_by_Importeren()
    {
        var (cut, imported) = await RenderPanelAsync();
        string first = ImportKit.NewNumber(), second = ImportKit.NewNumber();
        var before = await _kit.StoredAsync();

        Upload(cut, ImportKit.File(ImportKit.Row(first), ImportKit.Row(second, lastName: "Smit", phase: "mbo")));

        cut.WaitForAssertion(() => Assert.Contains("Nieuw: 2", cut.Find("[data-testid=pupil-import-totals]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["nieuw", "nieuw"], cut.FindAll("[data-testid=pupil-import-line-status]").Select(s => s.TextContent));
        Assert.DoesNotContain(first, cut.Markup, StringComparison.Ordinal); // masked in the preview (R-PUPIL-8)
        Assert.Contains("*****" + first[^4..], cut.Markup, StringComparison.Ordinal);
        Assert.Equal(before, await _kit.StoredAsync()); // the preview stores nothing

        await cut.Find("button[data-testid=pupil-import-confirm]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("2 leerlingen ingeschreven", cut.Find("[data-testid=pupil-import-result]").TextContent, StringComparison.Ordinal));
        Assert.Equal(1, imported.Count);
        Assert.Empty(cut.FindAll("[data-testid=pupil-import-confirm]")); // nothing left to click twice
        Assert.Equal((before.Pupils + 2, before.Enrolments + 2, before.Phases + 2), await _kit.StoredAsync());
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_before_it_is_read()
    {
        var (cut, _) = await RenderPanelAsync();

        Upload(cut, new byte[PupilImportFormat.MaxBytes + 1]);

        cut.WaitForAssertion(() => Assert.Contains(PupilImportErrors.FileTooLarge.Message, cut.Find("[data-testid=pupil-import-errors]").TextContent, StringComparison.Ordinal));
    }

    private static void Upload(IRenderedComponent<PupilImportPanel> cut, byte[] content) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, "leerlingen.csv", contentType: "text/csv"));

    private async Task<(IRenderedComponent<PupilImportPanel> Panel, Counter Imported)> RenderPanelAsync()
    {
        var route = await _kit.NewRouteAsync("Paneelroute");
        var details = await new RouteWorkflow(app).DetailsAsync(route, SignIn.VoCoordinator);
        Services.AddSingleton(await app.ServiceAsAsync<ImportPupils>(SignIn.VoCoordinator));
        var imported = new Counter();
        Render<MudPopoverProvider>();
        var cut = Render<PupilImportPanel>(p => p
            .Add(x => x.RouteId, route)
            .Add(x => x.Partners, (IReadOnlyList<PartnerView>)details.Partners)
            .Add(x => x.OnImported, () => imported.Count++));
        return (cut, imported);
    }

    private sealed class Counter
    {
        public int Count { get; set; }
    }
}
