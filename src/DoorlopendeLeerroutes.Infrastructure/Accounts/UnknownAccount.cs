using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>A password check against a made-up account, so signing in with an unknown address takes as long as with a known one.</summary>
internal static class UnknownAccount
{
    private static readonly PasswordHasher<ApplicationUser> Hasher = new();
    private static readonly ApplicationUser Nobody = new();
    private static readonly Lazy<string> Hash = new(() => Hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));

    public static void Verify(string password) => Hasher.VerifyHashedPassword(Nobody, Hash.Value, password);
}
