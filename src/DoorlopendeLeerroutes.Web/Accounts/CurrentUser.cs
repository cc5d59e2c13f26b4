using System.Security.Claims;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// The signed-in user for the Application layer. In a page (prerendered or in a circuit) Blazor's authentication state
/// is the truth, because it is revalidated while the circuit lives; in plain endpoints it is the request's user.
/// </summary>
internal sealed class CurrentUser(AuthenticationStateProvider authentication, IHttpContextAccessor http) : ICurrentUser
{
    public UserContext? User => AppClaims.ToUserContext(Principal());

    private ClaimsPrincipal? Principal()
    {
        try
        {
            var state = authentication.GetAuthenticationStateAsync();
            if (state.IsCompletedSuccessfully)
            {
                return state.Result.User;
            }
        }
        catch (InvalidOperationException)
        {
            // Outside a Razor component (minimal endpoints) the provider has no state: use the request's user.
        }

        return http.HttpContext?.User;
    }
}
