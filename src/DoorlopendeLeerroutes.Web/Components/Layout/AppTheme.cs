using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Components.Layout;

/// <summary>Colours chosen for contrast (WCAG AA) on white; no web fonts are loaded, system fonts are used.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a237e",
            Secondary = "#00695c",
            AppbarBackground = "#1a237e",
            TextSecondary = "rgba(0,0,0,0.70)",

            // Darker than MudBlazor's defaults, so alert text and filled chips reach 4.5:1 contrast (axe color-contrast).
            Info = "#0b57a4",
            Success = "#1b6b20",
            Warning = "#8a4b00",
            Error = "#b3261e",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
