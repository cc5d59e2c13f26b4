using DoorlopendeLeerroutes.Infrastructure.Pupils;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Web.Security;

/// <summary>
/// Outside Development the app refuses to start, with one message that lists everything to configure, rather than run
/// with a secret in a plain file next to the database, with cookies a browser will not send back over plain http, or
/// open to any Host header. (Development keeps its conveniences: a generated key file, http://localhost, any host.)
/// </summary>
public static class ProductionRequirements
{
    public const string AllowedHostsKey = "AllowedHosts";
    public const string KnownProxiesKey = "ReverseProxy:KnownProxies";

    /// <summary>Throws when a requirement is not met; <paramref name="servesHttp"/> is false for the command-line commands.</summary>
    public static void EnsureMet(WebApplication app, bool servesHttp)
    {
        if (app.Environment.IsDevelopment())
        {
            return;
        }

        var missing = Missing(app.Configuration, app.Services, servesHttp);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"De app start niet in de omgeving {app.Environment.EnvironmentName}; stel eerst in (zie docs/security.md, "
                + "\"Deployment and secrets\") / The app does not start outside Development until these are configured:"
                + Environment.NewLine + string.Join(Environment.NewLine, missing.Select(m => "- " + m)));
        }

        var keyFile = Path.Combine(app.Environment.ContentRootPath, "data", "keys", PupilNumberKeySource.KeyFileName);
        if (File.Exists(keyFile))
        {
            app.Logger.LogWarning(
                "A pupil-number key file {KeyFile} is still present although the keys now come from configuration; delete it once the configured keys are known to be the same",
                keyFile);
        }
    }

    public static IReadOnlyList<string> Missing(IConfiguration configuration, IServiceProvider services, bool servesHttp)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration[$"{PupilNumberKeySource.Section}:EncryptionKey"])
            || string.IsNullOrWhiteSpace(configuration[$"{PupilNumberKeySource.Section}:LookupKey"]))
        {
            missing.Add(
                "PupilNumbers:EncryptionKey en PupilNumbers:LookupKey uit de omgeving of een secret store (nooit een sleutelbestand "
                + "naast de database) / the pupil-number keys from the environment or a secret store, never a key file.");
        }

        if (!servesHttp)
        {
            return missing;
        }

        var allowedHosts = configuration[AllowedHostsKey];
        if (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Trim() == "*")
        {
            missing.Add(
                "AllowedHosts met de hostnaam of -namen van de app, gescheiden door ; (niet *) / AllowedHosts: the app's host "
                + "name(s), separated by ;, not *.");
        }

        if (!ServesHttps(configuration) && string.IsNullOrWhiteSpace(configuration[KnownProxiesKey]))
        {
            missing.Add(
                "HTTPS: een https-adres voor Kestrel (ASPNETCORE_URLS of ASPNETCORE_HTTPS_PORTS) of, achter een proxy die TLS "
                + "afhandelt, ReverseProxy:KnownProxies met het adres van die proxy / HTTPS: an https endpoint, or "
                + "ReverseProxy:KnownProxies naming the TLS-terminating proxy.");
        }

        // The encryptor as actually configured, not only the setting: a key ring without one is stored in plain XML.
        var keyManagement = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value;
        if (keyManagement.XmlEncryptor is null)
        {
            missing.Add(
                $"{KeyProtection.CertificatePathKey} en {KeyProtection.CertificatePasswordKey}: een certificaat (PFX) dat de "
                + "data-protection-sleutels in de database versleutelt / a PFX certificate that encrypts the data-protection "
                + "keys in the database.");
        }

        missing.AddRange(Api.ApiAuthentication.MissingInProduction(configuration));
        return missing;
    }

    /// <summary>Whether Kestrel is configured to listen on https itself.</summary>
    private static bool ServesHttps(IConfiguration configuration) =>
        (configuration["urls"] ?? string.Empty).Contains("https://", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_port"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(endpoint => (endpoint["Url"] ?? string.Empty).StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
