using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.EndToEnd.Tests.Support;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoorlopendeLeerroutes.EndToEnd.Tests;

/// <summary>
/// The pages the journey does not pass (home, Beheer, the pupil overview and look-up, the password page, the error pages)
/// checked with axe for the people who open them, on the demo data.
/// </summary>
public sealed class EveryPageTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violations()
    {
        var browser = browsers.Require();
        await using var app = new JourneyApp(DateTimeOffset.UtcNow);
        var baseAddress = app.Start();
        var accessibility = new AccessibilityReport();

        await using (var admin = await UserSession.SignInAsync(browser, baseAddress, accessibility, "beheerder@duo.example", AccountSeeder.DemoPassword))
        {
            await admin.OpenAsync("account/beveiliging", "beveiliging, beheerder", interactive: false); // server-rendered forms
            foreach (var (path, what) in new[]
                     {
                         ("/", "start, beheerder"), ("beheer", "beheer"), ("beheer/beoordelen", "te beoordelen"),
                         ("beheer/instellingen", "instellingen"), ("beheer/auditlog", "auditlog"),
                         ("leerroutes", "leerroutes, beheerder"), ("teldatum", "teldatum, beheerder"), ("koppelingen", "koppelingen, beheerder"),
                         ("beheer/gebruikers", "gebruikers"),
                     })
            {
                await admin.OpenAsync(path, what);
                if (path == "/")
                {
                    // R-TASK-1: the start page is checked with its tasks; the demo's techniek route waits longer than 14 days.
                    await Expect(admin.Page.GetByTestId("open-tasks")).ToContainTextAsync("Beoordeel leerroute Techniek breed naar niveau 4");
                }
            }

            // Still on Gebruikers: the dialog for a new account.
            await admin.Page.GetByTestId("user-new").ClickAsync();
            await Expect(admin.Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await admin.CheckAccessibilityAsync("dialoog nieuwe gebruiker");
        }

        await using (var coordinator = await UserSession.SignInAsync(
                         browser, baseAddress, accessibility, "coordinator@horizon.example", AccountSeeder.DemoPassword))
        {
            foreach (var (path, what) in new[]
                     {
                         ("/", "start, coördinator"), ("leerlingen", "leerlingen"), ("leerlingen/opzoeken", "fase opzoeken"),
                         ("koppelingen", "koppelingen, coördinator"), ("beheer", "beheer, geen toegang"), ("bestaat-niet", "niet gevonden"),
                     })
            {
                await coordinator.OpenAsync(path, what);
                if (path == "/")
                {
                    await Expect(coordinator.Page.GetByTestId("open-tasks")).ToContainTextAsync("Registreer leerroute Zorg en welzijn vmbo-mbo");
                }
            }

            await Expect(coordinator.Page.GetByTestId("not-found")).ToBeVisibleAsync();

            // R-RIO-1: the RIO tab of a registered route and its printable checklist (issue 15).
            await coordinator.Page.GotoAsync(new Uri(baseAddress, "leerroutes").ToString());
            await coordinator.WaitUntilInteractiveAsync();
            var careLink = coordinator.Page.GetByTestId("route-list").Locator("tr", new() { HasText = "Zorg en welzijn vmbo-mbo" }).GetByTestId("route-link");
            var routePath = (await careLink.GetAttributeAsync("href"))!;
            await coordinator.OpenAsync(routePath, "leerroute, geregistreerd, coördinator");
            await coordinator.Page.GetByRole(AriaRole.Tab, new() { Name = "RIO" }).ClickAsync();
            await Expect(coordinator.Page.GetByTestId("rio-checklist")).ToContainTextAsync("doorlopende leerroute vmbo-mbo");
            await coordinator.CheckAccessibilityAsync("leerroute, tab RIO");
            await coordinator.OpenAsync(routePath + "/rio-checklist", "RIO-checklist afdrukken");
            await Expect(coordinator.Page.GetByTestId("rio-print-page")).ToContainTextAsync("ROC Rivierenland");
            // Fasen vergelijken (issue 15) on the registered demo route of Horizon.
            await coordinator.OpenAsync($"leerroutes/{await CareRouteIdAsync(app)}/fasen", "fasen vergelijken");
            await Expect(coordinator.Page.GetByTestId("phases-upload")).ToBeVisibleAsync();
            await NewcomerComparesTheExamplePhaseFileAsync(coordinator);
            await coordinator.OpenAsync("account/wachtwoord", "wachtwoord wijzigen", interactive: false); // server-rendered form

            // Positive control for the policy watch: an inline script injected into the page is refused and reported.
            accessibility.StopWatching(coordinator.Page);
            var policyControl = new AccessibilityReport();
            policyControl.Watch(coordinator.Page);
            await coordinator.Page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s); }");
            await coordinator.Page.WaitForTimeoutAsync(500); // the console message arrives asynchronously
            Assert.Contains(policyControl.PolicyViolations, v => v.Contains("script-src", StringComparison.Ordinal));
            Assert.Null(await coordinator.Page.EvaluateAsync<int?>("() => window.injected ?? null"));

            // Positive control: the check does see a real violation (an image without alternative text is critical).
            await coordinator.Page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img src=\"x.png\">')");
            var control = new AccessibilityReport();
            await control.CheckAsync(coordinator.Page, "met een plaatje zonder alt");
            Assert.Contains(control.BlockingViolations, v => v.Contains("image-alt", StringComparison.Ordinal));
        }

        // R-TASK-1: a viewer's start page shows the count preview of the own institution instead of tasks.
        await using (var viewer = await UserSession.SignInAsync(browser, baseAddress, accessibility, "lezer@horizon.example", AccountSeeder.DemoPassword))
        {
            await viewer.OpenAsync("/", "start, lezer");
            await Expect(viewer.Page.GetByTestId("start-count-routes")).ToContainTextAsync("Zorg en welzijn vmbo-mbo");
        }

        // Issue 16, "done when": the administrator opens the monitor (R-MON-3) and exports it.
        await using (var admin = await UserSession.SignInAsync(browser, baseAddress, accessibility, "beheerder@duo.example", AccountSeeder.DemoPassword))
        {
            await admin.OpenAsync("beheer/monitor", "monitor");
            await Expect(admin.Page.GetByTestId("monitor-pupils-sector")).ToContainTextAsync("Totaal");
            var download = await admin.Page.RunAndWaitForDownloadAsync(() => admin.Page.GetByTestId("monitor-export").ClickAsync());
            Assert.Matches("^monitor-\\d{4}-\\d{4}\\.xlsx$", download.SuggestedFilename);
            var workbook = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
            Assert.Equal("PK"u8.ToArray(), workbook[..2]); // a zip: an xlsx, not an error page
        }

        // Issue 16, "done when": a newcomer without an account finds the demo routes by province and profiel (R-MON-2).
        await NewcomerFindsRoutesWithoutAnAccountAsync(browser, baseAddress, accessibility);

        // Issue 16 (R-MON-1): the institution import on Beheer → Instellingen, with the preview of its example file.
        await using (var registry = await UserSession.SignInAsync(browser, baseAddress, accessibility, "beheerder@duo.example", AccountSeeder.DemoPassword))
        {
            await registry.OpenAsync("beheer/instellingen", "instellingen, import");
            var page = registry.Page;
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("institution-import-example").ClickAsync());
            Assert.Equal("instellingen-voorbeeld.csv", download.SuggestedFilename);
            var example = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
            await page.Locator("#institution-import-file").SetInputFilesAsync(
                new FilePayload { Name = "instellingen-voorbeeld.csv", MimeType = "text/csv", Buffer = example });
            await Expect(page.GetByTestId("institution-import-totals")).ToContainTextAsync("Nieuw: 2 · Gewijzigd: 0 · Ongewijzigd: 2");
            await registry.CheckAccessibilityAsync("instellingen, voorbeeld van de import");
        }

        // Three sign-in pages and the administrator's code page, every page (Beveiliging and Koppelingen too), the dialog and the RIO views.
        Assert.Equal(
            1 + 1 + 1 + 9 + 1 + 1 + 8 + 3 + 2 + 2 // + route page, RIO tab, RIO print view; phase comparison and its confirmation; the viewer's sign-in and start page
            + 3 // issue 16: the administrator's second sign-in (login and code page) and the monitor
            + 2 // issue 16: the route finder without an account, opened and filtered
            + 4, // issue 16: the administrator's third sign-in and code page, Instellingen, and its import preview
            accessibility.Checked.Count);
        accessibility.AssertClean();
    }

    /// <summary>
    /// Issue 15, "done when": on the demo, the example file linked on the page shows every kind of difference, and a chosen
    /// difference is adopted after the confirmation (R-RECON-1, R-RECON-2).
    /// </summary>
    private static async Task NewcomerComparesTheExamplePhaseFileAsync(UserSession coordinator)
    {
        var page = coordinator.Page;
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("phases-example").ClickAsync());
        Assert.Equal("fasen-voorbeeld.csv", download.SuggestedFilename);
        var example = await File.ReadAllBytesAsync((await download.PathAsync())!);

        // The demo's register and the example are placed around the last count date; pick it (in August and September the
        // page opens on the coming one).
        var countDate = DemoData.CountedYear(DutchTime.Today(DateTime.UtcNow)).CountDate;
        var date = page.Locator("input[data-testid=phases-date]");
        await date.FillAsync(countDate.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await date.PressAsync("Tab");
        await page.Locator("#phases-file").SetInputFilesAsync(new FilePayload { Name = "fasen-voorbeeld.csv", MimeType = "text/csv", Buffer = example });

        var kinds = page.GetByTestId("phases-lines").GetByTestId("phases-kind");
        foreach (var kind in new[] { "Gelijk", "Andere fase", "Andere ingangsdatum", "Alleen in bestand (niet in deze leerroute)", "Alleen hier" })
        {
            await Expect(kinds.GetByText(kind, new() { Exact = true }).First).ToBeVisibleAsync();
        }

        await coordinator.CheckAccessibilityAsync("fasen vergelijken, voorbeeldbestand");

        var differentPhase = page.GetByTestId("phases-lines").Locator("tr", new() { Has = page.GetByText("Andere fase", new() { Exact = true }) });
        var before = await differentPhase.CountAsync();
        await differentPhase.First.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("phases-adopt").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("voor 1 leerling, ingaand op");
        await coordinator.CheckAccessibilityAsync("fasen vergelijken, bevestigen");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Overnemen" }).ClickAsync();
        await Expect(page.GetByTestId("phases-message")).ToHaveTextAsync("De fase van 1 leerling is overgenomen.");
        await Expect(differentPhase).ToHaveCountAsync(before - 1); // that pupil now agrees with the file
    }

    /// <summary>
    /// Issue 16, "done when": without an account, from the sign-in page to /routes-zoeken; a province and a profiel chosen,
    /// the search sent with the keyboard (Enter); the demo route is found and the address is the link to share.
    /// </summary>
    private static async Task NewcomerFindsRoutesWithoutAnAccountAsync(IBrowser browser, Uri baseAddress, AccessibilityReport accessibility)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", TimezoneId = "Europe/Amsterdam" });
        var page = await context.NewPageAsync();
        accessibility.Watch(page);
        await page.GotoAsync(new Uri(baseAddress, "account/login").ToString());
        await page.GetByTestId("login-route-finder").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Leerroutes zoeken", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("finder-total")).ToContainTextAsync("2 leerroutes gevonden");
        await accessibility.CheckAsync(page, "leerroutes zoeken, zonder account");

        await page.GetByLabel("Provincie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gelderland" });
        await page.GetByLabel("Profiel (vmbo)", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Zorg en welzijn (Z&W)" });
        await page.GetByLabel("Naam of plaats van een school", new() { Exact = true }).PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/routes-zoeken?provincie=gelderland&profiel=zw", StringComparison.Ordinal));
        var routes = page.GetByTestId("finder-route");
        await Expect(routes).ToHaveCountAsync(1);
        await Expect(routes).ToContainTextAsync("Zorg en welzijn vmbo-mbo");
        await Expect(routes).ToContainTextAsync("Vakcollege De Horizon (vmbo) – Culemborg, Gelderland");
        await Expect(page.GetByTestId("finder-share")).ToHaveTextAsync(page.Url);
        await Expect(page.GetByTestId("nav-login")).ToBeVisibleAsync();
        await accessibility.CheckAsync(page, "leerroutes zoeken, provincie en profiel");
    }

    private static async Task<Guid> CareRouteIdAsync(JourneyApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IApplicationDbContextFactory>().CreateAsync();
        return await db.Routes.Where(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo").Select(r => r.Id).SingleAsync();
    }
}
