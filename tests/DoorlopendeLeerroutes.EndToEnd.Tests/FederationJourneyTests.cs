using DoorlopendeLeerroutes.EndToEnd.Tests.Support;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.TestIdentityProvider;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoorlopendeLeerroutes.EndToEnd.Tests;

/// <summary>
/// Issue 13 in the browser: a coordinator signs in through a school's federation (the test identity provider, a real
/// OpenID Connect server on a loopback port) and signs out of both; an administrator sees the link on the user's dialog
/// and removes it. Every page and dialog on the way is checked with axe.
/// </summary>
public sealed class FederationJourneyTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    private const string Coordinator = "coordinator@horizon.example";

    [Fact]
    public async Task R_AUTH_1_coordinator_signs_in_through_the_federation_and_the_administrator_removes_the_link()
    {
        var browser = browsers.Require();
        await using var provider = await TestIdentityProvider.TestIdentityProvider.StartAsync([], []);
        provider.NextIdentity = TestIdentity.Entree("entree-carla", Coordinator, brin: "05KO");
        await using var app = new JourneyApp(DateTimeOffset.UtcNow);
        foreach (var (key, value) in new Dictionary<string, string>
                 {
                     ["DisplayName"] = "Entree Federatie", ["Authority"] = provider.Authority.ToString(),
                     ["ClientId"] = TestIdentityProvider.TestIdentityProvider.ClientId,
                     ["ClientSecret"] = TestIdentityProvider.TestIdentityProvider.ClientSecret,
                     ["RequireHttpsMetadata"] = "false", ["Claims:Institution"] = TestIdentity.EntreeInstitutionClaim,
                 })
        {
            app.Settings["Authentication:Providers:Entree:" + key] = value;
        }

        var baseAddress = app.Start();
        await provider.AllowRedirectsAsync(
            [new Uri(baseAddress, "signin-oidc-entree").ToString()], [new Uri(baseAddress, "signout-callback-oidc-entree").ToString()]);
        var accessibility = new AccessibilityReport();

        // The coordinator: the button on the login page, the provider (which approves at once), back signed in.
        await using (var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", TimezoneId = "Europe/Amsterdam" }))
        {
            context.SetDefaultTimeout(20_000);
            var page = await context.NewPageAsync();
            accessibility.Watch(page);
            await page.GotoAsync(new Uri(baseAddress, "account/login").ToString());
            await accessibility.CheckAsync(page, "aanmelden met schoolfederatie");
            await page.GetByTestId("external-sign-in-entree").ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => url.StartsWith(baseAddress.ToString(), StringComparison.Ordinal) && !url.Contains("/account/", StringComparison.Ordinal));
            }
            catch (TimeoutException)
            {
                var log = string.Join(Environment.NewLine, Directory.GetFiles(Path.Combine(app.Folder, "logs")).Select(f =>
                {
                    using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                    return reader.ReadToEnd();
                }));
                var alerts = string.Join(" ", await page.Locator("[role=alert]").AllInnerTextsAsync());
                Assert.Fail($"Stuck at {page.Url}: {alerts}{Environment.NewLine}{log}");
            }
            await Expect(page.GetByTestId("user-name")).ToContainTextAsync("Carla");
            await page.Locator("[data-interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await accessibility.CheckAsync(page, "start na inloggen via school");

            // Signing out ends the provider's session too, and comes back to the login page.
            await page.GetByTestId("logout").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/account/login?uitgelogd=1", StringComparison.Ordinal));
            await Expect(page.GetByTestId("signed-out")).ToBeVisibleAsync();
            Assert.Single(provider.EndSessions);

            // A refusal's message on the login page.
            await page.GotoAsync(new Uri(baseAddress, "account/login?schoolfout=onbekende-instelling&aanbieder=entree").ToString());
            await Expect(page.GetByTestId("external-login-error")).ToContainTextAsync("niet bekend");
            await accessibility.CheckAsync(page, "aanmelden, geweigerd via school");
        }

        // The administrator sees the link on Carla's dialog and removes it.
        await using (var admin = await UserSession.SignInAsync(browser, baseAddress, accessibility, "beheerder@duo.example", AccountSeeder.DemoPassword))
        {
            await admin.OpenAsync("beheer/gebruikers", "gebruikers");
            await admin.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Carla Coördinator (De Horizon) wijzigen" }).ClickAsync();
            var linked = admin.Page.GetByTestId("linked-identity");
            await Expect(linked).ToContainTextAsync("Entree Federatie");
            await admin.CheckAccessibilityAsync("dialoog gebruiker met koppeling");
            await admin.Page.GetByTestId("linked-identity-remove").ClickAsync();
            await admin.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Verwijderen", Exact = true }).Last.ClickAsync();
            await Expect(admin.Page.GetByTestId("linked-identities-none")).ToBeVisibleAsync();
            await Expect(admin.Page.GetByTestId("linked-identities-message")).ToContainTextAsync("is verwijderd");
        }

        accessibility.AssertClean();
    }
}
