using Microsoft.Playwright;

namespace DoorlopendeLeerroutes.EndToEnd.Tests.Support;

/// <summary>
/// One headless Chromium for the test class, found in this order: the path in <c>DLR_BROWSER</c>, Debian's
/// <c>/usr/bin/chromium</c>, then the browsers Playwright installed itself. Without one the tests are skipped with the
/// reason and the install command, except in CI (<c>CI=true</c>), where a missing browser fails them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string BrowserVariable = "DLR_BROWSER";
    public const string DebianChromium = "/usr/bin/chromium";
    public const string InstallHint =
        "Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set DLR_BROWSER to a Chromium or Chrome executable.";

    // Quiet, sandbox-free Chromium: CI runs as root in a container, and nothing may phone home.
    private static readonly string[] LaunchArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _missingReason = string.Empty;

    /// <summary>Where the browser came from, for the test output.</summary>
    public string Source { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        // Blazor answers over a WebSocket and CI shares two cores with the other test projects: give each expectation
        // (retried until it holds) 15 seconds instead of Playwright's 5.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        var configured = Environment.GetEnvironmentVariable(BrowserVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(configured))
            {
                _missingReason = $"{BrowserVariable} points at '{configured}', which does not exist.";
                return;
            }

            await LaunchAsync(configured, $"{BrowserVariable} ({configured})");
            return;
        }

        if (File.Exists(DebianChromium))
        {
            await LaunchAsync(DebianChromium, DebianChromium);
            return;
        }

        try
        {
            await LaunchAsync(executablePath: null, "Playwright's installed Chromium");
        }
        catch (PlaywrightException exception)
        {
            _missingReason = $"No browser found: {BrowserVariable} is not set, {DebianChromium} does not exist and Playwright has no " +
                             $"installed browser ({exception.Message.Split('\n')[0]}).";
        }
    }

    /// <summary>The browser; without one the calling test is skipped (on a developer's machine) or fails (in CI).</summary>
    public IBrowser Require()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        var message = $"{_missingReason} {InstallHint}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI must run the browser journey. " + message);
        }

        // dotnet test shows no skip reasons at its normal verbosity; the diagnostic message puts it on the console.
        TestContext.Current.SendDiagnosticMessage("Browser journey skipped: " + message);
        Assert.Skip(message);
        return null!; // not reached: Assert.Skip throws
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private async Task LaunchAsync(string? executablePath, string source)
    {
        _browser = await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executablePath,
            Headless = true,
            Args = LaunchArguments,
        });
        Source = source;
    }
}
