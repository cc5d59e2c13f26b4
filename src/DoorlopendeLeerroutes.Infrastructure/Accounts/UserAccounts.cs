using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary><see cref="IUserAccounts"/> on ASP.NET Core Identity.</summary>
internal sealed class UserAccounts(
    IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> contexts, TimeProvider time, IConfiguration configuration) : IUserAccounts
{
    public async Task<PagedResult<UserListItem>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.Users.CountAsync(cancellationToken);
        var rows = await Rows(db, db.Users.OrderBy(u => u.Email).Skip(page.Skip).Take(page.Take))
            .ToListAsync(cancellationToken);
        return new PagedResult<UserListItem>(rows.Select(ToItem).ToList(), total);
    }

    public async Task<UserListItem?> FindAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Rows(db, db.Users.Where(u => u.Id == userId)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToItem(row);
    }

    public async Task<Result<NewAccount>> CreateAsync(
        string email, string displayName, UserRole role, Guid? institutionId, CancellationToken cancellationToken = default)
    {
        var institutionCheck = await CheckInstitutionAsync(role, institutionId, cancellationToken);
        if (institutionCheck.IsFailure)
        {
            return Result<NewAccount>.Failure(institutionCheck.Errors);
        }

        return await InTransactionAsync<NewAccount>(async (users, _) =>
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                return Result<NewAccount>.Failure(AccountErrors.EmailTaken);
            }

            var user = new ApplicationUser
            {
                Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
                InstitutionId = role == UserRole.Administrator ? null : institutionId, MustChangePassword = true,
                OneTimePasswordExpiresUtc = OneTimePasswordExpiry(), LockoutEnabled = true,
            };
            var password = OneTimePassword.Generate();
            var failed = await FirstFailureAsync(
                () => users.CreateAsync(user, password),
                () => users.AddToRoleAsync(user, role.ToString()));
            return failed is null
                ? Result<NewAccount>.Success(new NewAccount(user.Id, email, password))
                : Result<NewAccount>.Failure(Errors(failed));
        }, cancellationToken);
    }

    public async Task<Result> ChangeAsync(
        Guid userId, string displayName, UserRole role, Guid? institutionId, CancellationToken cancellationToken = default)
    {
        var institutionCheck = await CheckInstitutionAsync(role, institutionId, cancellationToken);
        if (institutionCheck.IsFailure)
        {
            return institutionCheck;
        }

        return await InTransactionAsync<bool>(async (users, db) =>
        {
            await LockAdministratorsAsync(db, cancellationToken);
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null)
            {
                return Result<bool>.Failure(AccountErrors.NotFound);
            }

            var currentRoles = await users.GetRolesAsync(user);
            var demotesAnActiveAdministrator =
                currentRoles.Contains(nameof(UserRole.Administrator)) && !user.IsDisabled && role != UserRole.Administrator;
            var roleChanges = !currentRoles.SequenceEqual([role.ToString()]);
            var institutionChanges = user.InstitutionId != institutionId;
            user.DisplayName = displayName;
            user.InstitutionId = role == UserRole.Administrator ? null : institutionId;

            var steps = new List<Func<Task<IdentityResult>>> { () => users.UpdateAsync(user) };
            if (roleChanges)
            {
                steps.Add(() => users.RemoveFromRolesAsync(user, currentRoles));
                steps.Add(() => users.AddToRoleAsync(user, role.ToString()));
            }

            if (roleChanges || institutionChanges)
            {
                // What the user may see changed: open sessions must sign in again to pick it up.
                steps.Add(() => users.UpdateSecurityStampAsync(user));
            }

            var failed = await FirstFailureAsync([.. steps]);
            if (failed is not null)
            {
                return Result<bool>.Failure(Errors(failed));
            }

            return demotesAnActiveAdministrator && await CountActiveAdministratorsAsync(db, cancellationToken) == 0
                ? Result<bool>.Failure(AccountErrors.LastAdministrator)
                : Result<bool>.Success(true);
        }, cancellationToken);
    }

    public async Task<Result> SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken = default) =>
        await InTransactionAsync<bool>(async (users, db) =>
        {
            await LockAdministratorsAsync(db, cancellationToken);
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null)
            {
                return Result<bool>.Failure(AccountErrors.NotFound);
            }

            var disablesAnActiveAdministrator = disabled && !user.IsDisabled && await users.IsInRoleAsync(user, nameof(UserRole.Administrator));
            user.IsDisabled = disabled;
            var failed = disabled
                // A new security stamp invalidates every cookie of this user at its next request.
                ? await FirstFailureAsync(() => users.UpdateAsync(user), () => users.UpdateSecurityStampAsync(user))
                : await FirstFailureAsync(
                    () => users.UpdateAsync(user), () => users.SetLockoutEndDateAsync(user, null), () => users.ResetAccessFailedCountAsync(user));
            if (failed is not null)
            {
                return Result<bool>.Failure(Errors(failed));
            }

            return disablesAnActiveAdministrator && await CountActiveAdministratorsAsync(db, cancellationToken) == 0
                ? Result<bool>.Failure(AccountErrors.LastAdministrator)
                : Result<bool>.Success(true);
        }, cancellationToken);

    public async Task<Result<string>> ResetPasswordAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await InTransactionAsync<string>(async (users, _) =>
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null)
            {
                return Result<string>.Failure(AccountErrors.NotFound);
            }

            var password = OneTimePassword.Generate();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var failed = await FirstFailureAsync(
                () => users.ResetPasswordAsync(user, token, password),
                () =>
                {
                    user.MustChangePassword = true;
                    user.OneTimePasswordExpiresUtc = OneTimePasswordExpiry();
                    return users.UpdateAsync(user);
                },
                () => users.SetLockoutEndDateAsync(user, null),
                () => users.ResetAccessFailedCountAsync(user));
            return failed is null ? Result<string>.Success(password) : Result<string>.Failure(Errors(failed));
        }, cancellationToken);

    /// <summary>
    /// The last-administrator guard, counted inside the transaction after the change: the change is rolled back when
    /// no active administrator would be left. Changes that could demote one are serialised
    /// (<see cref="LockAdministratorsAsync"/>), so two simultaneous demotions cannot both see the other still active.
    /// </summary>
    private static Task<int> CountActiveAdministratorsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == nameof(UserRole.Administrator) && !u.IsDisabled
         select u.Id).CountAsync(cancellationToken);

    /// <summary>Serialises account changes that may touch the administrators, on every instance.</summary>
    private static Task LockAdministratorsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.LockAsync("DoorlopendeLeerroutes.Administrators", cancellationToken);

    /// <summary>
    /// Runs account work in a scope and transaction of its own: fresh data (no copy kept from earlier in a long
    /// circuit), and all or nothing (no account without a role, no role change without ending the sessions; a refused
    /// result rolls back what the work already saved).
    /// </summary>
    private async Task<Result<T>> InTransactionAsync<T>(
        Func<UserManager<ApplicationUser>, AppDbContext, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(users, db);
        if (result.IsSuccess)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    private DateTime OneTimePasswordExpiry() =>
        time.GetUtcNow().UtcDateTime + OneTimePassword.Lifetime(configuration);

    private static async Task<IdentityResult?> FirstFailureAsync(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return result;
            }
        }

        return null;
    }

    private async Task<Result> CheckInstitutionAsync(UserRole role, Guid? institutionId, CancellationToken cancellationToken)
    {
        var byRole = role.CheckInstitution(institutionId);
        if (byRole.IsFailure || institutionId is null)
        {
            return byRole;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Institutions.AnyAsync(i => i.Id == institutionId, cancellationToken)
            ? Result.Success()
            : Result.Failure(AccountErrors.InstitutionUnknown);
    }

    private static List<DomainError> Errors(IdentityResult result) =>
        result.Errors.Select(e => new DomainError("identity." + e.Code, e.Description)).ToList();

    // Filter and order the users first: EF cannot translate a filter on the projected record.
    private static IQueryable<UserRow> Rows(AppDbContext db, IQueryable<ApplicationUser> users) =>
        users.Select(u => new UserRow(
            u.Id,
            u.Email!,
            u.DisplayName,
            (from ur in db.UserRoles
             join r in db.Roles on ur.RoleId equals r.Id
             where ur.UserId == u.Id
             select r.Name).FirstOrDefault(),
            u.InstitutionId,
            db.Institutions.Where(i => i.Id == u.InstitutionId).Select(i => i.Name).FirstOrDefault(),
            u.IsDisabled,
            u.LockoutEnd,
            u.MustChangePassword,
            u.OneTimePasswordExpiresUtc));

    private UserListItem ToItem(UserRow row) => new(
        row.Id, row.Email, row.DisplayName,
        Enum.TryParse<UserRole>(row.RoleName, out var role) ? role : UserRole.Viewer,
        row.InstitutionId, row.InstitutionName, row.IsDisabled,
        row.LockoutEnd is { } end && end > time.GetUtcNow(), row.MustChangePassword,
        row.MustChangePassword && row.OneTimePasswordExpiresUtc is { } expires && expires <= time.GetUtcNow().UtcDateTime);

    private sealed record UserRow(
        Guid Id, string Email, string DisplayName, string? RoleName, Guid? InstitutionId, string? InstitutionName,
        bool IsDisabled, DateTimeOffset? LockoutEnd, bool MustChangePassword, DateTime? OneTimePasswordExpiresUtc);
}
