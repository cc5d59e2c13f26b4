using System.Net.Http;
using System.Net.Sockets;
using System.Security.Claims;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// Signing in through a school's federation: the login button starts it (<c>/account/extern/&lt;name&gt;</c>), the
/// provider's answer comes back to the OpenID Connect handler, and its events hand the identity to
/// <see cref="IExternalSignIn"/> (linking, never power by itself, R-AUTH-1) or turn a failure into a Dutch message on the
/// login page and an audit line. A provider that cannot be reached never gives an exception page.
/// </summary>
public static class ExternalSignInEndpoints
{
    public const string StartPattern = "/account/extern/{provider}";

    public static IEndpointRouteBuilder MapExternalSignIn(this IEndpointRouteBuilder endpoints)
    {
        // A link, not a form: the sign-in page's form-action stays 'self', and starting a sign-in changes nothing here
        // (the provider's answer is bound to this browser by the handler's correlation cookie and state).
        endpoints.MapGet(StartPattern, async (
                HttpContext context, string provider, [FromQuery(Name = "ReturnUrl")] string? returnUrl,
                ExternalProviderCatalog catalog, IExternalSignIn signIn) =>
            {
                if (catalog.Find(provider) is not { } found)
                {
                    return Results.NotFound();
                }

                try
                {
                    // The handler fetches the provider's metadata here, so a provider that is down fails now.
                    await context.ChallengeAsync(
                        found.Scheme, new AuthenticationProperties { RedirectUri = SignInPolicy.SafeReturnUrl(returnUrl) });
                    return Results.Empty;
                }
                catch (Exception failure) when (!context.Response.HasStarted)
                {
                    var refusal = Classify(failure);
                    await signIn.RecordRefusalAsync(found.DisplayName, refusal, Describe(failure), context.RequestAborted);
                    context.Response.Clear();
                    return Results.LocalRedirect(ExternalSignInPolicy.LoginPath(refusal, found.Name));
                }
            })
            .AllowAnonymous();
        return endpoints;
    }

    /// <summary>The provider vouched for someone: link or reach their account, start the session, or refuse.</summary>
    internal static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var provider = services.GetRequiredService<ExternalProviderCatalog>().ByScheme(context.Scheme.Name)
                       ?? throw new InvalidOperationException($"No provider for scheme {context.Scheme.Name}.");
        var identity = provider.Read(context.Principal ?? new ClaimsPrincipal());
        var outcome = await services.GetRequiredService<IExternalSignIn>()
            .SignInAsync(identity, context.ReturnUri, context.HttpContext.RequestAborted);

        // The app's own session cookie was set (or not); the provider's ticket itself is not kept.
        context.HandleResponse();
        context.Response.Redirect(outcome.RedirectTo ?? ExternalSignInPolicy.LoginPath(outcome.Refusal!.Value, provider.Name));
    }

    /// <summary>A state or nonce that does not match, an error from the provider, a token endpoint that is down.</summary>
    internal static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var services = context.HttpContext.RequestServices;
        var provider = services.GetRequiredService<ExternalProviderCatalog>().ByScheme(context.Scheme.Name);
        var refusal = Classify(context.Failure);
        await services.GetRequiredService<IExternalSignIn>().RecordRefusalAsync(
            provider?.DisplayName ?? context.Scheme.Name, refusal, Describe(context.Failure), context.HttpContext.RequestAborted);
        context.HandleResponse();
        context.Response.Redirect(ExternalSignInPolicy.LoginPath(refusal, provider?.Name ?? context.Scheme.Name));
    }

    /// <summary>
    /// After the app's own sign-out: also ends the session at the provider the user signed in with, when that provider
    /// has an end-session endpoint. Returns whether the response now redirects there.
    /// </summary>
    internal static async Task<bool> SignOutAtProviderAsync(HttpContext context, string? providerName, string redirectUri)
    {
        var services = context.RequestServices;
        if (services.GetRequiredService<ExternalProviderCatalog>().Find(providerName) is not { } provider)
        {
            return false;
        }

        try
        {
            var options = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(provider.Scheme);
            var configuration = options.ConfigurationManager is null
                ? null
                : await options.ConfigurationManager.GetConfigurationAsync(context.RequestAborted);
            if (string.IsNullOrEmpty(configuration?.EndSessionEndpoint))
            {
                return false;
            }

            await context.SignOutAsync(provider.Scheme, new AuthenticationProperties { RedirectUri = redirectUri });
            return true;
        }
        catch (Exception failure) when (!context.Response.HasStarted)
        {
            // Signed out here already; a provider that is down only keeps its own session.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignInEndpoints))
                .LogWarning("Signing out at provider {Provider} failed: {Failure}", provider.Name, Describe(failure));
            return false;
        }
    }

    /// <summary>Down or unreachable (no answer, no metadata), or anything else that went wrong on the way.</summary>
    internal static ExternalSignInRefusal Classify(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or IOException or TimeoutException or TaskCanceledException
                || e.Message.Contains("IDX20803", StringComparison.Ordinal) // unable to obtain configuration
                || e.Message.Contains("IDX20804", StringComparison.Ordinal)) // unable to retrieve document
            {
                return ExternalSignInRefusal.ProviderUnreachable;
            }
        }

        return ExternalSignInRefusal.RemoteFailure;
    }

    /// <summary>A short description for the audit log and the log: the kind of failure and its first words, no tokens.</summary>
    internal static string Describe(Exception? failure)
    {
        if (failure is null)
        {
            return "onbekende fout";
        }

        var message = failure.Message.ReplaceLineEndings(" ");
        return $"{failure.GetType().Name}: {(message.Length <= 160 ? message : message[..160])}";
    }
}
