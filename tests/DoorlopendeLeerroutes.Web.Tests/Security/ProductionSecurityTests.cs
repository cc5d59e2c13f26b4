using System.Net;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Security;

/// <summary>Issue 11, HTTP hardening in Production: cookie flags, HSTS and the https redirect, allowed hosts, keys at rest.</summary>
public sealed class ProductionSecurityTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_secure_host_prefixed_on_path_root_without_domain()
    {
        var account = await NewAdministratorAsync("cookie@leerroutes.example");
        using var client = app.HttpsClient();

        using var signIn = await SignIn.PostLoginAsync(client, account.Email, account.OneTimePassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = Cookie(signIn, SessionPolicy.SecureCookieName);
        AssertHostPrefixed(session);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionPolicy.DevelopmentCookieName + "=", StringComparison.Ordinal));

        using var form = await app.HttpsClient().GetAsync("/account/login", Ct);
        AssertHostPrefixed(Cookie(form, SessionPolicy.SecureAntiforgeryCookieName));
    }

    [Fact]
    public async Task Https_gets_hsts_http_is_redirected_and_health_stays_on_http()
    {
        using var https = app.HttpsClient();
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://{ProductionAppFactory.Host}/"), AllowAutoRedirect = false,
        });

        using var page = await https.GetAsync("/account/login", Ct);
        using var redirected = await http.GetAsync("/account/login", Ct);
        using var health = await http.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
        Assert.Contains("upgrade-insecure-requests", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal($"https://{ProductionAppFactory.Host}/account/login", redirected.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_host_name_outside_AllowedHosts_is_refused()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://aanvaller.example/"), AllowAutoRedirect = false,
        });

        using var response = await client.GetAsync("/account/login", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Data_protection_keys_are_stored_in_the_database_encrypted_with_the_certificate()
    {
        // Issuing an antiforgery token makes sure the key ring exists.
        using var form = await app.HttpsClient().GetAsync("/account/login", Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);

        await using var db = await app.OpenDbContextAsync();
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(Ct);

        Assert.NotEmpty(keys); // in the database, shared by every instance (issue 17)
        foreach (var xml in keys)
        {
            Assert.NotNull(xml);
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("<X509Data>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
    }

    private async Task<NewAccount> NewAdministratorAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IUserAccounts>()
            .CreateAsync(email, "Beheer Test", UserRole.Administrator, null, Ct);
        Assert.True(created.IsSuccess, created.ToString());
        return created.Value;
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private static void AssertHostPrefixed(string cookie)
    {
        Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
    }
}
