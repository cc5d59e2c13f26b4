using System.Security.Cryptography;
using System.Text;
using DoorlopendeLeerroutes.Domain.Pupils;

namespace DoorlopendeLeerroutes.Infrastructure.Pupils;

/// <summary>
/// Encryption at rest for pupil numbers (R-PUPIL-8). The number is stored encrypted with AES-256-GCM (a fresh nonce per
/// value, so equal numbers give different ciphertexts), and beside it a keyed hash (HMAC-SHA256 with a second key) that
/// makes look-up and the uniqueness index possible without ever storing or comparing the number itself.
/// </summary>
public sealed class PupilNumberProtector
{
    // Stored form: base64 of [format version][12-byte nonce][ciphertext][16-byte tag]. The version byte leaves room for
    // another algorithm or key later without guessing what an old value is.
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>The longest stored ciphertext: 1 + 12 + 9 + 16 bytes as base64.</summary>
    public const int MaxCipherLength = 52;

    /// <summary>HMAC-SHA256 as 64 hex characters.</summary>
    public const int HashLength = 64;

    private readonly Lazy<PupilNumberKeys> _keys;

    public PupilNumberProtector(Func<PupilNumberKeys> keys) => _keys = new Lazy<PupilNumberKeys>(keys);

    public PupilNumberProtector(PupilNumberKeys keys) => _keys = new Lazy<PupilNumberKeys>(keys);

    /// <summary>Identifies the key pair without revealing it; equal keys give equal fingerprints.</summary>
    public string KeyFingerprint => _keys.Value.Fingerprint;

    public string Encrypt(PupilNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var plain = Encoding.ASCII.GetBytes(number.Value);
        var stored = new byte[1 + NonceSize + plain.Length + TagSize];
        stored[0] = FormatVersion;
        var nonce = stored.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys.Value.EncryptionKey, TagSize);
        aes.Encrypt(nonce, plain, stored.AsSpan(1 + NonceSize, plain.Length), stored.AsSpan(1 + NonceSize + plain.Length, TagSize));
        return Convert.ToBase64String(stored);
    }

    /// <summary>Reads a stored number back; a value written with another key fails loudly instead of giving garbage.</summary>
    public PupilNumber Decrypt(string stored)
    {
        var bytes = Convert.FromBase64String(stored);
        if (bytes.Length <= 1 + NonceSize + TagSize || bytes[0] != FormatVersion)
        {
            throw new CryptographicException("Unknown format of a stored pupil number.");
        }

        var plainLength = bytes.Length - 1 - NonceSize - TagSize;
        var plain = new byte[plainLength];
        using var aes = new AesGcm(_keys.Value.EncryptionKey, TagSize);
        aes.Decrypt(bytes.AsSpan(1, NonceSize), bytes.AsSpan(1 + NonceSize, plainLength), bytes.AsSpan(1 + NonceSize + plainLength, TagSize), plain);
        return PupilNumber.Create(Encoding.ASCII.GetString(plain));
    }

    /// <summary>The keyed hash used for look-up and uniqueness.</summary>
    public string LookupHash(PupilNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return Convert.ToHexString(HMACSHA256.HashData(_keys.Value.LookupKey, Encoding.ASCII.GetBytes(number.Value)));
    }
}

/// <summary>The two 256-bit keys: one encrypts, one hashes. Separate keys, so the hash never helps to decrypt.</summary>
public sealed class PupilNumberKeys
{
    public const int KeySize = 32;

    public PupilNumberKeys(byte[] encryptionKey, byte[] lookupKey)
    {
        if (encryptionKey.Length != KeySize || lookupKey.Length != KeySize)
        {
            throw new ArgumentException($"Pupil-number keys must be {KeySize} bytes each.");
        }

        if (CryptographicOperations.FixedTimeEquals(encryptionKey, lookupKey))
        {
            throw new ArgumentException("The encryption key and the look-up key must differ.");
        }

        EncryptionKey = encryptionKey;
        LookupKey = lookupKey;
        Fingerprint = Convert.ToHexString(SHA256.HashData([.. SHA256.HashData(encryptionKey), .. SHA256.HashData(lookupKey)]))[..16];
    }

    public byte[] EncryptionKey { get; }

    public byte[] LookupKey { get; }

    public string Fingerprint { get; }

    public static PupilNumberKeys Generate() =>
        new(RandomNumberGenerator.GetBytes(KeySize), RandomNumberGenerator.GetBytes(KeySize));
}
