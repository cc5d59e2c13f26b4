using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>The page "Beveiliging" driven as a browser would, and the session cookie read as the server reads it.</summary>
public static partial class SecondFactorKit
{
    /// <summary>Posts one of the page's forms (by its form name) with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> PostSecurityFormAsync(
        HttpClient client, string formName, IReadOnlyDictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync(SecondFactor.SecurityPath);
        var values = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryTokenIn(page),
            ["_handler"] = formName,
        };
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(SecondFactor.SecurityPath, content);
    }

    /// <summary>Sets up an authenticator app on the page with the key it shows; returns the key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes, HttpResponseMessage Confirmed)> SetUpAuthenticatorAsync(HttpClient client)
    {
        using var started = await PostSecurityFormAsync(client, "start-app");
        var html = WebUtility.HtmlDecode(await started.Content.ReadAsStringAsync());
        var key = KeyShown().Match(html).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(key), "The page shows no key.");
        Assert.Contains($"otpauth://totp/", html, StringComparison.Ordinal);
        Assert.Contains($"secret={key.ToUpperInvariant()}", html, StringComparison.Ordinal);

        var confirmed = await PostSecurityFormAsync(client, "confirm-app", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        var codes = RecoveryCodes(await confirmed.Content.ReadAsStringAsync());
        return (key, codes, confirmed);
    }

    public static IReadOnlyList<string> RecoveryCodes(string html) =>
        [.. RecoveryCode().Matches(html).Select(m => m.Groups[1].Value.Trim())];

    /// <summary>
    /// The session the response's cookie carries, unprotected with the app's own keys (as the server reads it on the next
    /// request); null when the response sets no session cookie.
    /// </summary>
    public static ClaimsPrincipal? SessionIn(this AppFactory app, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return null;
        }

        var prefix = SessionPolicy.DevelopmentCookieName + "=";
        var value = cookies.Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => c[prefix.Length..].Split(';')[0])
            .LastOrDefault(v => v.Length > 0);
        if (value is null)
        {
            return null;
        }

        Assert.False(value.StartsWith("chunks-", StringComparison.Ordinal), "The session cookie was split into chunks.");
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Unprotect(value)?.Principal;
    }

    [GeneratedRegex("data-testid=\"authenticator-key\"[^>]*>([^<]+)<")]
    private static partial Regex KeyShown();

    [GeneratedRegex("data-testid=\"recovery-code\"[^>]*>([^<]+)<")]
    private static partial Regex RecoveryCode();
}
