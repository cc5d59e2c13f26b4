using System.Security.Cryptography.X509Certificates;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace DoorlopendeLeerroutes.Web.Security;

/// <summary>
/// Where the data-protection keys (they protect the sign-in cookie and antiforgery tokens) live and how they are
/// protected at rest: in the database (table <c>DataProtectionKeys</c>), under one fixed application name, so every
/// instance of the app reads the same key ring and a cookie issued by one is accepted by the others (issue 17);
/// <c>DataProtection:CertificatePath</c> (a PFX file) with <c>DataProtection:CertificatePassword</c> encrypts each key
/// with that certificate, so a copy of the database (a backup) is worthless without the certificate from the secret
/// store. Production refuses to start without it (<see cref="ProductionRequirements"/>).
/// </summary>
public static class KeyProtection
{
    public const string ApplicationName = "DoorlopendeLeerroutes";
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    /// <summary>
    /// Read at start-up from the builder's configuration (appsettings, environment, command line): the data-protection
    /// builder offers no later hook for the decryption certificate. The database itself is reached lazily, through the
    /// app's own context.
    /// </summary>
    public static IServiceCollection AddKeyProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();

        var certificatePath = configuration[CertificatePathKey];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = LoadCertificate(certificatePath, configuration[CertificatePasswordKey]);

            // Unprotect with the same certificate object: otherwise decryption looks for it in the machine's certificate
            // store, where a container has none.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }

    /// <summary>
    /// Loads a PFX with its private key, or stops the start with a message naming the setting (<paramref name="pathKey"/>)
    /// and what the certificate is for; also used for the API's token certificate.
    /// </summary>
    internal static X509Certificate2 LoadCertificate(
        string path, string? password, string pathKey = CertificatePathKey, string passwordKey = CertificatePasswordKey,
        string purpose = "de data-protection-sleutels / the data-protection keys")
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"Het certificaat {path} heeft geen private sleutel.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException(
                $"Het certificaat voor {purpose} ({pathKey} = {path}) kan niet worden geladen: controleer het pad en {passwordKey}. "
                + "/ The certificate cannot be loaded: check the path and the password.",
                ex);
        }
    }
}
