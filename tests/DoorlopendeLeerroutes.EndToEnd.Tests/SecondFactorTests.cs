using DoorlopendeLeerroutes.EndToEnd.Tests.Support;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using static Microsoft.Playwright.Assertions;

namespace DoorlopendeLeerroutes.EndToEnd.Tests;

/// <summary>
/// R-AUTH-2 in a real browser: the administrator signs in with password and authenticator code, registers a passkey on
/// the page "Beveiliging" and signs in with it alone, through Chromium's virtual authenticator (DevTools protocol).
/// </summary>
public sealed class SecondFactorTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task R_AUTH_2_administrator_signs_in_with_a_code_registers_a_passkey_and_signs_in_with_it()
    {
        var browser = browsers.Require();
        await using var app = new JourneyApp(DateTimeOffset.UtcNow);

        // WebAuthn takes a domain, not an IP address, as the relying party: the browser visits localhost.
        var baseAddress = new UriBuilder(app.Start()) { Host = "localhost" }.Uri;
        var accessibility = new AccessibilityReport();
        await using var admin = await UserSession.SignInAsync(browser, baseAddress, accessibility, "beheerder@duo.example", AccountSeeder.DemoPassword);
        Assert.DoesNotContain("/account/", admin.Page.Url, StringComparison.Ordinal); // the code was accepted

        // A platform authenticator that checks the person (user verification) and keeps the passkey (resident key).
        var devTools = await admin.Context.NewCDPSessionAsync(admin.Page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await admin.OpenAsync("account/beveiliging", "beveiliging, passkey toevoegen", interactive: false);
        await admin.Page.GetByLabel("Naam van de nieuwe passkey").FillAsync("Testsleutel");
        await admin.Page.GetByTestId("add-passkey").ClickAsync();
        await Expect(admin.Page.GetByTestId("security-message")).ToContainTextAsync("De passkey is toegevoegd.");
        await Expect(admin.Page.GetByTestId("passkey-name")).ToHaveValueAsync("Testsleutel");
        await admin.CheckAccessibilityAsync("beveiliging, met passkey");

        await admin.Page.GetByTestId("logout").ClickAsync();
        await admin.Page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await admin.Page.GetByTestId("passkey-login").ClickAsync();
        await admin.Page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await admin.WaitUntilInteractiveAsync();

        // Signed in without password or code, and counted as two factors: Beheer opens (R-AUTH-2).
        await Expect(admin.Page.GetByTestId("user-name")).ToContainTextAsync("Bea Beheer");
        await admin.OpenAsync("beheer", "beheer, na passkey");
        Assert.EndsWith("/beheer", admin.Page.Url, StringComparison.Ordinal);

        accessibility.AssertClean();
    }
}
