using System.Globalization;
using DoorlopendeLeerroutes.TestIdentityProvider;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>
/// The app (on a movable clock) with school federations configured, all served by one real test identity provider
/// (OpenIddict on Kestrel, loopback): <c>Entree</c> (BRIN, just-in-time accounts, <c>amr</c> <c>mfa</c> counts as two
/// factors), <c>Surf</c> (domain, just-in-time accounts), <c>School</c> (no just-in-time accounts); <c>Tijdelijk</c> on a
/// second provider a test may stop halfway (<see cref="FragileProvider"/>), and <c>Kapot</c>, whose authority is a port where
/// nothing listens (a provider that is down).
/// </summary>
public sealed class FederationAppFactory : ClockAppFactory, IAsyncLifetime
{
    public static readonly string[] Providers = ["Entree", "Surf", "School"];

    private TestIdentityProvider.TestIdentityProvider? _provider;
    private TestIdentityProvider.TestIdentityProvider? _fragile;

    /// <summary>The test identity provider; set <see cref="TestIdentityProvider.TestIdentityProvider.NextIdentity"/> before a sign-in.</summary>
    public TestIdentityProvider.TestIdentityProvider Provider =>
        _provider ?? throw new InvalidOperationException("The provider starts with the app.");

    /// <summary>The provider of <c>Tijdelijk</c>, for a test that stops it halfway through a sign-in.</summary>
    public TestIdentityProvider.TestIdentityProvider FragileProvider =>
        _fragile ?? throw new InvalidOperationException("The provider starts with the app.");

    /// <summary>A loopback port where nothing listens.</summary>
    public int DeadPort { get; } = FreePort();

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        var apps = Providers.Select(p => "oidc-" + p.ToLowerInvariant()).ToList();
        _provider = await TestIdentityProvider.TestIdentityProvider.StartAsync(
            apps.Select(s => $"http://localhost/signin-{s}"), apps.Select(s => $"http://localhost/signout-callback-{s}"));
        _fragile = await TestIdentityProvider.TestIdentityProvider.StartAsync(
            ["http://localhost/signin-oidc-tijdelijk"], ["http://localhost/signout-callback-oidc-tijdelijk"]);
        await InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var settings = new Dictionary<string, string?>();
        void Add(string name, string display, string authority, string? institution, string kind, bool jit)
        {
            var key = "Authentication:Providers:" + name + ":";
            settings[key + "DisplayName"] = display;
            settings[key + "Authority"] = authority;
            settings[key + "ClientId"] = TestIdentityProvider.TestIdentityProvider.ClientId;
            settings[key + "ClientSecret"] = TestIdentityProvider.TestIdentityProvider.ClientSecret;
            settings[key + "RequireHttpsMetadata"] = "false";
            settings[key + "Claims:Institution"] = institution;
            settings[key + "Claims:InstitutionKind"] = kind;
            settings[key + "JustInTimeAccounts"] = jit ? "true" : "false";
            settings[key + "MultiFactorAmr:0"] = "mfa";
        }

        var authority = Provider.Authority.ToString();
        Add("Entree", "Entree Federatie", authority, TestIdentity.EntreeInstitutionClaim, "Brin", jit: true);
        Add("Surf", "SURFconext", authority, TestIdentity.SurfInstitutionClaim, "Domain", jit: true);
        Add("School", "Schoolaccount", authority, TestIdentity.EntreeInstitutionClaim, "Brin", jit: false);
        Add("Tijdelijk", "Tijdelijke federatie", FragileProvider.Authority.ToString(), null, "Brin", jit: false);
        Add("Kapot", "Kapotte federatie", $"http://127.0.0.1:{DeadPort.ToString(CultureInfo.InvariantCulture)}/", null, "Brin", jit: false);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (_fragile is not null)
        {
            await _fragile.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
