using System.Net;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>The demo accounts (Development) and signing in through the real login form.</summary>
public static partial class SignIn
{
    public const string Administrator = "beheerder@duo.example";
    public const string VoCoordinator = "coordinator@horizon.example";
    public const string VoViewer = "lezer@horizon.example";
    public const string MboCoordinator = "coordinator@rocrivierenland.example";
    public const string MboViewer = "lezer@rocrivierenland.example";
    public const string UnrelatedCoordinator = "coordinator@groenevallei.example";

    public static HttpClient AnonymousClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A client with the sign-in cookie of <paramref name="email"/>; redirects are not followed. An account with an
    /// authenticator app (the demo administrator, R-AUTH-2) also gets through the code step, with a code computed from
    /// <paramref name="authenticatorKey"/> (default: the demo administrator's key). Identity accepts a code again within
    /// its time window (it keeps no record of used codes), so signing in twice in 30 seconds works as for a person.
    /// </summary>
    public static async Task<HttpClient> SignedInClientAsync(
        this WebApplicationFactory<Program> app, string email, string password = AccountSeeder.DemoPassword, string? authenticatorKey = null)
    {
        var client = app.AnonymousClient();
        using var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {ErrorText(body)}");
        }

        if (response.RedirectTarget() == SecondFactor.StepPath)
        {
            using var step = await PostSecondFactorAsync(client, Totp.Code(authenticatorKey ?? AccountSeeder.DemoAdministratorAuthenticatorKey));
            if (step.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"The code step of {email} failed: {(int)step.StatusCode}");
            }
        }

        return client;
    }

    /// <summary>Fills in and posts the code page of the second step (an app code, or a recovery code), as a browser would.</summary>
    /// <param name="form">The code page as opened earlier (a person may post it minutes later); else it is opened now.</param>
    public static async Task<HttpResponseMessage> PostSecondFactorAsync(HttpClient client, string code, bool recoveryCode = false, string? form = null)
    {
        var path = SecondFactor.StepPath + (recoveryCode ? "?herstelcode=1" : string.Empty);
        form ??= await client.GetStringAsync(path);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryTokenIn(form),
            ["_handler"] = "second-factor",
            ["Input.Code"] = code,
        };
        if (recoveryCode)
        {
            fields["Herstelcode"] = "1";
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }

    /// <summary>Fills in and posts the login form, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(
        HttpClient client, string email, string password, string? returnUrl = null, string path = "/account/login")
    {
        var form = await client.GetStringAsync("/account/login" + (returnUrl is null ? string.Empty : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        var token = AntiforgeryTokenIn(form);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["ReturnUrl"] = returnUrl ?? string.Empty,
        });
        return await client.PostAsync(path, content);
    }

    /// <summary>The antiforgery token of the first form on a page, as a browser would send it back.</summary>
    public static string AntiforgeryTokenIn(string html) => WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);

    /// <summary>Where a redirect points, as a path on this site (redirects may carry the host or not).</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {response.StatusCode}");
        return location.IsAbsoluteUri
            ? (location.Host == "localhost" ? location.PathAndQuery : location.OriginalString)
            : location.OriginalString;
    }

    /// <summary>The message the login page shows, or an empty string.</summary>
    public static string ErrorText(string html)
    {
        var match = LoginError().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : string.Empty;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-testid=\"login-error\"[^>]*>([^<]*)<")]
    private static partial Regex LoginError();
}
