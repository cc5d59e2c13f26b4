using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>Random passwords that meet the password policy, for new accounts and resets; the user replaces it at once.</summary>
public static class OneTimePassword
{
    /// <summary>How long a one-time password works (a TimeSpan, e.g. "3.00:00:00"); default 72 hours.</summary>
    public const string LifetimeKey = "Accounts:OneTimePasswordLifetime";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(72);

    // No look-alikes (0/O, 1/l/I) so the password can be read out over the phone.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static string Generate(int length = 16)
    {
        var all = Upper + Lower + Digits;
        var chars = new char[length];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    /// <summary>The configured lifetime; a value that is not a positive time span stops the app rather than never expire.</summary>
    public static TimeSpan Lifetime(IConfiguration configuration)
    {
        var configured = configuration[LifetimeKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DefaultLifetime;
        }

        return TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var lifetime) && lifetime > TimeSpan.Zero
            ? lifetime
            : throw new InvalidOperationException($"{LifetimeKey} = '{configured}' is not a positive time span such as 3.00:00:00.");
    }

    /// <summary>Whether the user still has to replace a one-time password that no longer works.</summary>
    public static bool HasExpired(ApplicationUser user, DateTime utcNow) =>
        user.MustChangePassword && user.OneTimePasswordExpiresUtc is { } expires && expires <= utcNow;
}
