using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Components.Shared;

/// <summary>
/// MudBlazor's look as plain HTML classes, for what every open page keeps (the menu, a table's rows, a link, a chip that is
/// only text, the filters of a list): a component per item keeps its own state and two render trees in the open page
/// (circuit) for as long as the page is open (issue 17: open pages stay light). Forms and dialogs use the MudBlazor components.
/// </summary>
public static class PlainMarkup
{
    /// <summary>The classes of a MudLink with the body typography, always underlined.</summary>
    public const string Link = "mud-typography mud-link mud-primary-text mud-link-underline-always mud-typography-body1";

    /// <summary>The classes of a MudLink underlined on hover.</summary>
    public const string LinkUnderlinedOnHover = "mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body1";

    /// <summary>The classes of a MudNavLink's icon (an <c>svg</c> with one of MudBlazor's icon paths inside).</summary>
    public const string NavLinkIcon = "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default";

    /// <summary>The classes of a small icon in a button (an <c>svg</c> with one of MudBlazor's icon paths inside).</summary>
    public const string ButtonIcon = "mud-icon-root mud-svg-icon mud-icon-size-medium";

    /// <summary>The classes of a MudIconButton (a plain <c>button</c> around an <see cref="ButtonIcon"/>).</summary>
    public const string IconButton = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon";

    /// <summary>The classes of a small filled MudChip in <paramref name="colour"/>, for a chip that is only text.</summary>
    public static string Chip(Color colour) =>
        $"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-{colour.ToString().ToLowerInvariant()}";
}
