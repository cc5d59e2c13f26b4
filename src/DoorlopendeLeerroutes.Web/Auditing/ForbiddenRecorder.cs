using DoorlopendeLeerroutes.Application.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace DoorlopendeLeerroutes.Web.Auditing;

/// <summary>
/// R-PRIV-2: a signed-in user who asks for a page or endpoint their role does not allow (403, "geen toegang") is recorded,
/// then answered as before. Pages opened inside a running circuit are recorded by <c>AccessDeniedMessage</c>.
/// </summary>
internal sealed class ForbiddenRecorder(IAuditTrail audit, ICurrentUser currentUser) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(
        RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && currentUser.User is { } user)
        {
            await audit.RecordAsync(user, AuditEvent.Forbidden(context.Request.Path.Value ?? "/"), context.RequestAborted);
        }

        if (!authorizeResult.Succeeded && Api.ApiAuthentication.IsApiPolicy(policy))
        {
            await Api.ApiAuthentication.RefuseAsync(context, authorizeResult); // 401/403 as problem details (issue 14)
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
