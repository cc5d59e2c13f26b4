using Microsoft.Playwright;

namespace DoorlopendeLeerroutes.EndToEnd.Tests.Support;

/// <summary>
/// Screenshots of the main pages, written by every journey run to <c>docs/screenshots/</c> in the repository, where the
/// README shows them; so the README always shows what the last run saw.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "docs", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DoorlopendeLeerroutes.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No DoorlopendeLeerroutes.sln above {AppContext.BaseDirectory}.");
    }
}
