using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoorlopendeLeerroutes.EndToEnd.Tests.Support;

/// <summary>
/// One person in the journey: an own browser context (own cookies, Dutch locale, Dutch time zone) signed in with a demo
/// account. Every page it opens is checked with axe.
/// </summary>
public sealed class UserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _baseAddress;
    private readonly AccessibilityReport _accessibility;

    private UserSession(IBrowserContext context, IPage page, Uri baseAddress, AccessibilityReport accessibility)
    {
        _context = context;
        Page = page;
        _baseAddress = baseAddress;
        _accessibility = accessibility;
    }

    public IPage Page { get; }

    /// <summary>
    /// Signs in through the login page; an account with an authenticator app (the demo administrator, R-AUTH-2) also
    /// through the code page, with a code computed from <paramref name="authenticatorKey"/> (default: the demo key).
    /// Identity accepts a code again within its time window, so two sign-ins in the same 30 seconds both work.
    /// </summary>
    public static async Task<UserSession> SignInAsync(
        IBrowser browser, Uri baseAddress, AccessibilityReport accessibility, string email, string password, string? authenticatorKey = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        accessibility.Watch(page);
        var session = new UserSession(context, page, baseAddress, accessibility);

        await page.GotoAsync(new Uri(baseAddress, "account/login").ToString());
        await accessibility.CheckAsync(page, "aanmelden");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        if (page.Url.Contains(Application.Accounts.SecondFactor.StepPath, StringComparison.Ordinal))
        {
            await accessibility.CheckAsync(page, "code invullen");
            await page.Locator("#code").FillAsync(Totp.Code(authenticatorKey ?? Infrastructure.Accounts.AccountSeeder.DemoAdministratorAuthenticatorKey));
            await page.Locator("[data-testid=second-factor-submit]").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        }

        await session.WaitUntilInteractiveAsync();
        return session;
    }

    /// <summary>The browser context, e.g. for a DevTools session (Chromium's virtual authenticator for passkeys).</summary>
    public IBrowserContext Context => _context;

    /// <summary>
    /// Opens a page by its address, waits until it answers clicks (unless it is one of the few server-rendered pages,
    /// such as the password page) and checks it with axe.
    /// </summary>
    public async Task OpenAsync(string path, string what, bool interactive = true)
    {
        await Page.GotoAsync(new Uri(_baseAddress, path.TrimStart('/')).ToString());
        if (interactive)
        {
            await WaitUntilInteractiveAsync();
        }

        await CheckAccessibilityAsync(what);
    }

    /// <summary>Checks what is on screen now (a page after a step, an open dialog) with axe.</summary>
    public async Task CheckAccessibilityAsync(string what)
    {
        // Let running CSS transitions finish (a dialog fading in, a chip changing colour, a snackbar sliding in): halfway
        // through, text has a colour the page never settles on, and axe would judge that.
        await Page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)");
        await _accessibility.CheckAsync(Page, what);
    }

    /// <summary>The layout marks the page once Blazor's circuit is connected; before that, clicks do nothing.</summary>
    public Task WaitUntilInteractiveAsync() =>
        Page.Locator("[data-interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Moves the focus with Tab (never the mouse) until it is on or inside <paramref name="target"/>.</summary>
    public async Task TabToAsync(ILocator target, int maxPresses = 120)
    {
        for (var presses = 0; presses <= maxPresses; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{maxPresses} presses of Tab did not reach {target}: it cannot be reached by keyboard.");
    }

    /// <summary>
    /// Chooses options of a MudSelect by keyboard: Tab to it, Enter opens the list, arrow keys move the highlight to
    /// each option, Enter picks it; a single choice closes the list itself, a multiple choice list is closed with Escape.
    /// </summary>
    /// <remarks>
    /// On a busy machine the circuit now and then drops the key that should close the list (CI saw a list stay open
    /// after Enter and Escape). A keyboard user presses Escape again and retries; so does the test, up to three times,
    /// and it then checks that the select shows what was chosen, so a retry cannot hide a choice that went wrong.
    /// </remarks>
    public async Task ChooseByKeyboardAsync(ILocator select, params string[] options)
    {
        var list = Page.Locator(".mud-popover-open .mud-list");
        for (var attempt = 1; ; attempt++)
        {
            await TabToAsync(select);
            await Page.Keyboard.PressAsync("Enter");
            await Expect(list).ToBeVisibleAsync();
            var multiple = await list.GetAttributeAsync("aria-multiselectable") == "true";
            foreach (var option in options)
            {
                await MoveHighlightToAsync(list, option);
                await Page.Keyboard.PressAsync("Enter");
            }

            if (multiple || !await ClosesWithinAsync(list, 5_000))
            {
                await Page.Keyboard.PressAsync("Escape");
            }

            if (await ClosesWithinAsync(list, 5_000) && await ShowsAsync(select, options))
            {
                return;
            }

            var focused = await Page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
            Assert.True(attempt < 3, $"Choosing {string.Join(", ", options)} by keyboard did not work three times; focus on: {focused}");
            TestContext.Current.SendDiagnosticMessage($"Choosing by keyboard did not take (attempt {attempt}); focus on: {focused}");
            if (await list.IsVisibleAsync())
            {
                await Page.Keyboard.PressAsync("Escape");
                await Expect(list).ToBeHiddenAsync();
            }
        }
    }

    /// <summary>Tab to a file field and press Space, as a keyboard user opens the browser's file chooser.</summary>
    public async Task<IFileChooser> OpenFileChooserByKeyboardAsync(ILocator fileInput)
    {
        // Now and then Chromium lets the first Space pass without opening the chooser (the page is still settling after
        // a render); a keyboard user would press it again, and so does the test, up to three times.
        for (var attempt = 1; ; attempt++)
        {
            await TabToAsync(fileInput);
            try
            {
                return await Page.RunAndWaitForFileChooserAsync(
                    () => Page.Keyboard.PressAsync("Space"), new PageRunAndWaitForFileChooserOptions { Timeout = 5_000 });
            }
            catch (TimeoutException) when (attempt < 3)
            {
                var focused = await Page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
                TestContext.Current.SendDiagnosticMessage($"Space opened no file chooser (attempt {attempt}); focus on: {focused}");
            }
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private async Task MoveHighlightToAsync(ILocator list, string option)
    {
        var items = await list.Locator(".mud-list-item").AllInnerTextsAsync();
        var wanted = items.Select(i => i.Trim()).ToList().IndexOf(option);
        Assert.True(wanted >= 0, $"'{option}' is not among the options: {string.Join(" | ", items)}");
        for (var presses = 0; presses < items.Count * 2; presses++)
        {
            var current = await HighlightedAsync(list);
            if (current == wanted)
            {
                return;
            }

            await Page.Keyboard.PressAsync(current < wanted ? "ArrowDown" : "ArrowUp");

            // The highlight moves after a round trip to the server; wait for it before pressing again.
            for (var waited = 0; waited < 40 && await HighlightedAsync(list) == current; waited++)
            {
                await Task.Delay(50);
            }
        }

        Assert.Fail($"The arrow keys did not reach '{option}'.");
    }

    private static async Task<bool> ClosesWithinAsync(ILocator list, float milliseconds)
    {
        try
        {
            await Expect(list).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = milliseconds });
            return true;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    /// <summary>The select shows its choice in a read-only input (the test id may sit on it or around it), several separated by commas.</summary>
    private static async Task<bool> ShowsAsync(ILocator select, string[] options)
    {
        var shown = await select.EvaluateAsync<string>(
            "e => (e.matches('input') ? e : e.querySelector('input'))?.value ?? e.textContent ?? ''");
        return options.All(shown.Contains);
    }

    /// <summary>MudBlazor marks the option the arrow keys are on with <c>mud-selected-item</c>.</summary>
    private static Task<int> HighlightedAsync(ILocator list) =>
        list.Locator(".mud-list-item").EvaluateAllAsync<int>("items => items.findIndex(i => i.classList.contains('mud-selected-item'))");
}
