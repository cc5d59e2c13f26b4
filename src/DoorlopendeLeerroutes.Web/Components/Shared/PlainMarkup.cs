using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Components.Shared;

/// <summary>
/// MudBlazor's look as plain HTML classes, for what a grid repeats in every row (a link, a chip that is only text): a
/// component per cell would keep its own state in the open page (circuit) for as long as the page is open (issue 17:
/// open pages stay light). Elsewhere the MudBlazor components are the way.
/// </summary>
public static class PlainMarkup
{
    /// <summary>The classes of a MudLink with the body typography, always underlined.</summary>
    public const string Link = "mud-typography mud-link mud-primary-text mud-link-underline-always mud-typography-body1";

    /// <summary>The classes of a MudLink underlined on hover.</summary>
    public const string LinkUnderlinedOnHover = "mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body1";

    /// <summary>The classes of a small filled MudChip in <paramref name="colour"/>, for a chip that is only text.</summary>
    public static string Chip(Color colour) =>
        $"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-{colour.ToString().ToLowerInvariant()}";
}
