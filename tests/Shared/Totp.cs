using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace DoorlopendeLeerroutes.Tests.Shared;

/// <summary>
/// The six-digit codes an authenticator app shows (RFC 6238: HMAC-SHA1 over the 30-second time step, RFC 4226's dynamic
/// truncation), written out here so the tests compute them as a phone would, independently of Identity's own code.
/// </summary>
internal static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>The code for <paramref name="base32Key"/> at <paramref name="moment"/> (default: now, as Identity uses the real clock).</summary>
    public static string Code(string base32Key, DateTimeOffset? moment = null)
    {
        var step = (moment ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / StepSeconds;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1 here; HMAC-SHA1 is not broken as a MAC
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A code that is surely wrong now (also not one of the neighbouring steps Identity accepts).</summary>
    public static string WrongCode(string base32Key)
    {
        var accepted = Enumerable.Range(-2, 5).Select(i => Code(base32Key, DateTimeOffset.UtcNow.AddSeconds(i * StepSeconds))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(i => i.ToString("D6", CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    /// <summary>RFC 4648 Base32 (A-Z, 2-7), spaces and case ignored, as apps accept a typed key.</summary>
    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
