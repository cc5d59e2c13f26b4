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

    /// <summary>Every state that was checked, in order ("route page (/leerroutes/…)").</summary>
    public IReadOnlyList<string> Checked => _checked;

    public IReadOnlyList<string> BlockingViolations => _blocking;

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
