using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DoorlopendeLeerroutes.EndToEnd.Tests.Support;

/// <summary>
/// axe-core on every page (and dialog) the journey shows. Serious and critical violations are collected with the page
/// they were found on, so one run reports all of them at once; minor and moderate ones are listed in the output only.
/// </summary>
public sealed class AccessibilityReport
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private readonly List<string> _blocking = [];
    private readonly List<string> _checked = [];
    private readonly List<string> _policyViolations = [];
    private readonly Dictionary<IPage, EventHandler<IConsoleMessage>> _watched = [];

    /// <summary>Every state that was checked, in order ("route page (/leerroutes/…)").</summary>
    public IReadOnlyList<string> Checked => _checked;

    public IReadOnlyList<string> BlockingViolations => _blocking;

    /// <summary>
    /// What the browser refused under the app's Content-Security-Policy (issue 11) on the watched pages: a policy that
    /// breaks Blazor or MudBlazor shows here before a user notices.
    /// </summary>
    public IReadOnlyList<string> PolicyViolations => _policyViolations;

    /// <summary>Fails with every finding at once when the browser refused something under the policy or axe found a serious or critical violation.</summary>
    public void AssertClean()
    {
        Assert.True(
            PolicyViolations.Count == 0,
            "The browser refused something under the Content-Security-Policy:" + Environment.NewLine + string.Join(Environment.NewLine, PolicyViolations));
        Assert.True(
            BlockingViolations.Count == 0,
            "Serious or critical accessibility violations:" + Environment.NewLine + string.Join(Environment.NewLine, BlockingViolations));
    }

    /// <summary>Collects the page's Content-Security-Policy refusals from the browser console from now on.</summary>
    public void Watch(IPage page)
    {
        EventHandler<IConsoleMessage> handler = (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (_policyViolations)
                {
                    _policyViolations.Add($"{new Uri(page.Url).AbsolutePath}: {message.Text}");
                }
            }
        };
        _watched[page] = handler;
        page.Console += handler;
    }

    public void StopWatching(IPage page)
    {
        if (_watched.Remove(page, out var handler))
        {
            page.Console -= handler;
        }
    }

    public async Task CheckAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var path = new Uri(page.Url).AbsolutePath;
        _checked.Add($"{what} ({path})");
        foreach (var violation in result.Violations)
        {
            var targets = string.Join(", ", violation.Nodes.Take(5).Select(n => n.Target?.ToString()));
            var line = $"{what} ({path}): {violation.Id} [{violation.Impact}] {violation.Help} – {targets}";
            if (Blocking.Contains(violation.Impact, StringComparer.OrdinalIgnoreCase))
            {
                _blocking.Add(line);
            }
            else
            {
                TestContext.Current.SendDiagnosticMessage("axe (not blocking): " + line);
            }
        }
    }
}
