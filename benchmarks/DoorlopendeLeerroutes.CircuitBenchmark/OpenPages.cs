using DoorlopendeLeerroutes.Tests.Shared;
using Microsoft.Playwright;

namespace DoorlopendeLeerroutes.CircuitBenchmark;

/// <summary>A page to open many times, and the element that shows its interactive content has arrived.</summary>
/// <param name="Path">The page's address (its <c>@page</c>).</param>
/// <param name="ContentSelector">
/// An element that only the interactive render shows, after the page's server-side data load: a link in the first row
/// of the page's table (the tables load their rows over the circuit, never while prerendering).
/// </param>
public sealed record PageUnderTest(string Name, string Path, string ContentSelector)
{
    public static PageUnderTest CountDate { get; } = new("/teldatum", "teldatum", "[data-testid=count-pupils] tbody a[href]");

    public static PageUnderTest RouteList { get; } = new("/leerroutes", "leerroutes", "[data-testid=route-list] [data-testid=route-link]");

    /// <summary>
    /// The floor: a page with nothing but a sentence (<c>/geen-toegang</c>), i.e. what every open page costs for the layout
    /// (MudBlazor's providers, app bar, menu, user menu) and the circuit itself. Its content is the interactive marker.
    /// </summary>
    public static PageUnderTest Floor { get; } = new("/geen-toegang", "geen-toegang", "[data-interactive]");

    /// <summary>The pages of issue 17, part 5: measured when no <c>--page</c> is given.</summary>
    public static IReadOnlyList<PageUnderTest> Default { get; } = [CountDate, RouteList];

    public static IReadOnlyList<PageUnderTest> Known { get; } = [CountDate, RouteList, Floor];
}

/// <summary>A signed-in person (one browser context, one sign-in) that opens pages in tabs and times them.</summary>
public sealed class OpenPages : IAsyncDisposable
{
    // Set in every tab before the page's own scripts run: watches the DOM and notes performance.now() (milliseconds since
    // the navigation started) the first moment the circuit is connected (the layout's [data-interactive] marker, rendered
    // only by the interactive render) and the page's interactive content is present.
    private const string InteractiveProbe = """
        (() => {
          const content = window.__dlrContentSelector = {{SELECTORS}}[location.pathname];
          if (!content) return;
          const ready = () => document.querySelector('[data-interactive]') && document.querySelector(content);
          const observer = new MutationObserver(() => {
            if (window.__dlrInteractiveAt === undefined && ready()) {
              window.__dlrInteractiveAt = performance.now();
              observer.disconnect();
            }
          });
          observer.observe(document, { childList: true, subtree: true, attributes: true });
        })();
        """;

    private readonly IBrowserContext _context;
    private readonly Uri _address;

    private OpenPages(IBrowserContext context, Uri address)
    {
        _context = context;
        _address = address;
    }

    /// <summary>Signs in through the login page (and, for the administrator, the authenticator-code page).</summary>
    public static async Task<OpenPages> SignInAsync(IBrowser browser, Uri address, string email, string password, string? authenticatorKey)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            IgnoreHTTPSErrors = true, // the run's own self-signed certificate
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        // No time limit: on a busy machine a national-scale /teldatum can take long, and a slow page is a figure, not an error.
        context.SetDefaultTimeout(0);
        context.SetDefaultNavigationTimeout(0);
        var selectors = "{" + string.Join(", ", PageUnderTest.Known.Select(p => $"'/{p.Path}': '{p.ContentSelector}'")) + "}";
        await context.AddInitScriptAsync(InteractiveProbe.Replace("{{SELECTORS}}", selectors, StringComparison.Ordinal));

        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(address, "account/login").ToString());
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await LeaveAsync(page, "/account/login", "signing in");
        if (authenticatorKey is not null && page.Url.Contains("/account/", StringComparison.Ordinal))
        {
            await page.Locator("#code").FillAsync(Totp.Code(authenticatorKey));
            await page.Locator("[data-testid=second-factor-submit]").ClickAsync();
            await LeaveAsync(page, "/account/", "the authenticator code");
        }

        await page.Locator("[data-interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await CloseAsync(page);
        return new OpenPages(context, address);
    }

    /// <summary>Opens <paramref name="target"/> in a new tab and returns it with its page-to-interactive time.</summary>
    public async Task<(IPage Page, double Milliseconds)> OpenAsync(PageUnderTest target)
    {
        var page = await _context.NewPageAsync();
        // Committed is enough: the probe notes the moment itself, and waiting for "load" as well only adds a round trip.
        await page.GotoAsync(new Uri(_address, target.Path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        return (page, await InteractiveAfterAsync(page));
    }

    /// <summary>Loads the tab again (its old circuit ends, a new one starts) and returns the new page-to-interactive time.</summary>
    public static async Task<double> ReloadAsync(IPage page)
    {
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Commit });
        return await InteractiveAfterAsync(page);
    }

    /// <summary>
    /// Leaves the page first, so Blazor's script tells the server the circuit is over (as a closed browser tab does) and
    /// the server disposes it at once instead of keeping it as a disconnected circuit for three minutes.
    /// </summary>
    public static async Task CloseAsync(IPage page)
    {
        await page.GotoAsync("about:blank");
        await page.CloseAsync();
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    // Signing in has a time limit (unlike opening pages): a refusal leaves the browser on the same page, and the run should
    // then stop with what the page said instead of waiting for ever.
    private static async Task LeaveAsync(IPage page, string address, string step)
    {
        try
        {
            await page.WaitForURLAsync(url => !url.Contains(address, StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 120_000 });
        }
        catch (TimeoutException)
        {
            var said = await page.Locator("main").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 });
            throw new InvalidOperationException($"Still on {page.Url} two minutes after {step}; the page says: {said}");
        }
    }

    private static async Task<double> InteractiveAfterAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__dlrInteractiveAt !== undefined", null, new PageWaitForFunctionOptions { PollingInterval = 50 });
        return Math.Round(await page.EvaluateAsync<double>("() => window.__dlrInteractiveAt"), 1);
    }
}
