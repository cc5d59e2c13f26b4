using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.EndToEnd.Tests.Support;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Agreements;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoorlopendeLeerroutes.EndToEnd.Tests;

/// <summary>
/// The whole journey of a route in a real browser, as the people using it go through it: the vo coordinator sets the
/// route up and uploads the agreement, the mbo coordinator confirms, the administrator rejects and later registers it,
/// pupils are imported and one changes phase, and after 1 October the count shows them. Readers and outsiders are kept
/// out. axe checks every page on the way.
/// </summary>
public sealed partial class JourneyTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    // The app's clock starts on Monday 7 September 2026, 09:00 in the Netherlands: a route can still be set up and filled
    // before the count date, 1 October 2026. The count is opened on 5 October.
    private static readonly DateTimeOffset JourneyStart = new(2026, 9, 7, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterCountDate = new(2026, 10, 5, 7, 0, 0, TimeSpan.Zero);
    private const string SchoolYear = "2026-2027";

    private const string VoCoordinator = "coordinator@horizon.example";
    private const string MboCoordinator = "coordinator@rocrivierenland.example";
    private const string MboViewer = "lezer@rocrivierenland.example";
    private const string Administrator = "beheerder@duo.example";
    private const string UnrelatedCoordinator = "coordinator@groenevallei.example";

    private const string FirstName = "Techniek en bouw vmbo-mbo";
    private const string EditedName = "Bouw en infra vmbo-mbo";
    private const string RejectionReason = "De naam moet het mbo-domein noemen (bouw en infra).";

    private static readonly DateOnly SchoolStart = new(2026, 8, 17);

    // Two in the vo-fase, two in the mbo-fase, one who changes to the mbo-fase in the app, one who starts in January
    // (not enrolled on 1 October, so not counted).
    private static readonly IReadOnlyList<PupilRow> Pupils = PupilFile.Rows(
        ("Jansen", "Sanne", SchoolStart, "vo"),
        ("Berg", "Daan", SchoolStart, "vo"),
        ("Bakker", "Noah", SchoolStart, "mbo"),
        ("Visser", "Mila", SchoolStart, "mbo"),
        ("Smit", "Luuk", SchoolStart, "vo"),
        ("Yilmaz", "Elif", new DateOnly(2027, 1, 11), "vo"));

    private static PupilRow ChangesPhase => Pupils[4];

    private static PupilRow StartsInJanuary => Pupils[5];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_route_goes_from_first_draft_to_the_1_October_count_and_only_its_partners_see_it()
    {
        var browser = browsers.Require();
        await using var app = new JourneyApp(JourneyStart);
        var journey = new Journey(browser, app.Start(), new AccessibilityReport());
        TestContext.Current.SendDiagnosticMessage($"Browser: {browsers.Source}");

        var routePath = await journey.VoCoordinatorSetsUpTheRouteAsync();
        await journey.MboCoordinatorConfirmsAndSubmitsAsync(routePath);
        await journey.AdministratorRejectsAsync(routePath);
        await journey.VoCoordinatorEditsAfterRejectionAsync(routePath);
        await journey.MboCoordinatorConfirmsAndSubmitsAsync(routePath);
        await journey.AdministratorRegistersAsync(routePath);
        await journey.VoCoordinatorImportsPupilsAndChangesOnePhaseAsync(routePath);

        app.Clock.JumpTo(AfterCountDate);
        await journey.VoCoordinatorReadsTheCountAsync(routePath);
        await journey.MboViewerSeesButCannotChangeAsync(routePath);
        await journey.UnrelatedCoordinatorSeesNothingAsync(routePath);

        Assert.True(journey.Accessibility.Checked.Count >= 20, string.Join(Environment.NewLine, journey.Accessibility.Checked));
        journey.Accessibility.AssertClean();
    }

    /// <summary>The steps, each by the person who takes it in real life, each in a fresh browser context.</summary>
    private sealed class Journey(IBrowser browser, Uri baseAddress, AccessibilityReport accessibility)
    {
        public AccessibilityReport Accessibility => accessibility;

        private Task<UserSession> SignInAsync(string email) =>
            UserSession.SignInAsync(browser, baseAddress, accessibility, email, AccountSeeder.DemoPassword);

        /// <summary>Creates the route by keyboard only, uploads the agreement with its checklist and confirms.</summary>
        public async Task<string> VoCoordinatorSetsUpTheRouteAsync()
        {
            await using var vo = await SignInAsync(VoCoordinator);
            await vo.OpenAsync("leerroutes", "leerroutes");
            await vo.OpenAsync("leerroutes/nieuw", "nieuwe leerroute");
            var page = vo.Page;

            // Keyboard only from here to the saved route.
            await vo.TabToAsync(page.Locator("input[data-testid=partner-search]"));
            await page.Keyboard.TypeAsync("Rivieren");
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveTextAsync(["ROC Rivierenland (25PG)"]); // filtered
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("route-form-partners")).ToContainTextAsync("ROC Rivierenland (25PG)");
            await Expect(page.Locator("input[data-testid=partner-search]")).ToHaveValueAsync(string.Empty); // ready for the next
            await vo.TabToAsync(page.Locator("input[data-testid=route-form-name]"));
            await page.Keyboard.TypeAsync(FirstName);
            await vo.ChooseByKeyboardAsync(page.Locator("[data-testid=route-form-profile]"), "Bouwen, wonen en interieur (BWI)");
            await vo.ChooseByKeyboardAsync(page.Locator("[data-testid=route-form-tracks]"), "KB", "GL");
            await vo.TabToAsync(page.Locator("input[data-testid=route-form-crebo]"));
            await page.Keyboard.TypeAsync("25480");
            await vo.ChooseByKeyboardAsync(page.Locator("[data-testid=route-form-level]"), "niveau 3");
            await vo.ChooseByKeyboardAsync(page.Locator("[data-testid=route-form-school-year]"), SchoolYear);
            await vo.CheckAccessibilityAsync("nieuwe leerroute, ingevuld");
            await vo.TabToAsync(page.GetByTestId("route-form-save"));
            await page.Keyboard.PressAsync("Enter");

            await page.WaitForURLAsync(RoutePage());
            var routePath = new Uri(page.Url).AbsolutePath;
            await Expect(page.GetByTestId("route-name")).ToHaveTextAsync(FirstName);
            await Expect(page.GetByTestId("route-status")).ToHaveTextAsync("Concept");
            await Expect(page.GetByTestId("route-definition")).ToContainTextAsync("25480");
            await vo.CheckAccessibilityAsync("leerroute, concept");

            await UploadAgreementAsync(vo);
            await vo.CheckAccessibilityAsync("leerroute met overeenkomst");
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(PartnerConfirmation(page, "Vakcollege De Horizon")).ToContainTextAsync("Bevestigd op");
            await Expect(PartnerConfirmation(page, "ROC Rivierenland")).ToHaveTextAsync("Nog niet bevestigd");
            return routePath;
        }

        public async Task MboCoordinatorConfirmsAndSubmitsAsync(string routePath)
        {
            await using var mbo = await SignInAsync(MboCoordinator);
            await mbo.OpenAsync(routePath, "leerroute, bevestigen door mbo");
            var page = mbo.Page;
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(PartnerConfirmation(page, "ROC Rivierenland")).ToContainTextAsync("Bevestigd op");
            await page.GetByTestId("action-submit").ClickAsync();
            await Expect(page.GetByTestId("route-status")).ToHaveTextAsync("Ingediend");
            await mbo.CheckAccessibilityAsync("leerroute, ingediend");
        }

        public async Task AdministratorRejectsAsync(string routePath)
        {
            await using var admin = await SignInAsync(Administrator);
            await admin.OpenAsync("beheer/beoordelen", "te beoordelen leerroutes");
            await Expect(admin.Page.GetByTestId("review-queue")).ToContainTextAsync(FirstName);
            await admin.OpenAsync(routePath, "leerroute, beoordelen");
            var page = admin.Page;
            await page.GetByTestId("action-reject").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await page.Locator("[data-testid=reason-text] textarea, textarea[data-testid=reason-text]").First.FillAsync(RejectionReason);
            await admin.CheckAccessibilityAsync("dialoog afwijzen");
            await page.GetByTestId("reason-confirm").ClickAsync();
            await Expect(page.GetByTestId("route-status")).ToHaveTextAsync("Afgewezen");
        }

        public async Task VoCoordinatorEditsAfterRejectionAsync(string routePath)
        {
            await using var vo = await SignInAsync(VoCoordinator);
            await vo.OpenAsync(routePath, "leerroute, afgewezen");
            var page = vo.Page;
            await Expect(page.GetByTestId("rejection-reason")).ToContainTextAsync(RejectionReason);
            await page.GetByTestId("action-edit").ClickAsync();
            await page.WaitForURLAsync(RouteEditPage());
            await vo.WaitUntilInteractiveAsync();
            await vo.CheckAccessibilityAsync("leerroute wijzigen");
            await page.Locator("input[data-testid=route-form-name]").FillAsync(EditedName);
            await page.GetByTestId("route-form-save").ClickAsync();
            await page.WaitForURLAsync(RoutePage());
            await Expect(page.GetByTestId("route-name")).ToHaveTextAsync(EditedName);
            await Expect(page.GetByTestId("route-status")).ToHaveTextAsync("Concept");
            await page.GetByTestId("action-confirm").ClickAsync();
            await Expect(PartnerConfirmation(page, "Vakcollege De Horizon")).ToContainTextAsync("Bevestigd op");
        }

        public async Task AdministratorRegistersAsync(string routePath)
        {
            await using var admin = await SignInAsync(Administrator);
            await admin.OpenAsync(routePath, "leerroute, opnieuw ingediend");
            var page = admin.Page;
            await page.GetByTestId("action-register").ClickAsync();
            await Expect(page.GetByTestId("route-status")).ToHaveTextAsync("Geregistreerd");
            await admin.CheckAccessibilityAsync("leerroute, geregistreerd");
        }

        /// <summary>The import by keyboard only: Tab to the file field, Space opens the file chooser, Tab and Enter confirm.</summary>
        public async Task VoCoordinatorImportsPupilsAndChangesOnePhaseAsync(string routePath)
        {
            await using var vo = await SignInAsync(VoCoordinator);
            await vo.OpenAsync(routePath, "leerroute, geregistreerd");
            var page = vo.Page;
            await page.GetByRole(AriaRole.Tab, new() { Name = "Leerlingen" }).ClickAsync();
            await Expect(page.GetByTestId("pupil-import")).ToBeVisibleAsync();
            await vo.CheckAccessibilityAsync("leerroute, tab leerlingen");

            var chooser = await vo.OpenFileChooserByKeyboardAsync(page.Locator("#pupil-import-file"));
            await chooser.SetFilesAsync(new FilePayload { Name = "leerlingen.csv", MimeType = "text/csv", Buffer = PupilFile.Csv(Pupils) });
            await Expect(page.GetByTestId("pupil-import-totals")).ToContainTextAsync($"Nieuw: {Pupils.Count}");
            await vo.CheckAccessibilityAsync("import, voorbeeld");
            await vo.TabToAsync(page.GetByTestId("pupil-import-confirm"));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("pupil-import-result")).ToContainTextAsync($"{Pupils.Count}");
            await vo.CheckAccessibilityAsync("import, opgeslagen");
            var list = page.GetByTestId("route-pupils");
            foreach (var pupil in Pupils)
            {
                await Expect(list).ToContainTextAsync(pupil.LastName);
            }

            await Expect(list).Not.ToContainTextAsync(Pupils[0].Number); // masked in the list (R-PUPIL-8)

            // Luuk Smit moves to the mbo-fase from 1 September, recorded before the count date.
            await list.GetByRole(AriaRole.Link, new() { Name = ChangesPhase.LastName, Exact = false }).ClickAsync();
            await page.WaitForURLAsync(PupilPage());
            await vo.WaitUntilInteractiveAsync();
            Assert.DoesNotContain(ChangesPhase.Number, page.Url, StringComparison.Ordinal);
            await Expect(page.GetByTestId("pupil-name")).ToContainTextAsync(ChangesPhase.LastName);
            await vo.CheckAccessibilityAsync("leerling");
            var form = page.GetByTestId("record-phase");
            await vo.ChooseByKeyboardAsync(form.GetByLabel("Fase", new() { Exact = true }), "mbo-fase");
            await form.GetByLabel("Geldig vanaf").FillAsync("01-09-2026");
            await form.GetByLabel("Geldig vanaf").PressAsync("Tab");
            await page.GetByTestId("record-phase-save").ClickAsync();
            await Expect(page.GetByTestId("pupil-phases")).ToContainTextAsync("01-09-2026");
            await Expect(page.GetByTestId("pupil-phase-today")).ToContainTextAsync("mbo");
            await vo.CheckAccessibilityAsync("leerling, fase gewijzigd");
        }

        /// <summary>After 1 October: the route's totals are what was imported and changed; the screenshots are taken here.</summary>
        public async Task VoCoordinatorReadsTheCountAsync(string routePath)
        {
            await using var vo = await SignInAsync(VoCoordinator);
            var page = vo.Page;
            await vo.OpenAsync("leerroutes", "leerroutes na de teldatum");
            await Expect(page.GetByTestId("route-list")).ToContainTextAsync(EditedName);
            await Screenshots.SaveAsync(page, "leerroutes");

            // The filters are the browser's own selects, found by their label (issue 17): each choice reloads the list.
            var status = page.GetByLabel("Status", new() { Exact = true });
            await status.SelectOptionAsync(new SelectOptionValue { Label = "Ingediend" });
            await Expect(page.GetByTestId("route-list")).Not.ToContainTextAsync(EditedName); // registered, not submitted
            await status.SelectOptionAsync(new SelectOptionValue { Label = "Alle" });
            await Expect(page.GetByTestId("route-list")).ToContainTextAsync(EditedName);

            await vo.OpenAsync(routePath, "leerroute na de teldatum");
            await Screenshots.SaveAsync(page, "leerroute");

            await vo.OpenAsync("teldatum", "teldatum");
            await Expect(page.GetByTestId("count-final")).ToBeVisibleAsync();
            await Expect(page.Locator("select[data-testid=school-year] option:checked")).ToHaveTextAsync(SchoolYear);
            var row = page.GetByTestId("count-routes").Locator("tr", new() { HasText = EditedName });
            var counted = Pupils.Where(p => p.Start <= new DateOnly(2026, 10, 1)).ToList();
            var inMbo = counted.Count(p => p.Phase == "mbo" || p == ChangesPhase);
            var cells = row.Locator("td"); // route, vo-fase, mbo-fase, geen fase, te laat gewijzigd
            await Expect(cells.Nth(0)).ToContainTextAsync(EditedName);
            await Expect(cells.Nth(1)).ToHaveTextAsync($"{counted.Count - inMbo}");
            await Expect(cells.Nth(2)).ToHaveTextAsync($"{inMbo}");
            await Expect(cells.Nth(3)).ToHaveTextAsync("0");
            await Expect(cells.Nth(4)).ToHaveTextAsync("0");
            await Expect(page.GetByTestId("count-pupils")).ToContainTextAsync(ChangesPhase.LastName);
            await Expect(page.GetByTestId("count-pupils")).Not.ToContainTextAsync(StartsInJanuary.LastName); // not enrolled on 1 October

            // The row filter is a group of the browser's own radio buttons: nobody was changed late, then everyone again.
            await page.GetByLabel("Alleen te laat gewijzigd").CheckAsync();
            await Expect(page.GetByTestId("count-pupils")).ToContainTextAsync("Geen leerlingen bij deze keuze.");
            await page.GetByLabel("Alle leerlingen").CheckAsync();
            await Expect(page.GetByTestId("count-pupils")).ToContainTextAsync(ChangesPhase.LastName);
            await Screenshots.SaveAsync(page, "teldatum");
        }

        public async Task MboViewerSeesButCannotChangeAsync(string routePath)
        {
            await using var viewer = await SignInAsync(MboViewer);
            var page = viewer.Page;
            await viewer.OpenAsync(routePath, "leerroute, lezer");
            await Expect(page.GetByTestId("route-name")).ToHaveTextAsync(EditedName);
            await Expect(page.GetByTestId("route-status")).ToHaveTextAsync("Geregistreerd");
            await Expect(page.Locator("[data-testid^=action-]")).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Tab, new() { Name = "Leerlingen" }).ClickAsync();
            await Expect(page.GetByTestId("route-pupils")).ToContainTextAsync(ChangesPhase.LastName);
            await Expect(page.GetByTestId("pupil-import")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("enrol-form")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("bulk-phase")).ToHaveCountAsync(0);
            await viewer.CheckAccessibilityAsync("leerroute, lezer, tab leerlingen");

            await page.GetByTestId("route-pupils").GetByRole(AriaRole.Link, new() { Name = ChangesPhase.LastName, Exact = false }).ClickAsync();
            await page.WaitForURLAsync(PupilPage());
            await viewer.WaitUntilInteractiveAsync();
            await Expect(page.GetByTestId("pupil-phases")).ToContainTextAsync("01-09-2026");
            await Expect(page.GetByTestId("record-phase")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("end-enrolment")).ToHaveCountAsync(0);
            await viewer.CheckAccessibilityAsync("leerling, lezer");

            await viewer.OpenAsync("teldatum", "teldatum, lezer");
            await Expect(page.GetByTestId("count-routes")).ToContainTextAsync(EditedName);
        }

        public async Task UnrelatedCoordinatorSeesNothingAsync(string routePath)
        {
            await using var outsider = await SignInAsync(UnrelatedCoordinator);
            var page = outsider.Page;
            await outsider.OpenAsync(routePath, "leerroute van een ander");
            await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
            await Expect(page.Locator("body")).Not.ToContainTextAsync(EditedName);
            await Expect(page.Locator("body")).Not.ToContainTextAsync(FirstName);
            await outsider.OpenAsync("leerroutes", "leerroutes van een ander");
            await Expect(page.Locator("body")).Not.ToContainTextAsync(EditedName);
            await outsider.OpenAsync("teldatum", "teldatum van een ander");
            await Expect(page.Locator("body")).Not.ToContainTextAsync(EditedName);
            await Expect(page.Locator("body")).Not.ToContainTextAsync(ChangesPhase.LastName);
        }

        /// <summary>A three-page signed PDF; the checklist says on which page each required item is arranged.</summary>
        private static async Task UploadAgreementAsync(UserSession vo)
        {
            var page = vo.Page;
            var form = page.GetByTestId("agreement-upload");
            await form.Locator("input[data-testid=agreement-signed-on]").FillAsync("01-09-2026");
            await form.Locator("input[data-testid=agreement-signed-on]").PressAsync("Tab");
            await form.Locator("input[data-testid=agreement-page-TransferOption]").FillAsync("2");
            await form.Locator("input[data-testid=agreement-page-JoiningAndChanges]").FillAsync("3");
            await form.Locator("input[data-testid=agreement-page-ProgrammeAndResponsibilities]").FillAsync("1");
            await form.GetByText("Het bevoegd gezag van elke partner heeft deze overeenkomst ondertekend").ClickAsync();
            await form.Locator("#agreement-file").SetInputFilesAsync(new FilePayload
            {
                Name = "samenwerkingsovereenkomst.pdf",
                MimeType = "application/pdf",
                Buffer = SamplePdf.WithPages(
                    "Samenwerkingsovereenkomst Vakcollege De Horizon en ROC Rivierenland",
                    "Artikel 4: de overstapoptie voor leerlingen die stoppen of overstappen",
                    "Artikel 9: toetreding en wijziging"),
            });
            await form.GetByTestId("agreement-save").ClickAsync();
            await Expect(page.GetByTestId("agreement-download")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("route-agreements")).ToContainTextAsync("3 pagina's");
        }

        private static ILocator PartnerConfirmation(IPage page, string institution) =>
            page.GetByTestId("route-partners").Locator("tr", new() { HasText = institution }).GetByTestId("partner-confirmation");
    }

    [GeneratedRegex("/leerroutes/[0-9a-f-]{36}$")]
    private static partial Regex RoutePage();

    [GeneratedRegex("/leerroutes/[0-9a-f-]{36}/wijzigen$")]
    private static partial Regex RouteEditPage();

    [GeneratedRegex("/leerlingen/[0-9a-f-]{36}$")]
    private static partial Regex PupilPage();
}
