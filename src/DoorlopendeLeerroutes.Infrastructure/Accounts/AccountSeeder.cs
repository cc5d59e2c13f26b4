using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;
using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>The three roles (always), and in Development the demo accounts listed in the README.</summary>
public sealed class AccountSeeder(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole<Guid>> roles, IDbContextFactory<AppDbContext> contexts,
    IUserStore<ApplicationUser> store)
{
    /// <summary>The password of every demo account (Development only; the README lists them).</summary>
    public const string DemoPassword = "Leerroute-Demo-2026";

    /// <summary>
    /// The demo administrator's authenticator key (Base32, Development only; the README prints it with its
    /// <c>otpauth://</c> URI): administrators sign in with a second factor (R-AUTH-2), also in the demo.
    /// </summary>
    public const string DemoAdministratorAuthenticatorKey = "DLRDEMOBEHEERDERTWEEDEFACTORKEY2";

    public static readonly IReadOnlyList<(string Email, string Name, UserRole Role, string? Brin, Guid? Id)> DemoAccounts =
    [
        ("beheerder@duo.example", "Bea Beheer", UserRole.Administrator, null, DemoData.AdministratorUserId),
        ("coordinator@horizon.example", "Carla Coördinator (De Horizon)", UserRole.Coordinator, "05KO", DemoData.VoCoordinatorUserId),
        ("lezer@horizon.example", "Lex Lezer (De Horizon)", UserRole.Viewer, "05KO", null),
        ("coordinator@rocrivierenland.example", "Mo Coördinator (ROC Rivierenland)", UserRole.Coordinator, "25PG", DemoData.MboCoordinatorUserId),
        ("lezer@rocrivierenland.example", "Lotte Lezer (ROC Rivierenland)", UserRole.Viewer, "25PG", null),
        ("coordinator@groenevallei.example", "Gijs Coördinator (Groene Vallei)", UserRole.Coordinator, "21CD", DemoData.OtherVoCoordinatorUserId),
    ];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Enum.GetNames<UserRole>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() }));
            }
        }
    }

    /// <summary>Adds the demo accounts to a database that has none yet.</summary>
    public async Task<int> SeedDemoAccountsAsync(CancellationToken cancellationToken = default)
    {
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var institutions = await db.Institutions.ToListAsync(cancellationToken);
        foreach (var (email, name, role, brin, id) in DemoAccounts)
        {
            var user = new ApplicationUser
            {
                Id = id ?? Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
                InstitutionId = brin is null ? null : institutions.Single(i => i.Brin.Value == brin).Id, LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, role.ToString()));
            if (role == UserRole.Administrator)
            {
                await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(
                    user, DemoAdministratorAuthenticatorKey, cancellationToken);
                Check(await users.SetTwoFactorEnabledAsync(user, true)); // saves the key too
            }
        }

        return DemoAccounts.Count;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding accounts failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
