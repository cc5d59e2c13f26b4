using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>
/// The app in Production, configured as docs/security.md asks: its host name, a TLS-terminating proxy, pupil-number keys
/// from configuration (the base class), and data-protection keys (in the database) encrypted with a certificate.
/// </summary>
public class ProductionAppFactory : AppFactory
{
    public const string Host = "leerroutes.example";
    public const string CertificatePassword = "test-certificaat-wachtwoord";

    public string CertificatePath => Path.Combine(Database.Folder, "dataprotection.pfx");

    protected override string Environment => "Production";

    /// <summary>A client that talks https to the app's own host name, as a browser behind the proxy would.</summary>
    public HttpClient HttpsClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"https://{Host}/"), AllowAutoRedirect = false, HandleCookies = true,
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        WriteCertificate(CertificatePath);

        // Host settings, not an added source: the data-protection setup reads them while Program.cs builds the services,
        // before sources added by a test are visible.
        builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", CertificatePassword);
        builder.UseSetting(DoorlopendeLeerroutes.Web.Api.ApiAuthentication.CertificatePathKey, CertificatePath); // signs the API's tokens (issue 14)
        builder.UseSetting(DoorlopendeLeerroutes.Web.Api.ApiAuthentication.CertificatePasswordKey, CertificatePassword);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AllowedHosts"] = $"{Host};localhost",
            ["ReverseProxy:KnownProxies"] = "10.0.0.2",
            ["https_port"] = "443",
        }));
    }

    private static void WriteCertificate(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=dlr-dataprotection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }
}
