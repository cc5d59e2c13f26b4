using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace DoorlopendeLeerroutes.Web.Security;

/// <summary>
/// The browser-side hardening every response carries, pages, static files, downloads, /health, 404 and the error page
/// alike: a Content-Security-Policy, <c>X-Content-Type-Options: nosniff</c>, a Referrer-Policy, a Permissions-Policy and
/// <c>X-Frame-Options: DENY</c> for browsers that predate <c>frame-ancestors</c>.
/// </summary>
/// <remarks>
/// The policy, directive by directive, and why each exception to <c>'self'</c> is there:
/// <list type="bullet">
/// <item><c>default-src 'self'</c>: only this origin, for everything not named below.</item>
/// <item><c>script-src 'self' 'sha256-…'</c>: blazor.web.js and MudBlazor.min.js are files of this origin. The one inline
/// script is the import map that <c>&lt;ImportMap /&gt;</c> writes (it maps the fingerprinted file names); it is allowed by
/// the hash of exactly that text, computed from the endpoint's <see cref="ImportMapDefinition"/>, so it follows every
/// rebuild. No <c>'unsafe-inline'</c> and no <c>'unsafe-eval'</c> for scripts: Blazor Server and MudBlazor need neither
/// (neither script calls eval or new Function).</item>
/// <item><c>style-src 'self' 'unsafe-inline'</c>: the one real exception. MudBlazor writes <c>style</c> attributes
/// (popover positions, grid widths) and <c>&lt;style&gt;</c> elements (the theme's CSS variables), and Blazor's reconnect
/// dialog adds a <c>&lt;style&gt;</c> element; none of them can carry a nonce or a stable hash. Inline CSS cannot run
/// script, so the loss is limited to what CSS alone can do (e.g. restyling a page an attacker already injects into).</item>
/// <item><c>img-src 'self' data:</c>: MudBlazor's stylesheet embeds a small PNG as a <c>data:</c> URL.</item>
/// <item><c>connect-src 'self'</c>: the circuit's WebSocket (and its long-polling fallback) goes to this origin; CSP
/// Level 3 lets <c>'self'</c> match <c>ws:</c>/<c>wss:</c> on the same host and port, as current Chromium, Firefox and
/// Safari implement.</item>
/// <item><c>object-src 'none'</c>, <c>base-uri 'self'</c>, <c>form-action 'self'</c>, <c>frame-ancestors 'none'</c>
/// (no one frames the app: clickjacking), <c>frame-src 'none'</c>.</item>
/// <item><c>upgrade-insecure-requests</c> only on a request that came over HTTPS, so <c>dotnet run</c> on
/// http://localhost keeps working.</item>
/// </list>
/// </remarks>
public static class SecurityHeaders
{
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Browser features the app never uses, switched off for it and for anything it might embed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
        + "midi=(), payment=(), usb=()";

    private const string BasePolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; frame-src 'none'";

    // One import map per endpoint data source; computed once, not per request.
    private static readonly ConditionalWeakTable<ImportMapDefinition, string> ImportMapHashes = [];

    /// <summary>Registers the headers; call it first in the pipeline, so that every response, also an error, gets them.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set when the response starts: the exception handler and the status-code pages clear headers set earlier,
            // and only then is the endpoint (and so its import map) known.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(context);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>The policy for this response: the base policy, plus the import map's hash on a page that renders one.</summary>
    public static string ContentSecurityPolicy(HttpContext context)
    {
        // The API's docs page (Scalar) alone has its own policy with inline script (Api/ApiDocumentation.cs, docs/decisions.md).
        if (context.GetEndpoint()?.Metadata.GetMetadata<Api.ApiDocumentation.DocsPageMarker>() is not null)
        {
            return Api.ApiDocumentation.DocsContentSecurityPolicy;
        }

        var importMap = context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>();
        var scripts = importMap is null
            ? "script-src 'self'"
            : $"script-src 'self' '{ImportMapHashes.GetValue(importMap, Sha256Source)}'";
        var upgrade = context.Request.IsHttps ? "; upgrade-insecure-requests" : string.Empty;
        return $"{BasePolicy}; {FormAction(context)}; {scripts}{upgrade}";
    }

    /// <summary>
    /// <c>form-action 'self'</c>, plus the configured federations' origins: signing out after a sign-in through one
    /// redirects the sign-out form to its end-session endpoint, which the browser checks against form-action (issue 13).
    /// </summary>
    private static string FormAction(HttpContext context) =>
        string.Join(' ', ["form-action 'self'", .. context.RequestServices.GetService<Accounts.ExternalProviderCatalog>()?.Origins ?? []]);

    /// <summary>The CSP hash source of the import map exactly as <c>&lt;ImportMap /&gt;</c> renders it.</summary>
    public static string Sha256Source(ImportMapDefinition importMap) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString()))); // ToString() is the JSON the component writes
}
