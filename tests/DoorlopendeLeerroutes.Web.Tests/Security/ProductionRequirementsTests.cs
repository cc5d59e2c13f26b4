using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Security;

/// <summary>Issue 11, deployment without default secrets: outside Development the app names what is missing and does not start.</summary>
public sealed class ProductionRequirementsTests
{
    [Fact]
    public async Task Production_without_keys_hosts_https_and_key_protection_refuses_to_start_and_names_each_setting()
    {
        await using var app = new BareProductionApp();

        var error = Record.Exception(() => app.Server);

        Assert.NotNull(error);
        var message = Messages(error);
        Assert.Contains("De app start niet", message, StringComparison.Ordinal);
        Assert.Contains("PupilNumbers:EncryptionKey", message, StringComparison.Ordinal);
        Assert.Contains("AllowedHosts", message, StringComparison.Ordinal);
        Assert.Contains("ReverseProxy:KnownProxies", message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificatePath", message, StringComparison.Ordinal);

        // It refused before anything could write a pupil-number key file next to the database.
        Assert.False(Directory.Exists(Path.Combine(app.Database.Folder, "keys")));
    }

    [Fact]
    public async Task Production_fully_configured_starts()
    {
        await using var app = new ProductionAppFactory();

        using var client = app.CreateClient();
        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.True(health.IsSuccessStatusCode);
    }

    private static string Messages(Exception error)
    {
        var text = string.Empty;
        for (var e = (Exception?)error; e is not null; e = e.InnerException)
        {
            text += e.Message + Environment.NewLine;
        }

        return text;
    }

    /// <summary>Production with nothing configured but the database: no keys, hosts, https or key protection.</summary>
    private sealed class BareProductionApp : AppFactory
    {
        protected override string Environment => "Production";

        protected override IEnumerable<KeyValuePair<string, string?>> PupilNumberKeys =>
            [new("PupilNumbers:KeysFolder", Path.Combine(Database.Folder, "keys"))];
    }
}
