namespace DoorlopendeLeerroutes.Web.Components.Routes;

/// <summary>The buttons of the route page's action panel.</summary>
public enum RouteAction
{
    Confirm,
    Submit,
    Register,
    Reject,
    NewVersion,
    End,
    Withdraw,
}
