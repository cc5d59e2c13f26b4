using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>
/// A browser for a sign-in through a federation, by hand: the app's in-memory client (with its cookies) and a real HTTP
/// client for the test identity providers (with their own), following redirects between the two and submitting the
/// provider's self-posting form (response_mode=form_post) back to the app, until a page of the app answers.
/// </summary>
public sealed partial class FederationBrowser : IDisposable
{
    private readonly HttpClient _idp;

    /// <param name="appClient">An app client to continue with (signed in already), or null for a new anonymous one.</param>
    public FederationBrowser(WebApplicationFactory<Program> app, HttpClient? appClient = null)
    {
        App = appClient ?? app.AnonymousClient();
        _idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });
    }

    /// <summary>The app's client, signed in once a sign-in succeeded.</summary>
    public HttpClient App { get; }

    /// <summary>Every address visited, in order (the app's as paths, the provider's absolute).</summary>
    public List<string> Visited { get; } = [];

    /// <summary>Starts the sign-in with the login page's button for <paramref name="provider"/> and follows it to the end.</summary>
    public Task<Landing> SignInAsync(string provider, string? returnUrl = null, Func<Task>? beforeAnswer = null) =>
        FollowAsync(
            new HttpRequestMessage(
                HttpMethod.Get,
                "/account/extern/" + provider.ToLowerInvariant() + (returnUrl is null ? string.Empty : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl))),
            beforeAnswer);

    /// <summary>Sends <paramref name="request"/> to the app and follows redirects and posted forms to a final answer.</summary>
    /// <param name="beforeAnswer">Runs before the provider's answer is posted back to the app (e.g. to stop the provider).</param>
    public async Task<Landing> FollowAsync(HttpRequestMessage request, Func<Task>? beforeAnswer = null)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var step = 0; step < 20; step++)
        {
            var toProvider = IsProvider(request.RequestUri!);
            var uri = request.RequestUri!;
            Visited.Add(toProvider ? uri.ToString() : uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString);
            using var response = await (toProvider ? _idp : App).SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectMethod)
            {
                var location = response.Headers.Location!;
                var next = location.IsAbsoluteUri ? location : new Uri(uri.IsAbsoluteUri ? uri : new Uri("http://localhost"), location);
                request = new HttpRequestMessage(HttpMethod.Get, IsProvider(next) ? next : new Uri(next.PathAndQuery, UriKind.Relative));
                continue;
            }

            if (toProvider && response.IsSuccessStatusCode && SelfPostingForm().Match(body) is { Success: true } form)
            {
                var action = new Uri(WebUtility.HtmlDecode(form.Groups["action"].Value));
                var fields = HiddenField().Matches(body).ToDictionary(
                    m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
                if (beforeAnswer is not null)
                {
                    await beforeAnswer();
                }

                request = new HttpRequestMessage(HttpMethod.Post, IsProvider(action) ? action : new Uri(action.PathAndQuery, UriKind.Relative))
                {
                    Content = new FormUrlEncodedContent(fields),
                };
                continue;
            }

            return new Landing(response.StatusCode, Visited[^1], body);
        }

        throw new InvalidOperationException("More than 20 steps: " + string.Join(" → ", Visited));
    }

    /// <summary>The message the login page shows for a refused sign-in through a federation, or an empty string.</summary>
    public static string ExternalErrorText(string html)
    {
        var match = ExternalError().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : string.Empty;
    }

    /// <summary>The app answers as http://localhost (the in-memory test server); every provider is elsewhere, on 127.0.0.1.</summary>
    private static bool IsProvider(Uri uri) => uri.IsAbsoluteUri && uri.Host != "localhost";

    public void Dispose()
    {
        App.Dispose();
        _idp.Dispose();
    }

    /// <summary>Where the journey ended: the status, the address (a path on the app) and the page.</summary>
    public sealed record Landing(HttpStatusCode Status, string Address, string Body)
    {
        public string ExternalError => ExternalErrorText(Body);
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"(?<action>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex SelfPostingForm();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenField();

    [GeneratedRegex("data-testid=\"external-login-error\"[^>]*>([^<]*)<")]
    private static partial Regex ExternalError();
}
