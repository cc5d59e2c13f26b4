using Bunit;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>
/// Issue 17: the menu is plain links (Blazor's NavLink with MudNavLink's look) that every open page keeps; it still marks
/// where the reader is and shows each role only its own sections.
/// </summary>
public sealed class NavMenuTests : ComponentTestContext
{
    [Fact]
    public void The_link_of_the_current_page_is_marked_for_eyes_and_screen_readers_and_start_only_on_the_start_page()
    {
        AddAuthorization().SetAuthorized("coordinator@horizon.example").SetRoles(UserRoles.Coordinator);
        Services.GetRequiredService<NavigationManager>().NavigateTo("leerroutes/5f0e0a52-2f53-4a53-a0a8-7b3f7f6f1c11");

        var cut = Render<NavMenu>();

        var routes = cut.Find("[data-testid=nav-leerroutes]");
        Assert.Contains("active", routes.ClassList);
        Assert.Equal("page", routes.GetAttribute("aria-current"));
        var start = cut.Find("[data-testid=nav-start]");
        Assert.DoesNotContain("active", start.ClassList);
        Assert.Null(start.GetAttribute("aria-current"));
        Assert.Contains("Leerroutes", routes.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", routes.QuerySelector("svg")!.GetAttribute("aria-hidden")); // the icon is decoration
    }

    [Fact]
    public void A_coordinator_sees_the_links_but_not_the_administrators_sections()
    {
        AddAuthorization().SetAuthorized("coordinator@horizon.example").SetRoles(UserRoles.Coordinator);

        var cut = Render<NavMenu>();

        Assert.NotEmpty(cut.FindAll("[data-testid=nav-koppelingen]"));
        Assert.Empty(cut.FindAll("[data-testid=nav-beheer]"));
        Assert.Empty(cut.FindAll("[data-testid=nav-monitor]"));
    }

    [Fact]
    public void An_administrator_also_sees_beheer_and_the_monitor()
    {
        AddAuthorization().SetAuthorized("beheerder@duo.example").SetRoles(UserRoles.Administrator);

        var cut = Render<NavMenu>();

        Assert.Equal(
            ["Start", "Leerroutes", "Leerlingen", "Teldatum", "Leerroutes zoeken", "Koppelingen", "Beheer", "Monitor"],
            cut.FindAll("a.mud-nav-link").Select(link => link.TextContent.Trim()));
    }
}
